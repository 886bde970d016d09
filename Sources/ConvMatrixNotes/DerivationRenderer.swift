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
        // LaTeX numbers sections itself (\section); a Markdown heading carries no number,
        // so that its id (`#the-layer`) does not start with a digit, which MkDocs rejects.
        case .latex: return "\n\\section{\(text)}\n"
        case .markdown: return "\n## \(text)\n"
        case .text:
            return
                "\n\(number). \(text)\n\(String(repeating: "-", count: "\(number). \(text)".count))\n"
        }
    }

    /// `phrase` in this format (escaped for LaTeX) with its stand-alone I and O replaced by the
    /// chosen letters, and its formulas (``InlineMath``) as inline math `$…$` in LaTeX and
    /// Markdown, as Unicode in text.
    private func letters(_ phrase: String, names: SymbolNames) -> String {
        var out = ""
        for piece in InlineMath.split(phrase) {
            switch piece {
            case .prose(let prose): out += proseLetters(prose, names: names)
            case .math(let latex, let text):
                switch format {
                case .latex, .markdown:
                    out += "$" + InlineMath.renaming(latex, names: names, latex: true) + "$"
                case .text: out += InlineMath.renaming(text, names: names, latex: false)
                }
            }
        }
        return format == .latex ? HeadingLetters.joiningAdjacentMath(out) : out
    }

    private func proseLetters(_ phrase: String, names: SymbolNames) -> String {
        let marked = HeadingLetters.mark(phrase)
        switch format {
        case .latex:
            return HeadingLetters.fill(LaTeXProse.escape(marked), names: names) { name in
                name.hasPrefix("\\") ? "$\(name)$" : LaTeXProse.escape(name)
            }
        case .markdown:
            return HeadingLetters.fill(marked, names: names) { $0.hasPrefix("\\") ? "$\($0)$" : $0 }
        case .text:
            return HeadingLetters.fill(marked, names: names) { HeadingLetters.unicode($0) }
        }
    }

    private func paragraph(_ text: String) -> String {
        switch format {
        case .latex: "\n\(LaTeXProse.escape(text))\n"
        case .markdown: "\n\(InlineMath.markdown(text))\n"
        case .text: "\n\(InlineMath.text(text))\n"
        }
    }

    /// A paragraph of the phrase tables, whose stand-alone I and O are the chosen letters.
    private func prose(_ phrase: String, names: SymbolNames) -> String {
        "\n\(letters(phrase, names: names))\n"
    }

    /// The size command that makes a display `width` points wide (at 10 pt) fit the text
    /// column (380, see ``DerivationOptions/maxWidth``), or nil.
    static func size(forWidth width: Int) -> String? {
        let fits = 380
        if width <= fits { return nil }
        for (command, scale) in [("small", 0.9), ("footnotesize", 0.8), ("scriptsize", 0.7)]
        where Double(width) * scale <= Double(fits) {
            return command
        }
        return "tiny"
    }

    private func display(_ math: MathText, size: String? = nil) -> String {
        switch format {
        case .latex:
            // A size command is a text-mode switch: it wraps the display in a group.
            size.map { "{\\\($0)\n\\[\n\(math.latex)\n\\]}\n" } ?? "\\[\n\(math.latex)\n\\]\n"
        case .markdown: "\n$$\n\(size.map { "\\\($0) " } ?? "")\(math.latex)\n$$\n"
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
            let items = phrases.map { letters(language.text($0), names: names) }
            switch format {
            case .latex:
                return "\n\\begin{itemize}\n"
                    + items.map { "  \\item \($0)\n" }.joined()
                    + "\\end{itemize}\n"
            case .markdown, .text:
                return "\n" + items.map { "- \($0)\n" }.joined()
            }
        case .formula(let math):
            return display(math)
        case .equations(let list):
            // An equation line sets about 3.2 pt per plain-text character at 10 pt.
            let characters =
                list.text(ascii: ascii).split(separator: "\n").map { $0.unicodeScalars.count }
                .max() ?? 0
            var out = display(
                MathText(latex: list.latex, text: list.text(ascii: ascii)),
                size: DerivationRenderer.size(forWidth: Int(Double(characters) * 3.2)))
            if list.isElided {
                out += paragraph(
                    language.text(
                        .equationsShown(shown: list.total - list.leftOut, total: list.total)))
            }
            if list.hasShortenedSums {
                out += paragraph(language.text(.shortenedTerms(terms: list.maxTerms)))
            }
            return out
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
            let width = matrix.estimatedWidth(ascii: ascii) + 8 * name.text.count + 15
            out += display(body, size: DerivationRenderer.size(forWidth: width))
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
