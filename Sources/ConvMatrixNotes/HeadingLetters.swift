import ConvMatrixSymbols

/// The letters I and O of the derivation's headings, replaced by the letters the user chose
/// (`--names x,w,y`).
///
/// A letter counts only when it stands alone (no letter before or after it), so `O = X·U` and
/// `C = O·T` change and no word does. Markers from Unicode's private-use area hold the places
/// while the rest of the heading is escaped for its format.
enum HeadingLetters {
    static let inputMarker: Character = "\u{E000}"
    static let outputMarker: Character = "\u{E001}"

    /// `phrase` with every stand-alone `I` and `O` replaced by a marker.
    static func mark(_ phrase: String) -> String {
        let characters = Array(phrase)
        var result = ""
        for (index, character) in characters.enumerated() {
            let before = index > 0 ? characters[index - 1] : " "
            let after = index + 1 < characters.count ? characters[index + 1] : " "
            let alone = !before.isLetter && !after.isLetter
            switch character {
            case "I" where alone: result.append(inputMarker)
            case "O" where alone: result.append(outputMarker)
            default: result.append(character)
            }
        }
        return result
    }

    /// `text` with the markers replaced by `write(name)` of the input and output letters.
    static func fill(_ text: String, names: SymbolNames, write: (String) -> String) -> String {
        var result = ""
        for character in text {
            switch character {
            case inputMarker: result += write(names.input)
            case outputMarker: result += write(names.output)
            default: result.append(character)
            }
        }
        return result
    }

    /// A Greek-letter command as its Unicode letter (`\xi` → `ξ`); any other name unchanged.
    static func unicode(_ name: String) -> String {
        guard name.hasPrefix("\\") else { return name }
        return greek[String(name.dropFirst())] ?? name
    }

    private static let greek: [String: String] = [
        "alpha": "α", "beta": "β", "gamma": "γ", "delta": "δ", "epsilon": "ϵ", "varepsilon": "ε",
        "zeta": "ζ", "eta": "η", "theta": "θ", "vartheta": "ϑ", "iota": "ι", "kappa": "κ",
        "lambda": "λ", "mu": "μ", "nu": "ν", "xi": "ξ", "pi": "π", "varpi": "ϖ", "rho": "ρ",
        "varrho": "ϱ", "sigma": "σ", "varsigma": "ς", "tau": "τ", "upsilon": "υ", "phi": "ϕ",
        "varphi": "φ", "chi": "χ", "psi": "ψ", "omega": "ω", "Gamma": "Γ", "Delta": "Δ",
        "Theta": "Θ", "Lambda": "Λ", "Xi": "Ξ", "Pi": "Π", "Sigma": "Σ", "Upsilon": "Υ",
        "Phi": "Φ", "Psi": "Ψ", "Omega": "Ω",
    ]

    /// `$a$$b$` written as `$ab$`: adjacent inline math must be one formula, because `$$` would
    /// open display math. An escaped dollar (`\$`) is left alone.
    static func joiningAdjacentMath(_ latex: String) -> String {
        var result = ""
        var previous: Character = " "
        var iterator = Array(latex).makeIterator()
        var pending = iterator.next()
        while let character = pending {
            let next = iterator.next()
            if character == "$" && next == "$" && previous != "\\" {
                // Drop the closing and the opening dollar.
                pending = iterator.next()
                continue
            }
            result.append(character)
            previous = character
            pending = next
        }
        return result
    }
}
