import Symbolic
import Testing

@testable import ConvMatrixCore
@testable import ConvMatrixNumeric

/// The numeric check (`Convolution.numericCheck`): it passes at large
/// values, fails on a wrong matrix, keeps exact overflow apart, estimates its memory without
/// overflow, bounds its finite-difference sample by work, and refuses non-finite sums of taps.
@Suite("The numeric check")
struct NumericCheckTests {
    private func check(
        input: [Int], kernel: [Int], kernelValues: String, inputValues: String? = nil,
        exact: Bool = false
    ) throws -> NumericCheckReport {
        let conv = try ConvolutionSpec(inputSize: input, kernelSize: kernel).validated()
        var generator = SplitMix64(seed: 1)
        let k = try KernelValues(parsing: kernelValues, layout: conv.kernelLayout)
        let x =
            try inputValues.map {
                try TensorValues(parsing: $0, channels: 1, extents: conv.inputExtents)
            }
            ?? TensorValues(randomFor: 1, extents: conv.inputExtents, using: &generator)
        let y = TensorValues(randomFor: 1, extents: conv.outputExtents, using: &generator)
        let delta = TensorValues(randomFor: 1, extents: conv.outputExtents, using: &generator)
        return try conv.numericCheck(
            NumericCheckValues(kernel: k, input: x, output: y, delta: delta), exact: exact)
    }

    @Test func largeKernelValuesPass() throws {
        let report = try check(input: [4], kernel: [2], kernelValues: "1e15,1")
        #expect(report.passed, "\(report.lines.filter { !$0.passed })")
    }

    @Test func largeInputValuesPass() throws {
        let report = try check(
            input: [4], kernel: [2], kernelValues: "1,1", inputValues: "1e15,1,1,1")
        #expect(report.passed, "\(report.lines.filter { !$0.passed })")
    }

    @Test func veryLargeValuesPass() throws {
        let report = try check(
            input: [4], kernel: [2], kernelValues: "1e300,3", inputValues: "1,2,3,4")
        #expect(report.passed, "\(report.lines.filter { !$0.passed })")
    }

    @Test func aWrongMatrixFails() throws {
        // U of the flipped kernel is the right shape but the wrong matrix.
        let conv = try ConvolutionSpec(inputSize: [5, 5], kernelSize: [3, 3]).validated()
        let wrong = try ConvolutionSpec(
            inputSize: [5, 5], kernelSize: [3, 3], orientation: .convolution
        ).validated().unrolled()
        var g = SplitMix64(seed: 3)
        let kernel = KernelValues(randomFor: conv.kernelLayout, using: &g).doubles
        let x = TensorValues(randomFor: 1, extents: conv.inputExtents, using: &g).doubles
        let y = TensorValues(randomFor: 1, extents: conv.outputExtents, using: &g).doubles
        let delta = TensorValues(randomFor: 1, extents: conv.outputExtents, using: &g).doubles
        let lines = try conv.checkLines(
            u: wrong, rows: nil, kernel: kernel, x: x, y: y, delta: delta, exact: false)
        #expect(!lines[0].passed)
        #expect(!lines[3].passed)
        #expect(!lines[4].passed)
    }

    @Test func exactOverflowIsItsOwnError() throws {
        #expect {
            try check(
                input: [2], kernel: [1], kernelValues: "1e10", inputValues: "1e10,1e10",
                exact: true)
        } throws: { error in
            guard case .exactOverflow = error as? NumericCheckError else { return false }
            return true
        }
    }

    @Test func memoryIsEstimatedWithoutOverflow() throws {
        let huge = try ConvolutionSpec(inputSize: [100_000, 100_000], kernelSize: [3, 3])
            .validated()
        #expect(throws: SpecificationError.self) {
            try huge.checkNumericCheckMemory(exact: false, limits: .default)
        }
        let small = try ConvolutionSpec(inputSize: [5, 5], kernelSize: [3, 3]).validated()
        try small.checkNumericCheckMemory(exact: true, limits: .default)
    }

    @Test func finiteDifferenceSampleIsBoundedByWork() {
        #expect(Convolution.finiteDifferenceSampleCount(coordinates: 9, cost: 10) == 9)
        #expect(Convolution.finiteDifferenceSampleCount(coordinates: 10_000, cost: 10) == 256)
        #expect(
            Convolution.finiteDifferenceSampleCount(coordinates: 10_000, cost: 1 << 30)
                == Convolution.finiteDifferenceMinimumSample)
        #expect(
            Convolution.finiteDifferenceSampleCount(coordinates: 10_000, cost: .max)
                == Convolution.finiteDifferenceMinimumSample)
    }

    @Test func sumsOfTapsMustBeFinite() throws {
        let conv = try ConvolutionSpec(
            inputSize: [3], kernelSize: [3], padding: .explicit([AxisPadding(2)]),
            paddingMode: .reflect
        ).validated()
        let u = try conv.unrolled()
        #expect(throws: NumericError.self) { try u.checkFiniteSums([1e308, 1, 1e308]) }
        try u.checkFiniteSums([1, 1, 1])
    }
}
