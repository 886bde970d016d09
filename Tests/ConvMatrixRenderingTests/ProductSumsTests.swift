import ConvMatrixTestSupport
import Symbolic
import Testing

@testable import ConvMatrixRendering
@testable import ConvMatrixSymbols

/// The fast text of O = X·U and C = O·T equals the expression printers' text.
@Suite("Product sums")
struct ProductSumsTests {
    static let names: [SymbolNames] = [
        .ikO, .xwy, (try? SymbolNames(parsing: "a,B,c")) ?? .ikO,
        (try? SymbolNames(parsing: "\\xi,w,Y")) ?? .ikO,
    ]

    @Test("identical to LaTeXPrinter and PlainTextPrinter for random layers and letters")
    func identical() throws {
        var rng = SeededGenerator(seed: 77)
        for index in 0..<160 {
            let conv = RandomSpecs.convolution(using: &rng, maxRank: 2)
            let u = try conv.unrolled()
            let symbols = LayerSymbols(conv, names: Self.names[index % Self.names.count])
            let output = conv.symbolicOutput(u, symbols: symbols)
            let transposed = conv.symbolicTransposedOutput(u, symbols: symbols)
            // The fast text of both products equals the printer's string of each expression.
            func expectSame(_ sums: ProductSums, _ print: (Expression) -> String) {
                #expect(
                    conv.symbolicOutputText(u, symbols: symbols, sums: sums)
                        == output.map(print))
                #expect(
                    conv.symbolicTransposedOutputText(u, symbols: symbols, sums: sums)
                        == transposed.map(print))
            }
            for order in [LaTeXPrinter.TermOrder.sympy, .natural] {
                let printer = LaTeXPrinter(termOrder: order)
                expectSame(ProductSums(latex: printer), printer.string(for:))
            }
            for ascii in [false, true] {
                let printer = PlainTextPrinter(ascii: ascii)
                expectSame(ProductSums(plain: printer), printer.string(for:))
            }
        }
    }

    @Test("the grid writers lay cells out as the matrix printers do (slices, labels, alignment)")
    func grids() throws {
        var rng = SeededGenerator(seed: 78)
        for _ in 0..<40 {
            let conv = RandomSpecs.convolution(using: &rng)
            let u = try conv.unrolled()
            let symbols = LayerSymbols(conv)
            let slices = GridSlices(
                conv.symbolicOutput(u, symbols: symbols), channels: conv.outChannels,
                extents: conv.outputExtents)
            for style in [MatrixLaTeXPrinter.Style.sympy, .bmatrix] {
                let printer = MatrixLaTeXPrinter(style: style, expressionPrinter: LaTeXPrinter())
                var fast = ""
                LaTeXGridWriter(printer: printer).write(
                    cells: conv.symbolicOutputText(
                        u, symbols: symbols, sums: ProductSums(latex: printer.expressionPrinter)),
                    channels: conv.outChannels, extents: conv.outputExtents, to: &fast)
                let expected =
                    slices.slices.count == 1
                    ? printer.string(for: slices.slices[0].matrix)
                    : printer.string(forList: slices.slices.map(\.matrix))
                #expect(fast == expected)
            }
            for ascii in [false, true] {
                let printer = MatrixPlainTextPrinter(ascii: ascii)
                var fast = ""
                TextGridWriter(printer: printer).write(
                    cells: conv.symbolicOutputText(
                        u, symbols: symbols,
                        sums: ProductSums(plain: PlainTextPrinter(ascii: ascii))),
                    channels: conv.outChannels, extents: conv.outputExtents, to: &fast)
                var expected = ""
                for slice in slices.slices {
                    if !slice.label.isEmpty { expected += "\(slice.label):\n" }
                    expected += printer.string(for: slice.matrix) + "\n"
                }
                #expect(fast == expected)
            }
        }
    }
}
