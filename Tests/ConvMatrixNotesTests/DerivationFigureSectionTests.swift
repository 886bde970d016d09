import ConvMatrixNotes
import Testing

/// The figures section at the end of a derivation: captions from the phrase tables, Markdown
/// links, and LaTeX pictures placed before `\end{document}`.
@Suite("Derivation figures section")
struct DerivationFigureSectionTests {
    @Test("every figure has a caption in every language, and the languages differ")
    func captions() {
        for figure in DerivationFigure.allCases {
            let english = NotesLanguage.en.text(.figureCaption(figure))
            let spanish = NotesLanguage.es.text(.figureCaption(figure))
            #expect(!english.isEmpty && !spanish.isEmpty && english != spanish)
        }
        #expect(NotesLanguage.en.text(.figuresHeading) == "Figures")
        #expect(NotesLanguage.es.text(.figuresHeading) == "Figuras")
    }

    @Test("Markdown: a heading, then each image with its caption in italics below")
    func markdown() {
        let out = DerivationFigureSection.markdown(
            "# Notes", figures: [.init(.sliding, path: "fig/sliding.svg")], language: .es)
        #expect(
            out
                == "# Notes\n\n## Figuras\n\n"
                + "![El kernel deslizándose sobre la entrada, un cuadro por salida.](fig/sliding.svg)\n\n"
                + "*El kernel deslizándose sobre la entrada, un cuadro por salida.*\n\n")
    }

    @Test(
        "LaTeX: before \\end{document} in a document, whose preamble gains tikz and graphicx; prose escaped (δ as math)"
    )
    func standalone() {
        let document =
            "\\documentclass{article}\n\\usepackage{amsmath}\n\\begin{document}\nU\n\\end{document}\n"
        let out = DerivationFigureSection.latex(
            document, figures: [.init(.backward, tikz: "PICTURE\n", layout: .scaled)],
            language: .en, standalone: true)
        #expect(
            out
                == "\\documentclass{article}\n\\usepackage{amsmath}\n\\usepackage{graphicx}\n"
                + "\\usepackage{tikz}\n\\begin{document}\nU\n\\section*{Figures}\n"
                + "\\begin{center}\n\\resizebox{0.6\\textwidth}{!}{%\nPICTURE\n}\n\\end{center}\n"
                + "\\par\\noindent\\emph{The backward pass: $\\delta$ scattered through the kernel, then $\\delta$ correlated with the input.}\\par\\bigskip\n"
                + "\\end{document}\n")
    }

    @Test("LaTeX fragment: the section at the end, after a comment naming the packages")
    func fragment() {
        let out = DerivationFigureSection.latex(
            "U\n", figures: [.init(.sliding, tikz: "SMALL MULTIPLES\n", layout: .asIs)],
            language: .en, standalone: false)
        #expect(
            out
                == "U\n% Needs \\usepackage{tikz} and \\usepackage{graphicx}.\n\\section*{Figures}\n"
                + "SMALL MULTIPLES\n"
                + "\\par\\noindent\\emph{The kernel sliding over the input, one frame per output.}\\par\\bigskip\n"
        )
    }
}
