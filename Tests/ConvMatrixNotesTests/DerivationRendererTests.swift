import Testing

@testable import ConvMatrixCore
@testable import ConvMatrixNotes

/// The derivation renderer on its own: the same derivation as LaTeX (fragment or document),
/// Markdown and text, in English and Spanish.
@Suite("Derivation renderer")
struct DerivationRendererTests {
    static func render(
        _ format: DerivationRenderer.Format, _ language: NotesLanguage = .en,
        standalone: Bool = false
    ) throws -> String {
        let conv = try ConvolutionSpec.input5x5Kernel3x3Stride2.validated()
        let derivation = try Derivation(conv, options: DerivationOptions())
        return DerivationRenderer(format: format, language: language, standalone: standalone)
            .render(derivation, layer: "5×5 input, 3×3 kernel, stride 2")
    }

    @Test("a LaTeX fragment has no preamble; a standalone document has one and ends")
    func latex() throws {
        let fragment = try Self.render(.latex)
        #expect(!fragment.contains("\\documentclass"))
        #expect(fragment.contains("\\begin{bmatrix}") || fragment.contains("\\begin{pmatrix}"))
        let document = try Self.render(.latex, standalone: true)
        #expect(document.hasPrefix("\\documentclass") || document.contains("\n\\documentclass"))
        #expect(document.contains("\\begin{document}"))
        #expect(
            document.trimmingCharacters(in: .whitespacesAndNewlines).hasSuffix("\\end{document}"))
        #expect(document.contains("5×5 input, 3×3 kernel, stride 2"))
    }

    @Test("Markdown and text carry the same sizes, in their own notation")
    func markdownAndText() throws {
        let markdown = try Self.render(.markdown)
        let text = try Self.render(.text)
        #expect(markdown.contains("# ") || markdown.contains("## "))
        #expect(!markdown.contains("\\documentclass"))
        #expect(!text.contains("\\begin{"))
        for output in [markdown, text] { #expect(output.contains("25")) }
        #expect(text.contains("U"))
    }

    @Test("English and Spanish differ in prose, not in mathematics")
    func languages() throws {
        let english = try Self.render(.markdown, .en)
        let spanish = try Self.render(.markdown, .es)
        #expect(english != spanish)
        let matrices = { (text: String) in
            text.split(separator: "\n").filter { $0.contains("\\begin{bmatrix}") }
        }
        #expect(matrices(english).count >= 3)
        #expect(matrices(english) == matrices(spanish))
    }

    @Test("rendering is a function of the derivation")
    func deterministic() throws {
        #expect(try Self.render(.latex, standalone: true) == Self.render(.latex, standalone: true))
    }
}
