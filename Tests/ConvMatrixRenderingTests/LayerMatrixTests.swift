import ConvMatrixCore
import ConvMatrixRendering
import ConvMatrixSymbols
import Testing

/// `LayerMatrix`: which matrix of a layer is printed, its shape, its channel blocks, and the
/// rule `(convention == .row) != transposed` in one place.
@Suite("Layer matrix")
struct LayerMatrixTests {
    static func conv() throws -> Convolution {
        try ConvolutionSpec(
            inputSize: [5, 4], kernelSize: [3, 2], stride: [2, 1], inChannels: 2, outChannels: 3
        ).validated()
    }

    @Test(
        "shape, rows and flip in the four cases",
        arguments: [
            (MatrixConvention.column, false, false, true),
            (.column, true, true, false),
            (.row, false, true, false),
            (.row, true, false, true),
        ])
    func cases(convention: MatrixConvention, transposed: Bool, flipped: Bool, rowsAreOutputs: Bool)
        throws
    {
        let conv = try Self.conv()
        let view = LayerMatrix(.convolution(conv), convention: convention, transposed: transposed)
        #expect(view.isFlipped == flipped)
        #expect(view.rowsAreOutputs == rowsAreOutputs)
        let expected =
            rowsAreOutputs
            ? (conv.outputCount, conv.inputCount) : (conv.inputCount, conv.outputCount)
        #expect(view.shape == expected)
        let matrix = try view.matrix()
        #expect((matrix.rowCount, matrix.columnCount) == expected)
        let u = try conv.unrolled()
        #expect(matrix == (flipped ? u.transposed() : u))
        let blocks = try #require(view.blocks)
        #expect(
            blocks
                == (rowsAreOutputs
                    ? (conv.outputExtents.count, conv.inputExtents.count)
                    : (conv.inputExtents.count, conv.outputExtents.count)))
    }

    @Test("no blocks without channels; a transposed layer's matrix is its T")
    func transposedLayer() throws {
        let layer = try TransposedConvolutionSpec(
            inputSize: [2, 3], kernelSize: [3, 3], stride: [2, 2], outputPadding: [1, 0]
        ).validated()
        let view = LayerMatrix(.transposed(layer), convention: .column)
        #expect(view.blocks == nil)
        #expect(view.shape == (layer.outputCount, layer.inputCount))
        #expect(try view.matrix() == layer.unrolled())
        let row = LayerMatrix(.transposed(layer), convention: .row, transposed: true)
        #expect(try row.matrix() == layer.unrolled())
        #expect(row.name(style: TextStyle(ascii: true)) == "T^T")
        #expect(row.exportedProduct == "C*T^T = O, the convolution it is the transpose of")
    }

    @Test("a transposed layer reads O and writes C; the transpose of a convolution writes C")
    func letters() throws {
        let layer = try TransposedConvolutionSpec(inputSize: [2], kernelSize: [3], stride: [2])
            .validated()
        let symbols = LayerSymbols(layer, names: .xwy)
        #expect(symbols.inputLetter == "y")
        #expect(symbols.outputLetter == "C")
        #expect(symbols.transposedOutputLetter == "y")
        let forward = LayerSymbols(layer.forward, names: .xwy)
        #expect(forward.inputLetter == "x")
        #expect(forward.outputLetter == "y")
        #expect(forward.transposedOutputLetter == "C")
        let clash = LayerSymbols(layer.forward, names: try SymbolNames(parsing: "C,w,y"))
        #expect(clash.transposedOutputLetter == "C'")
    }
}
