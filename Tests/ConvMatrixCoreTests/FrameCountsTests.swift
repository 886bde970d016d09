import ConvMatrixCore
import Testing

/// How many frames each picture of a layer has: one per step of the computation it follows.
@Suite("Frame counts")
struct FrameCountsTests {
    @Test("the 5×5 input, 3×3 kernel, stride 2 example: 4 sliding frames, 4 + 9 backward frames")
    func convolution() throws {
        let conv = try ConvolutionSpec.input5x5Kernel3x3Stride2.validated()
        #expect(FrameCounts.sliding(conv) == 4)
        #expect(FrameCounts.backward(conv) == 13)
    }

    @Test(
        "a transposed layer: one equivalent frame per output, one scatter frame per input and input channel of a group, then the overlap"
    )
    func transposed() throws {
        let transposed = try TransposedConvolutionSpec(
            inputSize: [2, 3], kernelSize: [3, 3], stride: [2, 2], inChannels: 4,
            outChannels: 2, groups: 2
        ).validated()
        #expect(FrameCounts.transposedEquivalent(transposed) == 5 * 7)
        #expect(FrameCounts.scatterSteps(transposed) == 2 * 3 * 2)
        #expect(FrameCounts.transposedScatter(transposed) == 2 * 3 * 2 + 1)
    }

    @Test("a 1-D layer with one output: one sliding frame; channels add no frames")
    func oneOutput() throws {
        let conv = try ConvolutionSpec(
            inputSize: [3], kernelSize: [3], inChannels: 2, outChannels: 3
        ).validated()
        #expect(FrameCounts.sliding(conv) == 1)
        #expect(FrameCounts.backward(conv) == 1 + 3)
    }
}
