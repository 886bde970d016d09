import ConvMatrixCore
import ConvMatrixNumeric
import Symbolic
import Testing

/// Average pooling's weights come from the library as exact values, never as text to parse.
@Suite("Average pooling weights")
struct AveragePoolingValuesTests {
    @Test(
        "every weight is 1/Πk, exactly",
        arguments: [([3], 1, 3), ([3, 3], 2, 9), ([2, 3, 4], 3, 24), ([1, 1], 1, 1)])
    func weights(kernel: [Int], channels: Int, denominator: Int) throws {
        let conv = try ConvolutionSpec(
            inputSize: kernel.map { $0 + 2 }, kernelSize: kernel, inChannels: channels,
            outChannels: channels, groups: channels
        ).validated()
        let values = KernelValues(averagePooling: conv.kernelLayout)
        #expect(values.values.count == conv.weightCount)
        #expect(try values.rationals().allSatisfy { $0 == (try Rational(1, denominator)) })
        #expect(values.doubles.allSatisfy { $0 == 1 / Double(denominator) })
    }

    @Test("1/n needs no division that can fail")
    func reciprocal() throws {
        #expect(Rational(reciprocalOf: 9) == (try Rational(1, 9)))
        #expect(Rational(reciprocalOf: 1) == .one)
        #expect(Rational(reciprocalOf: 0) == .one)
    }
}
