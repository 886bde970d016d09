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

    /// The sections of a convolution's derivation, in order, as their English headings say.
    static let sections = [
        "The layer", "The input grid I", "The flattened input X", "The output size",
        "Kernel placements", "The unrolled matrix U", "The convolution as a product: O = X·U",
        "The transposed convolution T = Uᵀ", "Connectivity: C = O·T",
        "The equivalent direct convolution", "The backward pass",
    ]

    @Test("Markdown: the title, then one `##` heading per section, in order, with inline math")
    func markdownSections() throws {
        let markdown = try Self.render(.markdown)
        let headings = markdown.split(separator: "\n").filter { $0.hasPrefix("#") }
        #expect(
            headings == [
                "# The convolution as a matrix: a derivation", "## The layer",
                "## The input grid $I$", "## The flattened input $X$", "## The output size",
                "## Kernel placements", "## The unrolled matrix $U$",
                "## The convolution as a product: $O = X \\cdot U$",
                "## The transposed convolution $T = U^{\\top}$",
                "## Connectivity: $C = O \\cdot T$", "## The equivalent direct convolution",
                "## The backward pass",
            ])
        #expect(!markdown.contains("\\documentclass"))
        #expect(markdown.contains("- Input: 5×5\n- Kernel: 3×3\n- Stride: 2×2\n- Padding: 0×0\n"))
    }

    @Test("text: the same sections, numbered and underlined, with no markup")
    func textSections() throws {
        let text = try Self.render(.text)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        // A heading is a line underlined by a line of '=' (the title) or '-' (a section).
        let headings = zip(lines, lines.dropFirst()).compactMap { line, next in
            !next.isEmpty && next.count == line.count
                && (next.allSatisfy { $0 == "-" } || next.allSatisfy { $0 == "=" })
                ? String(line) : nil
        }
        #expect(
            headings
                == ["The convolution as a matrix: a derivation"]
                + Self.sections.enumerated().map { "\($0.offset + 1). \($0.element)" })
        #expect(!text.contains("\\begin{") && !text.contains("$"))
        #expect(text.contains("- Input: 5×5\n- Kernel: 3×3\n- Stride: 2×2\n- Padding: 0×0\n"))
        #expect(text.contains("one row per input and one column per output (25×4)"))
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
