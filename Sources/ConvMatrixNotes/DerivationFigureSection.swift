/// A figure of a derivation document: a picture of the layer's computation, named as its file
/// is (`sliding.svg`, `transposed-equivalent.svg`, …).
public enum DerivationFigure: String, Hashable, Sendable, CaseIterable {
    /// The kernel sliding over the input, one frame per output.
    case sliding
    /// The transposed convolution as a direct convolution over the zero-inserted input.
    case transposedEquivalent = "transposed-equivalent"
    /// The transposed convolution as a scatter, one frame per input, then the overlap.
    case transposedScatter = "transposed-scatter"
    /// The backward pass: δ scattered through the kernel, then δ correlated with the input.
    case backward
}

/// The figures section at the end of a derivation document: a heading, then each figure with
/// its caption in the document's language (``DerivationPhrase/figureCaption(_:)``).
///
/// The pictures themselves are drawn elsewhere (ConvMatrixPictures); this type only places them:
/// Markdown links each figure's file, LaTeX embeds each figure's TikZ. In a standalone LaTeX
/// document the section goes before `\end{document}` and the preamble gains the packages the
/// pictures need; a fragment gets the section at its end, after a comment naming those packages.
public enum DerivationFigureSection {
    /// One figure of a Markdown document: what it shows and the path its image is linked by.
    public struct Link: Hashable, Sendable {
        /// What the figure shows.
        public let figure: DerivationFigure
        /// The path of the image, as the document links it.
        public let path: String

        /// The figure `figure`, linked as `path`.
        public init(_ figure: DerivationFigure, path: String) {
            self.figure = figure
            self.path = path
        }
    }

    /// One figure of a LaTeX document: what it shows and its TikZ code.
    public struct Picture: Hashable, Sendable {
        /// How the TikZ code is set on the page.
        public enum Layout: Hashable, Sendable {
            /// One `tikzpicture`, centred and scaled to 0.6 of the text width.
            case scaled
            /// Small multiples that lay themselves out (as they are).
            case asIs
        }

        /// What the figure shows.
        public let figure: DerivationFigure
        /// The TikZ code (no preamble).
        public let tikz: String
        /// How it is set.
        public let layout: Layout

        /// The figure `figure` drawn by `tikz`, set as `layout` says.
        public init(_ figure: DerivationFigure, tikz: String, layout: Layout) {
            self.figure = figure
            self.tikz = tikz
            self.layout = layout
        }
    }

    /// `document` (Markdown) with a figures section appended: per figure, the image and its
    /// caption in italics below it.
    public static func markdown(
        _ document: String, figures: [Link], language: NotesLanguage
    ) -> String {
        var out = document.hasSuffix("\n") ? document : document + "\n"
        out += "\n## \(language.text(.figuresHeading))\n\n"
        for link in figures {
            let caption = language.text(.figureCaption(link.figure))
            out += "![\(caption)](\(link.path))\n\n"
            out += "*\(caption)*\n\n"
        }
        return out
    }

    /// `document` (LaTeX) with a figures section: before `\end{document}` in a standalone
    /// document (whose preamble then also loads graphicx and tikz, after amsmath), or appended
    /// to a fragment after a comment naming the packages it needs.
    public static func latex(
        _ document: String, figures: [Picture], language: NotesLanguage, standalone: Bool
    ) -> String {
        var body = "\\section*{\(language.text(.figuresHeading))}\n"
        for picture in figures {
            switch picture.layout {
            case .scaled:
                body +=
                    "\\begin{center}\n\\resizebox{0.6\\textwidth}{!}{%\n\(picture.tikz)}\n\\end{center}\n"
            case .asIs:
                body += picture.tikz
            }
            let caption = LaTeXProse.escape(language.text(.figureCaption(picture.figure)))
            body += "\\par\\noindent\\emph{\(caption)}\\par\\bigskip\n"
        }
        guard standalone, let end = document.ranges(of: "\\end{document}").last else {
            return document + "% Needs \\usepackage{tikz} and \\usepackage{graphicx}.\n" + body
        }
        var out = document
        out.replaceSubrange(end, with: body + "\\end{document}")
        if let amsmath = out.firstRange(of: "\\usepackage{amsmath}\n") {
            out.insert(
                contentsOf: "\\usepackage{graphicx}\n\\usepackage{tikz}\n", at: amsmath.upperBound)
        }
        return out
    }
}
