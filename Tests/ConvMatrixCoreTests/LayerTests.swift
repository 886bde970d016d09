import ConvMatrixTestSupport
import Testing

@testable import ConvMatrixCore

/// A ``Layer`` is read through its two sides: its matrix has one row per entry of the output
/// side and one column per entry of the input side, and a transposed convolution's sides are
/// those of its forward convolution, swapped.
@Suite("Layer")
struct LayerTests {
    /// A random layer: a convolution (every padding mode) or a transposed convolution.
    static func randomLayer(using rng: inout SeededGenerator) -> Layer {
        Bool.random(using: &rng)
            ? .convolution(RandomSpecs.convolution(using: &rng))
            : .transposed(VerificationTests.randomTransposed(using: &rng))
    }

    @Test("for 400 random layers, the sides count the matrix's columns and rows")
    func sidesCountTheMatrix() throws {
        var rng = SeededGenerator(seed: 53)
        var transposed = 0
        for _ in 0..<400 {
            let layer = Self.randomLayer(using: &rng)
            if layer.isTransposed { transposed += 1 }
            let matrix = try layer.matrix()
            #expect(matrix.columnCount == layer.inputSide.count)
            #expect(matrix.rowCount == layer.outputSide.count)
            #expect(
                layer.inputSide.count == layer.inputSide.channels * layer.inputSide.extents.count)
            #expect(layer.axes.count == layer.rank)
            #expect(layer.axes.map(\.inputSize) == layer.inputSide.extents.sizes)
            #expect(layer.axes.map(\.outputSize) == layer.outputSide.extents.sizes)
            let counts = layer.elementCounts
            #expect(counts.inputs == Int64(layer.inputSide.count))
            #expect(counts.outputs == Int64(layer.outputSide.count))
            #expect(layer.kernelLayout.count == Int(counts.weights ?? -1))
        }
        // Both kinds are drawn.
        #expect(transposed > 100 && transposed < 300)
    }

    @Test("the transpose of 300 random convolutions has their sides swapped and T = Uᵀ")
    func transposeOfConvolutionSwapsSides() throws {
        var rng = SeededGenerator(seed: 59)
        for _ in 0..<300 {
            let conv = RandomSpecs.convolution(using: &rng, modes: [.zeros])
            let forward = Layer.convolution(conv)
            let layer = Layer.transposed(try conv.transposedCounterpart.validated())
            #expect(layer.inputSide == forward.outputSide)
            #expect(layer.outputSide == forward.inputSide)
            #expect(layer.groups == forward.groups)
            #expect(try layer.matrix() == forward.matrix().transposed())
        }
    }

    @Test("random transposed layers have their forward convolution's sides swapped")
    func transposedSidesAreForwardSwapped() throws {
        var rng = SeededGenerator(seed: 61)
        var skipped = 0
        for _ in 0..<300 {
            let transposed = VerificationTests.randomTransposed(using: &rng)
            // An output padding that reaches the stride gives the forward convolution outputs
            // the transposed layer does not read: its input side is then smaller.
            guard !transposed.forwardHasExtraOutputs else {
                skipped += 1
                continue
            }
            let layer = Layer.transposed(transposed)
            let forward = Layer.convolution(transposed.forward)
            #expect(layer.inputSide == forward.outputSide)
            #expect(layer.outputSide == forward.inputSide)
        }
        #expect(skipped < 150)
    }

    @Test("a one-entry layer has one-entry sides and a 1 × 1 matrix")
    func oneEntry() throws {
        let layer = Layer.convolution(
            try ConvolutionSpec(inputSize: [1], kernelSize: [1]).validated())
        #expect(layer.inputSide == LayerSide(channels: 1, extents: try #require(Extents([1]))))
        #expect(layer.outputSide.count == 1)
        #expect(!layer.hasChannels)
        let matrix = try layer.matrix()
        #expect((matrix.rowCount, matrix.columnCount) == (1, 1))
    }

    @Test("each kind answers its own geometry and nil for the other")
    func kinds() throws {
        let conv = try ConvolutionSpec(
            inputSize: [5, 5], kernelSize: [3, 3], stride: [2], inChannels: 2, outChannels: 4,
            groups: 2, paddingMode: .reflect
        ).validated()
        let layer = Layer.convolution(conv)
        #expect(layer.convolution == conv)
        #expect(layer.transposedConvolution == nil)
        #expect(!layer.isTransposed)
        #expect(layer.paddingMode == .reflect)
        #expect(layer.groups == 2)
        #expect(layer.hasChannels)
        #expect(layer.axes.allSatisfy { $0.outputPadding == 0 })

        let transposed = try TransposedConvolutionSpec(
            inputSize: [2, 2], kernelSize: [3, 3], stride: [2], outputPadding: [1]
        ).validated()
        let other = Layer.transposed(transposed)
        #expect(other.transposedConvolution == transposed)
        #expect(other.convolution == nil)
        #expect(other.isTransposed)
        // A transposed convolution crops its output rather than padding its input.
        #expect(other.paddingMode == .zeros)
        #expect(other.axes.map(\.outputPadding) == [1, 1])
        #expect(other.outputSide.extents.sizes == [6, 6])
    }

    @Test("a layer too large for the budget is refused, not trapped on")
    func overBudget() throws {
        let layer = Layer.convolution(
            try ConvolutionSpec(inputSize: [64, 64], kernelSize: [3, 3]).validated())
        #expect(throws: SpecificationError.self) {
            try layer.matrix(limits: ResourceLimits(maxMemoryBytes: 100))
        }
    }
}
