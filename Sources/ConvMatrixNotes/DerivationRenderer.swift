import ConvMatrixCore
import ConvMatrixNumeric
import ConvMatrixRendering
import ConvMatrixSymbols

/// Prints a ``Derivation`` in one format and one language.
///
/// - `latex`: a fragment to `\input` into a document that loads amsmath (its header comment
///   says how large `MaxMatrixCols` must be), or with `standalone` a complete `article` that
///   sets it. Displays are `\[ … \]`.
/// - `markdown`: headings, paragraphs and `$$ … $$` blocks, which GitHub, Jupyter and MkDocs
///   (arithmatex) render with KaTeX or MathJax.
/// - `text`: numbered headings and aligned plain-text matrices for a terminal.
public struct DerivationRenderer: Hashable, Sendable {
    /// The output formats.
    public enum Format: String, Hashable, Sendable, CaseIterable {
        /// A LaTeX fragment, or a whole document with ``DerivationRenderer/standalone``.
        case latex
        /// Markdown with `$$…$$` display math.
        case markdown
        /// Plain text for a terminal.
        case text
    }

    /// The format.
    public var format: Format
    /// The prose language.
    public var language: NotesLanguage
    /// For `latex`: a complete document instead of a fragment.
    public var standalone: Bool
    /// For `text`: 7-bit ASCII matrices.
    public var ascii: Bool

    /// A renderer for `format` in `language`.
    public init(
        format: Format, language: NotesLanguage, standalone: Bool = false, ascii: Bool = false
    ) {
        self.format = format
        self.language = language
        self.standalone = standalone
        self.ascii = ascii
    }

    /// The document for `derivation`; `layer` is a one-line description for the header comment.
    public func render(_ derivation: Derivation, layer: String) -> String {
        var out = ""
        let title = language.text(.title)
        let columns = max(derivation.widestMatrix, 10)
        switch format {
        case .latex:
            if standalone {
                out += """
                    \\documentclass[10pt,a4paper]{article}
                    \\usepackage[utf8]{inputenc}
                    \\usepackage[T1]{fontenc}
                    \\usepackage{amsmath}
                    \\usepackage[margin=1.3cm]{geometry}
                    % amsmath's matrices stop at 10 columns unless MaxMatrixCols is raised.
                    \\setcounter{MaxMatrixCols}{\(columns)}
                    \\begin{document}
                    \\begin{center}\\Large\\bfseries \(LaTeXProse.escape(title))\\end{center}

                    """
            } else {
                out += "% Needs \\usepackage{amsmath} and \\setcounter{MaxMatrixCols}{\(columns)} "
                out +=
                    "(its widest matrix has \(derivation.widestMatrix) columns; amsmath's default is 10).\n"
            }
            out += "% \(layer)\n"
        case .markdown:
            out += "# \(title)\n\n"
        case .text:
            out += "\(title)\n\(String(repeating: "=", count: title.count))\n"
        }
        for (number, section) in derivation.sections.enumerated() {
            out += heading(
                number + 1, language.text(.heading(section.kind)), names: derivation.names)
            for block in section.blocks { out += render(block, names: derivation.names) }
        }
        if format == .latex && standalone { out += "\n\\end{document}\n" }
        return out
    }

    private func heading(_ number: Int, _ phrase: String, names: SymbolNames) -> String {
        // The phrase tables write the input and output as the letters I and O; `letters`
        // replaces them by the chosen ones (a Greek-letter command as math in LaTeX and
        // Markdown, as its Unicode letter in text).
        let text = letters(phrase, names: names)
        switch format {
        case .latex: return "\n\\section*{\(number). \(text)}\n"
        case .markdown: return "\n## \(number). \(text)\n"
        case .text:
            return
                "\n\(number). \(text)\n\(String(repeating: "-", count: "\(number). \(text)".count))\n"
        }
    }

    /// `phrase` in this format (escaped for LaTeX) with its stand-alone I and O replaced by the
    /// chosen letters.
    private func letters(_ phrase: String, names: SymbolNames) -> String {
        let marked = HeadingLetters.mark(phrase)
        switch format {
        case .latex:
            let filled = HeadingLetters.fill(LaTeXProse.escape(marked), names: names) { name in
                name.hasPrefix("\\") ? "$\(name)$" : LaTeXProse.escape(name)
            }
            return HeadingLetters.joiningAdjacentMath(filled)
        case .markdown:
            return HeadingLetters.fill(marked, names: names) { $0.hasPrefix("\\") ? "$\($0)$" : $0 }
        case .text:
            return HeadingLetters.fill(marked, names: names) { HeadingLetters.unicode($0) }
        }
    }

    private func paragraph(_ text: String) -> String {
        switch format {
        case .latex: "\n\(LaTeXProse.escape(text))\n"
        case .markdown, .text: "\n\(text)\n"
        }
    }

    /// A paragraph of the phrase tables, whose stand-alone I and O are the chosen letters.
    private func prose(_ phrase: String, names: SymbolNames) -> String {
        "\n\(letters(phrase, names: names))\n"
    }

    private func display(_ math: MathText) -> String {
        switch format {
        case .latex: "\\[\n\(math.latex)\n\\]\n"
        case .markdown: "\n$$\n\(math.latex)\n$$\n"
        case .text:
            "\n" + math.text.split(separator: "\n").map { "    \($0)" }.joined(separator: "\n")
                + "\n"
        }
    }

    private func render(_ block: Derivation.Block, names: SymbolNames) -> String {
        switch block {
        case .paragraph(let phrase):
            return prose(language.text(phrase), names: names)
        case .list(let phrases):
            let items = phrases.map(language.text)
            switch format {
            case .latex:
                return "\n\\begin{itemize}\n"
                    + items.map { "  \\item \(LaTeXProse.escape($0))\n" }.joined()
                    + "\\end{itemize}\n"
            case .markdown, .text:
                return "\n" + items.map { "- \($0)\n" }.joined()
            }
        case .formula(let math):
            return display(math)
        case .matrix(let name, let matrix, let caption, let statesSize):
            var out = caption.map { prose(language.text($0), names: names) } ?? ""
            let body: MathText
            if format == .text {
                let lines = matrix.text(ascii: ascii).split(separator: "\n").map(String.init)
                let prefix = "\(name.text) = "
                let indent = String(repeating: " ", count: prefix.count)
                let middle = lines.count / 2
                body = MathText(
                    latex: "",
                    text: lines.enumerated().map { ($0 == middle ? prefix : indent) + $1 }
                        .joined(separator: "\n"))
            } else {
                body = MathText(latex: "\(name.latex) = \(matrix.latex())", text: "")
            }
            if format == .latex && caption == nil { out += "\n" }
            out += display(body)
            if statesSize || matrix.isElided {
                out += paragraph(
                    language.text(
                        .size(
                            name: name.text, rows: matrix.rowCount, columns: matrix.columnCount,
                            elided: matrix.isElided)))
            }
            if matrix.hasShortenedEntries {
                out += paragraph(language.text(.shortenedTerms(terms: matrix.maxTerms)))
            }
            return out
        }
    }
}
