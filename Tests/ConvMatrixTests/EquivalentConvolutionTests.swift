import Testing

@testable import ConvMatrix

/// The direct convolution equivalent to a transposed one (Dumoulin & Visin).
@Suite("Equivalent direct convolution")
struct EquivalentConvolutionTests {
    @Test("seed 004: 1 zero inserted, padding 2 each side, output 5×5")
    func seed004() throws {
        let e = EquivalentConvolution(try TransposedConvolutionSpec.seed004.validated())
        #expect(e.axes.map(\.insertedZeros) == [1, 1])
        #expect(e.axes.map(\.dilatedInputSize) == [3, 3])
        #expect(e.axes.map(\.paddingBefore) == [2, 2])
        #expect(e.axes.map(\.paddingAfter) == [2, 2])
        #expect(e.axes.map(\.outputSize) == [5, 5])
        #expect(!e.crops)
    }

    @Test("output padding goes at the end; channels swap")
    func outputPaddingAndChannels() throws {
        let layer = try TransposedConvolutionSpec(
            inputSize: [3], kernelSize: [3], stride: [2], padding: .explicit([AxisPadding(1)]),
            outputPadding: [1], inChannels: 4, outChannels: 2
        ).validated()
        let e = EquivalentConvolution(layer)
        #expect(e.axes[0].paddingBefore == 1 && e.axes[0].paddingAfter == 2)
        #expect(e.axes[0].outputSize == layer.axes[0].outputSize)
        #expect(e.inChannels == 4 && e.outChannels == 2)
    }

    @Test("padding beyond d·(k − 1) crops")
    func crops() throws {
        let layer = try TransposedConvolutionSpec(
            inputSize: [5], kernelSize: [2], padding: .explicit([AxisPadding(2)])
        ).validated()
        let e = EquivalentConvolution(layer)
        #expect(e.axes[0].paddingBefore == -1)
        #expect(e.crops)
        #expect(e.axes[0].outputSize == layer.axes[0].outputSize)
    }

    @Test("for random layers, the equivalent convolution's output size is ConvTranspose's")
    func outputSizeProperty() throws {
        var rng = SeededGenerator(seed: 5)
        var checked = 0
        while checked < 300 {
            let stride = Int.random(in: 1...3, using: &rng)
            let dilation = Int.random(in: 1...2, using: &rng)
            let spec = TransposedConvolutionSpec(
                inputSize: [Int.random(in: 1...6, using: &rng)],
                kernelSize: [Int.random(in: 1...4, using: &rng)], stride: [stride],
                padding: .explicit([
                    AxisPadding(
                        before: Int.random(in: 0...3, using: &rng),
                        after: Int.random(in: 0...3, using: &rng))
                ]), dilation: [dilation],
                outputPadding: [Int.random(in: 0..<max(stride, dilation), using: &rng)])
            guard let layer = try? spec.validated() else { continue }
            let e = EquivalentConvolution(layer)
            #expect(e.axes[0].outputSize == layer.axes[0].outputSize, "\(spec)")
            checked += 1
        }
    }
}
