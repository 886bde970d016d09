import Testing

@testable import ConvMatrixCore

/// The output-size arithmetic, checked against the course's examples and PyTorch's rules.
@Suite("Output size")
struct OutputSizeTests {
    /// The PyTorch lab's 4×4 input with a 2×2 kernel.
    @Test(
        "the PyTorch lab: 4×4 input, kernel 2",
        arguments: [
            (stride: 1, padding: 0, expected: 3),
            (stride: 2, padding: 0, expected: 2),
            (stride: 3, padding: 0, expected: 1),
            (stride: 3, padding: 1, expected: 2),
        ])
    func pytorchLab4x4Kernel2(stride: Int, padding: Int, expected: Int) throws {
        let conv = try ConvolutionSpec(
            inputSize: [4, 4], kernelSize: [2, 2], stride: [stride],
            padding: .explicit([AxisPadding(padding)])
        ).validated()
        #expect(conv.outputExtents.sizes == [expected, expected])
    }

    @Test("5×5 input, 3×3 kernel, stride 2 gives 2×2")
    func input5x5Kernel3x3Stride2() throws {
        let conv = try ConvolutionSpec.input5x5Kernel3x3Stride2.validated()
        #expect(conv.outputExtents.sizes == [2, 2])
        #expect(conv.inputCount == 25 && conv.outputCount == 4 && conv.weightCount == 9)
    }

    @Test("dilation and asymmetric padding")
    func dilationAndAsymmetricPadding() throws {
        // ⌊(7 + 1 + 2 − 2·(3 − 1) − 1) / 2⌋ + 1 = ⌊5/2⌋ + 1 = 3
        #expect(
            OutputSize.convolution(
                input: 7, kernel: 3, stride: 2, padding: AxisPadding(before: 1, after: 2),
                dilation: 2) == 3)
    }

    @Test("a kernel that does not fit gives a non-positive size")
    func kernelTooLarge() {
        #expect(
            OutputSize.convolution(
                input: 2, kernel: 4, stride: 3, padding: AxisPadding(0), dilation: 1) <= 0)
    }

    @Test(
        "same padding: ⌈n/s⌉ outputs, odd pixel at the end",
        arguments: [
            (5, 3, 1, 1), (6, 4, 1, 1), (7, 3, 2, 1), (8, 3, 2, 2), (4, 2, 3, 1), (1, 5, 1, 1),
        ])
    func samePadding(n: Int, k: Int, s: Int, d: Int) {
        let p = OutputSize.samePadding(input: n, kernel: k, stride: s, dilation: d)
        #expect(p.after - p.before == 0 || p.after - p.before == 1)
        let m = OutputSize.convolution(input: n, kernel: k, stride: s, padding: p, dilation: d)
        #expect(m == (n + s - 1) / s)
    }

    @Test("full padding: d·(k − 1) on both sides gives n + d·(k − 1) outputs at stride 1")
    func fullPadding() throws {
        let conv = try ConvolutionSpec(
            inputSize: [5], kernelSize: [3], padding: .full, dilation: [2]
        ).validated()
        #expect(conv.axes[0].padding == AxisPadding(4))
        #expect(conv.outputExtents.sizes == [9])
    }

    @Test("transposed output size: (m − 1)·s − p_b − p_a + d·(k − 1) + a + 1")
    func transposedOutputSize() {
        #expect(
            OutputSize.transposed(
                input: 2, kernel: 3, stride: 2, padding: AxisPadding(0), dilation: 1,
                outputPadding: 0) == 5)
        #expect(
            OutputSize.transposed(
                input: 3, kernel: 3, stride: 2, padding: AxisPadding(1), dilation: 1,
                outputPadding: 1) == 6)
    }

    @Test("the PyTorch lab: stride 3 on 4 positions leaves positions 2 and 3 unreached")
    func unreachedInputs() throws {
        let conv = try ConvolutionSpec(inputSize: [4, 4], kernelSize: [2, 2], stride: [3])
            .validated()
        #expect(conv.axes[0].unreachedInputRanges == [2...3])
        let seed = try ConvolutionSpec.input5x5Kernel3x3Stride2.validated()
        #expect(seed.axes.allSatisfy { $0.unreachedInputRanges.isEmpty })
        // Dilation gaps and a tail: n = 9, k = 2, d = 3, s = 4: windows at 0 and 4 reach 0, 3, 4, 7.
        let gaps = try ConvolutionSpec(inputSize: [9], kernelSize: [2], stride: [4], dilation: [3])
            .validated()
        #expect(gaps.axes[0].unreachedInputRanges == [1...2, 5...6, 8...8])
    }
}
