import ConvMatrixSymbols

/// A formula inside a sentence of the phrase tables, written twice: LaTeX (typeset as inline
/// math `$…$` in LaTeX and Markdown) and Unicode text (for terminals). The phrase tables embed
/// it with ``span(_:_:)`` between private-use delimiters, which renderers replace.
enum InlineMath {
    private static let open: Character = "\u{E010}"
    private static let middle: Character = "\u{E011}"
    private static let close: Character = "\u{E012}"
    /// Stands for the kernel's letter inside a formula (`vec(k)` with `--names x,w,y` is
    /// `vec(w)`); the letter `k` itself is the kernel *size* in the size rules.
    static let kernelMark: Character = "\u{E013}"

    /// The formula `latex` (`m = \left\lfloor … \right\rfloor + 1`), shown as `text` in plain
    /// text, to embed in a phrase.
    static func span(_ latex: String, _ text: String) -> String {
        "\(open)\(latex)\(middle)\(text)\(close)"
    }

    /// A piece of a phrase.
    enum Piece: Equatable {
        case prose(String)
        case math(latex: String, text: String)
    }

    /// The phrase cut into prose and formulas.
    static func split(_ phrase: String) -> [Piece] {
        var pieces: [Piece] = []
        var rest = Substring(phrase)
        while let start = rest.firstIndex(of: open) {
            if start > rest.startIndex { pieces.append(.prose(String(rest[..<start]))) }
            let body = rest[rest.index(after: start)...]
            guard let end = body.firstIndex(of: close), let mid = body.firstIndex(of: middle),
                mid < end
            else { break }
            pieces.append(
                .math(latex: String(body[..<mid]), text: String(body[body.index(after: mid)..<end]))
            )
            rest = body[body.index(after: end)...]
        }
        if !rest.isEmpty { pieces.append(.prose(String(rest))) }
        return pieces
    }

    /// `formula` with its stand-alone letters `I` and `O` and the kernel mark replaced by
    /// `names`; in text, a Greek command becomes its letter.
    static func renaming(_ formula: String, names: SymbolNames, latex: Bool) -> String {
        let characters = Array(formula)
        var result = ""
        for (index, character) in characters.enumerated() {
            let before = index > 0 ? characters[index - 1] : " "
            let after = index + 1 < characters.count ? characters[index + 1] : " "
            let alone = !before.isLetter && before != "\\" && !after.isLetter
            let name: String? =
                switch character {
                case "I" where alone: names.input
                case "O" where alone: names.output
                case kernelMark: names.kernel
                default: nil
                }
            guard let name else {
                result.append(character)
                continue
            }
            if latex {
                // A command followed by a letter needs a space (`\xi x`).
                result += name.hasPrefix("\\") && after.isLetter ? name + " " : name
            } else {
                result += HeadingLetters.unicode(name)
            }
        }
        return result
    }

    /// The phrase with each formula as `$latex$` (Markdown) — prose untouched.
    static func markdown(_ phrase: String) -> String {
        split(phrase).map {
            switch $0 {
            case .prose(let text): text
            case .math(let latex, _): "$\(latex)$"
            }
        }.joined()
    }

    /// The phrase with each formula in Unicode text.
    static func text(_ phrase: String) -> String {
        split(phrase).map {
            switch $0 {
            case .prose(let text): text
            case .math(_, let text): text
            }
        }.joined()
    }
}
