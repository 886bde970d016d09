import Testing

@testable import ConvMatrixCommandLine

/// `check` prints errors and tolerances as C's `%.2g` does, without Foundation.
@Suite("Two significant digits")
struct TwoSignificantDigitsTests {
    /// Values and what `String(format: "%.2g", value)` prints for them (glibc).
    static let table: [(Double, String)] = [
        (0, "0"), (0.5, "0.5"), (12, "12"), (3.1e-15, "3.1e-15"), (1e-9, "1e-09"),
        (1.23e-5, "1.2e-05"), (0.000123, "0.00012"), (0.00123, "0.0012"), (0.0123, "0.012"),
        (0.123, "0.12"), (1.234, "1.2"), (9.96, "10"), (99.6, "1e+02"), (123, "1.2e+02"),
        (1.5e300, "1.5e+300"), (0.05, "0.05"), (1e-4, "0.0001"), (9.999e-5, "0.0001"),
        (0.95, "0.95"), (-0.5, "-0.5"), (.infinity, "inf"), (.nan, "nan"), (2e-6, "2e-06"),
    ]

    @Test("as %.2g", arguments: table.indices)
    func formats(index: Int) {
        let (value, expected) = Self.table[index]
        #expect(TwoSignificantDigits.format(value) == expected)
    }
}
