import Symbolic
import Testing

@testable import ConvMatrixCore
@testable import ConvMatrixNumeric

/// Regressions from the numeric review: parsing without traps, finite differences at large
/// values, the check's memory and work budgets, and non-finite sums of taps.
@Suite struct NumericReviewFixesTests {
    @Test(arguments: [
        "1e-9223372036854775808", "1.5e-9223372036854775808", "1.5e-9223372036854775807",
        "1e-99999999999999999999", "0.5e9223372036854775807",
    ])
    func hugeExponentsDoNotTrap(_ text: String) throws {
        // The Double decides: 0, or too large (refused).
        if let value = try? NumericValue(parsing: text) {
            #expect(value.double == 0)
            #expect(value.exact == nil)
        } else {
            #expect(text.hasPrefix("0.5e"))
        }
    }

    @Test func zeroWithAnyExponentIsExactlyZero() throws {
        #expect(try NumericValue(parsing: "0e-9223372036854775808").exact == .zero)
    }

    @Test(arguments: [
        ("9223372036854775807", 9_223_372_036_854_775_807),
        ("1000000000000000000", 1_000_000_000_000_000_000),
        ("-9223372036854775807", -9_223_372_036_854_775_807),
        ("10e-19", 0),  // checked below
    ])
    func nineteenDigitIntegersAreExact(_ text: String, _ expected: Int) throws {
        let value = try NumericValue(parsing: text)
        if text == "10e-19" {
            #expect(value.exact == (try Rational(1, 1_000_000_000_000_000_000)))
        } else {
            #expect(value.exact == Rational(expected))
        }
    }

    @Test func inexactMessageDoesNotMentionExact() throws {
        let layout = try ConvolutionSpec(inputSize: [1], kernelSize: [1]).validated().kernelLayout
        let values = try KernelValues(parsing: "99999999999999999999", layout: layout)
        #expect(throws: SpecificationError.self) { try values.rationals() }
        do {
            _ = try values.rationals()
        } catch {
            #expect(!error.message.contains("--exact"))
            #expect(error.message.contains("no exact fraction of 64-bit integers"))
        }
    }

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
