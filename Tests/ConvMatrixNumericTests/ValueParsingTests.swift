import ConvMatrixCore
import ConvMatrixNumeric
import Symbolic
import Testing

/// Kernel and input values as users type them.
@Suite struct ValueParsingTests {
    let layout = try! ConvolutionSpec(inputSize: [5, 5], kernelSize: [3, 3]).validated()
        .kernelLayout

    @Test func spellings() throws {
        let values = try KernelValues(parsing: "1,-2,0.5,1/9,.25,-1.,2e-1,+3,-3/4", layout: layout)
        #expect(values.doubles == [1, -2, 0.5, 1.0 / 9, 0.25, -1, 0.2, 3, -0.75])
        #expect(
            try values.rationals() == [
                Rational(1), Rational(-2), try Rational(1, 2), try Rational(1, 9),
                try Rational(1, 4),
                Rational(-1), try Rational(1, 5), Rational(3), try Rational(-3, 4),
            ])
    }

    @Test func wrongCountNamesTheWeightShape() {
        #expect(
            throws: SpecificationError(
                .kernelValues, "expected 9 values (weight shape 1×1×3×3), got 8")
        ) {
            try KernelValues(parsing: "1,2,3,4,5,6,7,8", layout: layout)
        }
    }

    @Test(arguments: ["nan", "inf", "-Infinity", "abc", "1/0", "1e999", "", "1,5"])
    func badValuesAreRefused(_ bad: String) {
        #expect(throws: SpecificationError.self) {
            try KernelValues(
                parsing: Array(repeating: "1", count: 8).joined(separator: ",") + "," + bad,
                layout: layout)
        }
    }

    @Test func randomValuesAreDeterministicSmallDyadics() throws {
        var a = SplitMix64(seed: 42)
        var b = SplitMix64(seed: 42)
        let first = KernelValues(randomFor: layout, using: &a)
        #expect(first == KernelValues(randomFor: layout, using: &b))
        for value in try first.rationals() {
            #expect([1, 2, 4].contains(value.denominator))
            #expect(abs(value.doubleValue) <= 4)
        }
    }
}
