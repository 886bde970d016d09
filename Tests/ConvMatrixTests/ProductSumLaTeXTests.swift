import Symbolic
import Testing

@testable import ConvMatrix

/// The fast LaTeX of O = X·U and C = O·T equals the expression printer's.
@Suite("Product sums in LaTeX")
struct ProductSumLaTeXTests {
    @Test("identical to LaTeXPrinter for random layers, both term orders, several letter choices")
    func identical() throws {
        var rng = SeededGenerator(seed: 77)
        let names = [
            SymbolNames.seed004, .seed003, try SymbolNames(parsing: "a,B,c"),
            try SymbolNames(parsing: "\\xi,w,Y"),
        ]
        for index in 0..<160 {
            let conv = RandomSpecs.convolution(using: &rng, maxRank: 2)
            let u = try conv.unrolled()
            let symbols = LayerSymbols(conv, names: names[index % names.count])
            for order in [LaTeXPrinter.TermOrder.sympy, .natural] {
                let printer = LaTeXPrinter(termOrder: order)
                #expect(
                    conv.symbolicOutputLaTeX(u, symbols: symbols, printer: printer)
                        == conv.symbolicOutput(u, symbols: symbols).map(printer.string(for:)),
                    "\(conv.spec)")
                #expect(
                    conv.symbolicTransposedOutputLaTeX(u, symbols: symbols, printer: printer)
                        == conv.symbolicTransposedOutput(u, symbols: symbols).map(
                            printer.string(for:)),
                    "\(conv.spec)")
            }
        }
    }

    @Test("the grid writer lays cells out as the matrix printer does")
    func grid() throws {
        let conv = try ConvolutionSpec(
            inputSize: [2, 2, 2], kernelSize: [1, 1, 1], outChannels: 2
        ).validated()
        let u = try conv.unrolled()
        let symbols = LayerSymbols(conv)
        for style in [MatrixLaTeXPrinter.Style.sympy, .bmatrix] {
            let printer = MatrixLaTeXPrinter(style: style, expressionPrinter: LaTeXPrinter())
            var fast = ""
            LaTeXGridWriter(printer: printer).write(
                cells: conv.symbolicOutputLaTeX(
                    u, symbols: symbols, printer: printer.expressionPrinter),
                channels: conv.outChannels, extents: conv.outputExtents, to: &fast)
            let slices = GridSlices(
                conv.symbolicOutput(u, symbols: symbols), channels: 2, extents: conv.outputExtents)
            #expect(fast == printer.string(forList: slices.slices.map(\.matrix)))
        }
    }
}
