import Symbolic
import Testing

@testable import ConvMatrixCore
@testable import ConvMatrixNumeric

/// Numbers at the limits of parsing: huge exponents and 19-digit integers never trap; a value
/// is exact when 64-bit fractions hold it, and otherwise says so without naming an option.
@Suite("Numbers at the limits of parsing")
struct NumericValueLimitsTests {
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
}
