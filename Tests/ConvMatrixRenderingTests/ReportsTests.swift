import Symbolic
import Testing

@testable import ConvMatrixCore
@testable import ConvMatrixRendering
@testable import ConvMatrixSymbols

/// The text reports on their own: the output-size arithmetic, the equivalent convolution and the
/// connectivity lists, line for line.
@Suite("Reports")
struct ReportsTests {
    @Test("ShapeReport writes the arithmetic of every axis with its numbers")
    func shape() throws {
        let conv = try ConvolutionSpec.input5x5Kernel3x3Stride2.validated()
        let report = ShapeReport(conv, style: TextStyle(ascii: false))
        #expect(
            report.lines == [
                "Convolution: input 5×5, kernel 3×3, stride 2, padding 0 → output 2×2", "",
                "Output size per axis: m = ⌊(n + p_before + p_after − d·(k − 1) − 1) / s⌋ + 1",
                "  rows: m = ⌊(5 + 0 + 0 − 1·(3 − 1) − 1) / 2⌋ + 1 = ⌊2 / 2⌋ + 1 = 1 + 1 = 2",
                "  columns: m = ⌊(5 + 0 + 0 − 1·(3 − 1) − 1) / 2⌋ + 1 = ⌊2 / 2⌋ + 1 = 1 + 1 = 2",
                "", "Output: 2×2",
                "U: 4 outputs × 25 inputs (column convention), 9 kernel weight(s)",
            ])
        #expect(report.warnings.isEmpty)
    }

    @Test("ShapeReport warns of inputs no window reaches, in ASCII too")
    func unreached() throws {
        let conv = try ConvolutionSpec(inputSize: [4, 4], kernelSize: [2, 2], stride: [3])
            .validated()
        let report = ShapeReport(conv, style: TextStyle(ascii: true))
        #expect(report.warnings.count == 2)
        #expect(report.warnings[0].hasPrefix("warning: rows: no window reaches input positions 2"))
        #expect(report.lines.allSatisfy { $0.unicodeScalars.allSatisfy(\.isASCII) })
        #expect(ShapeReport.runs([1...2, 5...5], style: TextStyle(ascii: false)) == "1–2, 5")
    }

    @Test("ShapeReport states the same padding it resolved")
    func samePadding() throws {
        let conv = try ConvolutionSpec(inputSize: [5, 7], kernelSize: [4], padding: .same)
            .validated()
        let lines = ShapeReport(conv, style: TextStyle(ascii: false)).lines
        #expect(lines.contains { $0.hasPrefix("same padding: total = max(") })
        #expect(
            lines.contains(
                "  rows: total = max((5 − 1)·1 + 1·(4 − 1) + 1 − 5, 0) = 3, so 1 before and 2 after"
            ))
        #expect(lines.last?.hasPrefix("U: 35 outputs × 35 inputs") == true)
    }

    @Test("EquivalentReport derives the direct convolution step by step")
    func equivalent() throws {
        let layer = try TransposedConvolutionSpec.input2x2Kernel3x3Stride2.validated()
        let report = EquivalentReport(
            try EquivalentConvolution(layer), verified: true, style: TextStyle(ascii: false))
        #expect(
            report.lines.first
                == "Transposed convolution: input 2×2, kernel 3×3, stride 2, padding 0 → output 5×5"
        )
        #expect(report.lines.contains("   rows: 1 zero(s); 2 → (2 − 1)·2 + 1 = 3"))
        #expect(
            report.lines.contains(
                "   columns: before 1·(3 − 1) − 0 = 2, after 1·(3 − 1) − 0 + 0 = 2"))
        #expect(
            report.lines.contains(
                "Equivalent convolution: input 3×3, kernel 3×3, stride 1, padding 2, kernel flipped (true convolution) → output 5×5"
            ))
        let unverified = EquivalentReport(
            try EquivalentConvolution(layer), verified: false, style: TextStyle(ascii: false))
        #expect(unverified.lines != report.lines)
    }

    @Test("ConnectivityReport lists each output's inputs and the inverse map")
    func connectivity() throws {
        let conv = try ConvolutionSpec(inputSize: [3], kernelSize: [2]).validated()
        let symbols = LayerSymbols(conv)
        let report = ConnectivityReport(
            try conv.unrolled(), targetName: { symbols.output($0) },
            sourceName: { symbols.input($0) }, tapNames: symbols.kernel)
        var text = ""
        report.write(
            layout: .text, printer: PlainTextPrinter(), style: TextStyle(ascii: false), to: &text)
        #expect(
            text == """
                Each output reads (input through tap):
                  O₀ ← I₀ k₀, I₁ k₁
                  O₁ ← I₁ k₀, I₂ k₁

                Inverse map, each input feeds (output through tap):
                  I₀ → O₀ k₀
                  I₁ → O₀ k₁, O₁ k₀
                  I₂ → O₁ k₁

                """)
    }

    @Test("ConnectivityReport parenthesises a sum of taps in text")
    func sumsOfTaps() throws {
        let conv = try ConvolutionSpec(
            inputSize: [3], kernelSize: [3], padding: .explicit([AxisPadding(1)]),
            paddingMode: .reflect
        ).validated()
        let symbols = LayerSymbols(conv)
        let report = ConnectivityReport(
            try conv.unrolled(), targetName: { symbols.output($0) },
            sourceName: { symbols.input($0) }, tapNames: symbols.kernel)
        var text = ""
        report.write(
            layout: .text, printer: PlainTextPrinter(), style: TextStyle(ascii: false), to: &text)
        #expect(text.contains("O₀ ← I₀ k₁, I₁ (k₀ + k₂)"))
    }
}
