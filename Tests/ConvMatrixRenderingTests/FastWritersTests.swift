import ConvMatrixTestSupport
import Symbolic
import Testing

@testable import ConvMatrixRendering
@testable import ConvMatrixSymbols

/// The fast writers print exactly what the generic printers print.
@Suite("Fast matrix writers")
struct FastWritersTests {
    static let latexPrinters: [MatrixLaTeXPrinter] = [
        MatrixLaTeXPrinter(style: .sympy, expressionPrinter: LaTeXPrinter(termOrder: .sympy)),
        MatrixLaTeXPrinter(style: .bmatrix, expressionPrinter: LaTeXPrinter(termOrder: .natural)),
        MatrixLaTeXPrinter(style: .pmatrix, expressionPrinter: LaTeXPrinter(termOrder: .natural)),
    ]

    @Test(
        "LaTeX and text, symbols and numbers, every padding mode: identical to the generic printers"
    )
    func identical() throws {
        var rng = SeededGenerator(seed: 404)
        for index in 0..<150 {
            let conv = RandomSpecs.convolution(using: &rng, maxRank: 2)
            let u = try conv.unrolled()
            let matrix = index % 2 == 0 ? u : u.transposed()
            let symbols = LayerSymbols(conv)
            let values: [Expression] =
                index % 3 == 0
                ? try (0..<conv.weightCount).map {
                    Expression(try Rational($0 % 5 - 2, 1 + $0 % 3))
                }
                : symbols.kernel.map { Expression($0) }
            let source = try SymbolicTapMatrix(matrix, tapValues: values)
            for printer in Self.latexPrinters {
                var fast = ""
                TapMatrixLaTeXWriter(printer: printer).write(source, to: &fast)
                #expect(fast == printer.string(for: source), "\(conv.spec)")
            }
            for ascii in [false, true] {
                let printer = MatrixPlainTextPrinter(ascii: ascii)
                var fast = ""
                TapMatrixTextWriter(printer: printer).write(source, to: &fast)
                #expect(fast == printer.string(for: source), "\(conv.spec)")
            }
        }
    }
}
