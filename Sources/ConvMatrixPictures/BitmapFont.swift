/// A 3×5 pixel font for the labels of GIF frames: digits, Latin letters (lower case drawn as
/// upper case except the kernel letters k, w, x, y), the Greek letters and signs the captions use,
/// and subscript and superscript digits drawn one step smaller and lowered or raised. A
/// character it lacks is drawn as `?`.
enum BitmapFont {
    /// Rows of a glyph, top to bottom, three bits each (4 = left pixel).
    static let glyphs: [Character: [UInt8]] = {
        let table: [(Character, String)] = [
            ("0", "75557"), ("1", "26227"), ("2", "71747"), ("3", "71717"), ("4", "55711"),
            ("5", "74717"), ("6", "74757"), ("7", "71111"), ("8", "75757"), ("9", "75717"),
            ("A", "25755"), ("B", "65656"), ("C", "34443"), ("D", "65556"), ("E", "74647"),
            ("F", "74644"), ("G", "34553"), ("H", "55755"), ("I", "72227"), ("J", "11152"),
            ("K", "55655"), ("L", "44447"), ("M", "57755"), ("N", "65555"), ("O", "25552"),
            ("P", "65644"), ("Q", "25563"), ("R", "65655"), ("S", "34216"), ("T", "72222"),
            ("U", "55557"), ("V", "55552"), ("W", "55775"), ("X", "55255"), ("Y", "55222"),
            ("Z", "71247"), ("k", "45665"), ("x", "05225"), ("w", "05575"), ("y", "05316"),
            ("δ", "34252"), ("∂", "21352"), ("Σ", "74247"), ("=", "07070"), ("+", "02720"),
            ("-", "00700"), ("−", "00700"), (".", "00002"), (",", "00024"), ("/", "11244"),
            (":", "02020"), ("(", "24442"), (")", "42224"), ("·", "00200"), ("×", "05250"),
            (" ", "00000"), ("?", "71202"), ("'", "22000"), ("…", "00005"),
        ]
        var result: [Character: [UInt8]] = [:]
        for (c, rows) in table {
            result[c] = rows.unicodeScalars.map { UInt8($0.value - 48) }
        }
        return result
    }()

    /// Subscript and superscript characters and the plain character each stands for.
    static let scripts: [Character: (Character, Int)] = {
        var result: [Character: (Character, Int)] = [:]
        let subscripts = Array("₀₁₂₃₄₅₆₇₈₉")
        let superscripts = Array("⁰¹²³⁴⁵⁶⁷⁸⁹")
        for (i, c) in Array("0123456789").enumerated() {
            result[subscripts[i]] = (c, 1)
            result[superscripts[i]] = (c, -1)
        }
        result["⁽"] = ("(", -1)
        result["⁾"] = (")", -1)
        result["₍"] = ("(", 1)
        result["₎"] = (")", 1)
        result["⁺"] = ("+", -1)
        result["⁻"] = ("-", -1)
        result["₊"] = ("+", 1)
        result["₋"] = ("-", 1)
        return result
    }()

    /// One character placed: its glyph, pixel scale and offset from the baseline row.
    struct Placed {
        let rows: [UInt8]
        let x: Int
        let y: Int
        let scale: Int
    }

    /// The glyphs of `text` at `scale`, starting at x = 0 with the top of a normal glyph at
    /// y = 0, and the total width.
    static func layout(_ text: String, scale: Int) -> (glyphs: [Placed], width: Int) {
        var placed: [Placed] = []
        var x = 0
        for c in text {
            var character = c
            var script = 0
            if let (plain, position) = scripts[c] {
                character = plain
                script = position
            }
            let rows =
                glyphs[character] ?? glyphs[Character(character.uppercased())] ?? glyphs["?"]
                ?? []
            let s = script == 0 ? scale : max(1, scale - 1)
            let y = script == 0 ? 0 : (script > 0 ? 5 * scale - 3 * s : -2 * s)
            placed.append(Placed(rows: rows, x: x, y: y, scale: s))
            x += 4 * s
        }
        return (placed, max(0, x - (placed.last?.scale ?? 0)))
    }
}
