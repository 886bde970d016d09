/// Prose made safe for LaTeX text mode: the ten special characters escaped, `…` as `\ldots`, and
/// the Unicode mathematics the phrase tables use (`×`, `·`, `−`, `ᵀ`, `⌊⌋`, `→`, `δ`, `∂`, `°`,
/// `⋯`, sub- and superscript digits) written as inline math, so that pdflatex with
/// `inputenc`/`fontenc` T1 accepts every sentence. Accented letters (Spanish) pass through; T1 and
/// UTF-8 input handle them. The derivation's prose, its frameworks section and its figure
/// captions all go through it.
package enum LaTeXProse {
    private static let subscripts: [Character] = ["₀", "₁", "₂", "₃", "₄", "₅", "₆", "₇", "₈", "₉"]
    private static let superscripts: [Character] = [
        "⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹",
    ]

    /// The LaTeX for one sentence of prose; inline formulas (``InlineMath``) become `$…$`
    /// unescaped.
    package static func escape(_ text: String) -> String {
        var result = ""
        var pieces = InlineMath.split(text)[...]
        if pieces.count > 1 {
            while let piece = pieces.popFirst() {
                switch piece {
                case .prose(let prose): result += escape(prose)
                case .math(let latex, _):
                    if result.hasSuffix("$") && !result.hasSuffix("\\$") {
                        result.removeLast()
                        result += " " + latex + "$"
                    } else {
                        result += "$" + latex + "$"
                    }
                }
            }
            return result
        }
        // Adjacent math joins into one `$…$`: `$a$$b$` would open display math.
        func math(_ source: String) {
            if result.hasSuffix("$") && !result.hasSuffix("\\$") {
                result.removeLast()
                result += source + "$"
            } else {
                result += "$" + source + "$"
            }
        }
        // A run of sub- or superscript digits is one group (`P₀₀` is `P$_{00}$`, not a double
        // subscript).
        var characters = Array(text)[...]
        scan: while let character = characters.popFirst() {
            for (scripts, marker) in [(subscripts, "_"), (superscripts, "^")] {
                guard let digit = scripts.firstIndex(of: character) else { continue }
                var digits = "\(digit)"
                while let next = characters.first, let more = scripts.firstIndex(of: next) {
                    digits += "\(more)"
                    characters = characters.dropFirst()
                }
                math("\(marker){\(digits)}")
                continue scan
            }
            switch character {
            case "\\": result += "\\textbackslash{}"
            case "&", "%", "$", "#", "_", "{", "}": result += "\\\(character)"
            case "~": result += "\\textasciitilde{}"
            case "^": result += "\\textasciicircum{}"
            case "×": math("\\times")
            case "·": math("\\cdot")
            case "−": math("-")
            case "ᵀ": math("^{\\top}")
            case "⌊": math("\\lfloor")
            case "⌋": math("\\rfloor")
            case "→": math("\\to")
            case "δ": math("\\delta")
            case "∂": math("\\partial")
            case "°": math("^\\circ")
            case "≥": math("\\geq")
            case "⋯": math("\\cdots")
            case "…": result += "\\ldots{}"
            case "⋮": math("\\vdots")
            case "⋆": math("\\star")
            case "∗": math("\\ast")
            default:
                if let digit = subscripts.firstIndex(of: character) {
                    math("_{\(digit)}")
                } else if let digit = superscripts.firstIndex(of: character) {
                    math("^{\(digit)}")
                } else {
                    result.append(character)
                }
            }
        }
        return result
    }
}
