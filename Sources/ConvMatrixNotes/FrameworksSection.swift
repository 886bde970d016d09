import ConvMatrixCore
import ConvMatrixFrameworks

/// The "In your framework" section of a derivation: the derived convolution and its
/// transposed convolution (T = Uᵀ, output padding chosen to give back the input size) written
/// in PyTorch, TensorFlow, Keras, JAX and ONNX, each with its extra pad or crop, or why it has
/// none, and the valid output sizes of the transposed layer. Each line's matrix is rebuilt from
/// that framework's own rules and compared with U or T by ``ConvMatrixFrameworks/FrameworkComparison``; a line whose
/// matrix differs is marked.
public struct FrameworksSection: Sendable {
    /// The comparisons of the convolution and of its transpose.
    let forward: FrameworkComparison
    let transposed: FrameworkComparison

    /// The section for `convolution` (zeros padding: other padding modes are not a framework's
    /// padding and are described as zeros). Throws a budget error.
    public init(_ convolution: Convolution, limits: ResourceLimits = .default)
        throws(SpecificationError)
    {
        let geometry = FrameworkGeometry(convolution)
        func compare(_ g: FrameworkGeometry) throws(SpecificationError) -> FrameworkComparison {
            do {
                return try FrameworkComparison(g, limits: limits)
            } catch {
                switch error {
                case .rule(let rule): throw SpecificationError(.input, rule.description)
                case .budget(let budget): throw budget
                }
            }
        }
        forward = try compare(geometry)
        transposed = try compare(geometry.transposedCounterpart)
    }

    /// Whether every translation's matrix equals U or T.
    public var holds: Bool { forward.holds && transposed.holds }

    /// `document` with the section appended as section `number` (before `\end{document}` in a
    /// standalone LaTeX document).
    public func appended(
        to document: String, format: DerivationRenderer.Format, language: NotesLanguage, number: Int
    ) -> String {
        let section = render(format: format, language: language, number: number)
        let end = "\n\\end{document}\n"
        if format == .latex && document.hasSuffix(end) {
            return String(document.dropLast(end.count)) + section + end
        }
        return document + section
    }

    /// The section alone.
    public func render(format: DerivationRenderer.Format, language: NotesLanguage, number: Int)
        -> String
    {
        let spanish = language == .es
        let title = spanish ? "En tu framework" : "In your framework"
        let intro =
            spanish
            ? "La misma capa en cada framework. La matriz de cada línea, construida con las reglas de relleno y tamaño de salida de ese framework, es igual a U (o a T) entrada por entrada."
            : "The same layer in each framework. Each line's matrix, built from that framework's own padding and output-size rules, equals U (or T) entry by entry."
        let forwardHeading = spanish ? "La convolución (U):" : "The convolution (U):"
        let transposedHeading =
            spanish
            ? "La convolución transpuesta (T = Uᵀ), de vuelta al tamaño de entrada:"
            : "The transposed convolution (T = Uᵀ), back to the input size:"
        var out: String
        switch format {
        case .latex: out = "\n\\section*{\(number). \(title)}\n\(Self.latex(intro))\n"
        case .markdown: out = "\n## \(number). \(title)\n\n\(intro)\n"
        case .text:
            out =
                "\n\(number). \(title)\n\(String(repeating: "-", count: "\(number). \(title)".count))\n\(intro)\n"
        }
        for (heading, comparison) in [(forwardHeading, forward), (transposedHeading, transposed)] {
            let lines = Self.lines(comparison, spanish: spanish)
            switch format {
            case .latex:
                out += "\n\\paragraph{\(Self.latex(heading))}\n\\begin{itemize}\n"
                out += lines.map {
                    "  \\item \\textbf{\(Self.latex($0.0))}: \\texttt{\(Self.latex($0.1))}\n"
                }.joined()
                out += "\\end{itemize}\n"
            case .markdown:
                out += "\n\(heading)\n\n" + lines.map { "- **\($0.0)**: `\($0.1)`\n" }.joined()
            case .text:
                out += "\n\(heading)\n" + lines.map { "  \($0.0): \($0.1)\n" }.joined()
            }
        }
        // ASCII in LaTeX's verbatim, which pdflatex can't typeset → and × in.
        let sizes = FrameworksTextWriter.validSizesLines(
            transposed.geometry, ascii: format == .latex)
        if !sizes.isEmpty {
            switch format {
            case .latex:
                out +=
                    "\n\\begin{verbatim}\n" + sizes.joined(separator: "\n") + "\n\\end{verbatim}\n"
            case .markdown:
                out += "\n```\n" + sizes.joined(separator: "\n") + "\n```\n"
            case .text:
                out += "\n" + sizes.joined(separator: "\n") + "\n"
            }
        }
        return out
    }

    /// `(framework, "call; + pad first: …")` per framework.
    static func lines(_ comparison: FrameworkComparison, spanish: Bool) -> [(String, String)] {
        comparison.entries.map { entry in
            let name = entry.framework.displayName
            switch entry.translation {
            case .inexpressible(let reason):
                return (name, (spanish ? "no se puede: " : "none: ") + reason)
            case .expressed(let layer, let extras):
                var text = FrameworksTextWriter.call(layer, rank: comparison.geometry.rank)
                for phrase in FrameworksTextWriter.extraPhrases(extras, entry.framework) {
                    text += "; + \(phrase)"
                }
                if entry.check?.holds != true {
                    text += spanish ? " (¡la matriz difiere!)" : " (MATRIX DIFFERS)"
                }
                return (name, text)
            }
        }
    }

    /// LaTeX-escaped prose or code (``LaTeXProse``).
    static func latex(_ text: String) -> String { LaTeXProse.escape(text) }
}
