import ConvMatrix

/// A number written with two significant digits, as C's `printf("%.2g")` writes it: `0`,
/// `0.5`, `12`, `3.1e-15`, `1e-09`, `inf` — without Foundation, so the command line starts
/// without loading it.
///
/// `%g` uses scientific notation when the decimal exponent is below −4 or at least the
/// precision (2), fixed notation otherwise; trailing zeros of the fraction are dropped, and an
/// exponent has at least two digits.
enum TwoSignificantDigits {
    /// `value` in the `%.2g` style.
    static func format(_ value: Double) -> String {
        if value.isNaN { return "nan" }
        if value.isInfinite { return value < 0 ? "-inf" : "inf" }
        if value == 0 { return "0" }
        let sign = value < 0 ? "-" : ""
        // The decimal exponent e with 10^e ≤ |v| < 10^(e+1), and the two digits d₁d₂ of
        // round(|v| / 10^(e−1)).
        let (digits, exponent) = SignificantDigits.decimal(value, digits: 2)
        let (first, second) = (digits / 10, digits % 10)
        if exponent < -4 || exponent >= 2 {
            let mantissa = second == 0 ? "\(first)" : "\(first).\(second)"
            let power = abs(exponent) < 10 ? "0\(abs(exponent))" : "\(abs(exponent))"
            return "\(sign)\(mantissa)e\(exponent < 0 ? "-" : "+")\(power)"
        }
        if exponent == 1 { return "\(sign)\(digits)" }
        // exponent 0 … −4: 0.000d₁d₂ with the trailing zero dropped.
        let zeros = String(repeating: "0", count: -exponent)
        let fraction = (zeros + "\(first)\(second == 0 ? "" : "\(second)")").dropFirst()
        return exponent == 0
            ? (second == 0 ? "\(sign)\(first)" : "\(sign)\(first).\(second)")
            : "\(sign)0.\(fraction)"
    }
}
