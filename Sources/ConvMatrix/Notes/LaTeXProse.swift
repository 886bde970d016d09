/// Prose made safe for LaTeX text mode: the ten special characters escaped, and the Unicode
/// mathematics the phrase tables use (`×`, `·`, `−`, `ᵀ`, `⌊⌋`, `→`, `δ`, `∂`, `°`) written as
/// inline math, so that pdflatex with `inputenc`/`fontenc` T1 accepts every sentence. Accented
/// letters (Spanish) pass through; T1 and UTF-8 input handle them.
enum LaTeXProse {
    /// The LaTeX for one sentence of prose.
    static func escape(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case "\\": result += "\\textbackslash{}"
            case "&", "%", "$", "#", "_", "{", "}": result += "\\\(character)"
            case "~": result += "\\textasciitilde{}"
            case "^": result += "\\textasciicircum{}"
            case "×": result += "$\\times$"
            case "·": result += "$\\cdot$"
            case "−": result += "$-$"
            case "ᵀ": result += "$^{\\top}$"
            case "⌊": result += "$\\lfloor$"
            case "⌋": result += "$\\rfloor$"
            case "→": result += "$\\to$"
            case "δ": result += "$\\delta$"
            case "∂": result += "$\\partial$"
            case "°": result += "$^\\circ$"
            case "≥": result += "$\\geq$"
            case "⋯": result += "$\\cdots$"
            case "⋮": result += "$\\vdots$"
            default: result.append(character)
            }
        }
        return result
    }
}
