import ConvMatrixCore
import ConvMatrixNumeric
import ConvMatrixTestSupport
import Symbolic
import Testing

/// The direct (gather and scatter) convolutions, U·x and Uᵀ·y: the course's numbers (the PyTorch lab, the chapter) and the
/// identities that tie them together on random layers.
@Suite struct DirectConvolutionTests {
    func run(_ spec: ConvolutionSpec, input: [Double], kernel: [Double]) throws -> [Double] {
        let conv = try spec.validated()
        let x = try #require(
            Tensor(channels: conv.inChannels, extents: conv.inputExtents, values: input))
        let direct = try conv.apply(to: x, kernel: kernel).values
        #expect(try conv.unrolled().product(input, tapValues: kernel) == direct)
        return direct
    }

    @Test func pytorchLabVerticalLine() throws {
        let input = (0..<25).map { $0 % 5 == 2 ? 1.0 : 0.0 }
        let y = try run(
            ConvolutionSpec(inputSize: [5, 5], kernelSize: [3, 3]), input: input,
            kernel: [1, 0, -1, 2, 0, -2, 1, 0, -1])
        #expect(y == [-4, 0, 4, -4, 0, 4, -4, 0, 4])
    }

    @Test(arguments: [
        (1, 0, [Double](repeating: 4, count: 9)), (2, 0, [4, 4, 4, 4]), (3, 0, [4]),
        (3, 1, [1, 2, 2, 4]),
    ])
    func pytorchLabOnesWithStrideAndPadding(_ stride: Int, _ padding: Int, _ expected: [Double])
        throws
    {
        let y = try run(
            ConvolutionSpec(
                inputSize: [4, 4], kernelSize: [2, 2], stride: [stride],
                padding: .explicit([AxisPadding(padding)])),
            input: Array(repeating: 1, count: 16), kernel: [1, 1, 1, 1])
        #expect(y == expected)
    }

    @Test func chapterCrossCorrelation() throws {
        let y = try run(
            ConvolutionSpec(inputSize: [3, 3], kernelSize: [2, 2]),
            input: (0..<9).map { Double($0) },
            kernel: [0, 1, 2, 3])
        #expect(y == [19, 25, 37, 43])
    }

    @Test func chapterEdgeDetector() throws {
        let y = try run(
            ConvolutionSpec(inputSize: [6], kernelSize: [2]), input: [10, 10, 10, 0, 0, 0],
            kernel: [1, -1])
        #expect(y == [0, 0, 10, 0, 0])
    }

    @Test func chapterTwoInputChannels() throws {
        // Both channels 0…8, kernels [[0,1],[2,3]] and [[1,2],[3,4]]: 19+25+… summed per window.
        let y = try run(
            ConvolutionSpec(inputSize: [3, 3], kernelSize: [2, 2], inChannels: 2),
            input: (0..<9).map { Double($0) } + (1..<10).map { Double($0) },
            kernel: [0, 1, 2, 3, 1, 2, 3, 4])
        #expect(y == [56, 72, 104, 120])
    }

    @Test func chapterOneByOneConvolutionMixesChannels() throws {
        let y = try run(
            ConvolutionSpec(inputSize: [2], kernelSize: [1], inChannels: 3, outChannels: 2),
            input: [1, 2, 3, 4, 5, 6], kernel: [1, 0, -1, 2, 1, 0])
        #expect(y == [-4, -4, 5, 8])
    }

    @Test func exactPathRefusesOverflowInsteadOfTrapping() throws {
        let conv = try ConvolutionSpec(inputSize: [2], kernelSize: [2]).validated()
        let big = Rational(Int.max)
        let x = try #require(Tensor(channels: 1, extents: conv.inputExtents, values: [big, big]))
        #expect(throws: NumericError.self) {
            try conv.apply(to: x, kernel: [Rational(1), Rational(1)])
        }
    }

    @Test(arguments: 0..<60)
    func directEqualsUxAndScatterEqualsUTransposeYOnRandomLayers(_ seed: Int) throws {
        var rng = SeededGenerator(seed: UInt64(seed) + 77)
        let conv = RandomSpecs.convolution(using: &rng)
        var values = SplitMix64(seed: UInt64(seed))
        let kernel = try KernelValues(randomFor: conv.kernelLayout, using: &values).rationals()
        let x = try TensorValues(
            randomFor: conv.inChannels, extents: conv.inputExtents, using: &values
        ).rationals()
        let y = try TensorValues(
            randomFor: conv.outChannels, extents: conv.outputExtents, using: &values
        ).rationals()
        let u = try conv.unrolled()
        let ux = try u.product(x.values, tapValues: kernel)
        let uty = try u.transposedProduct(y.values, tapValues: kernel)
        #expect(try conv.apply(to: x, kernel: kernel).values == ux)
        #expect(try conv.applyTransposed(to: y, kernel: kernel).values == uty)
        #expect(try ux.dot(y.values) == x.values.dot(uty))
        #expect(try u.evaluated(tapValues: kernel).product(x.values) == ux)
        if conv.paddingMode == .zeros {
            // Under zero padding the scatter is PyTorch's ConvTranspose of the counterpart.
            let layer = try conv.transposedCounterpart.validated()
            #expect(try layer.apply(to: y, kernel: kernel).values == uty)
        }
    }
}
