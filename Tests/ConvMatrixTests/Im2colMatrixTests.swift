import Symbolic
import Testing

@testable import ConvMatrix

/// The im2col matrix M(x): y = M(x)·vec(k), the weight gradient's matrix.
@Suite("im2col matrix")
struct Im2colMatrixTests {
    /// Σ_t M[r, t]·k_t for every output r.
    static func product(_ m: Im2colMatrix, kernel: [Symbol]) throws -> [Expression] {
        try (0..<m.rowCount).map { r in
            try m.nonZeroEntries(inRow: r).reduce(Expression.zero) { sum, entry in
                try sum + entry.value * Expression(kernel[entry.column])
            }
        }
    }

    @Test(
        "M(x)·vec(k) is the symbolic output X·U",
        arguments: [
            ConvolutionSpec.seed004,
            ConvolutionSpec(inputSize: [4, 4], kernelSize: [3, 3], inChannels: 2, outChannels: 3),
            ConvolutionSpec(
                inputSize: [5, 5], kernelSize: [3, 3], padding: .explicit([AxisPadding(1)]),
                paddingMode: .reflect),
            ConvolutionSpec(inputSize: [7], kernelSize: [3], stride: [2], dilation: [2]),
        ])
    func reproducesOutput(spec: ConvolutionSpec) throws {
        let conv = try spec.validated()
        let u = try conv.unrolled()
        let symbols = LayerSymbols(conv)
        let m = Im2colMatrix(u, symbols: symbols)
        #expect(m.rowCount == conv.outputCount && m.columnCount == conv.weightCount)
        #expect(
            try Self.product(m, kernel: symbols.kernel) == conv.symbolicOutput(u, symbols: symbols))
    }

    @Test("seed 004: output (0,0) reads I_00 through k_00 and I_22 through k_22")
    func seed004Row() throws {
        let conv = try ConvolutionSpec.seed004.validated()
        let m = Im2colMatrix(try conv.unrolled(), symbols: LayerSymbols(conv))
        let row = m.nonZeroEntries(inRow: 0)
        #expect(row.count == 9)
        #expect(row.first?.value == Expression(Symbol("I", indices: [0, 0])))
        #expect(row.last?.value == Expression(Symbol("I", indices: [2, 2])))
    }
}
