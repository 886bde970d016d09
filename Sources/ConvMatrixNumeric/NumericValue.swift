import Symbolic

/// One number a user gave (or a generator drew): its `Double` value and, when it has one, its
/// exact ``Symbolic/Rational`` value.
///
/// Accepted spellings: integers (`-2`), decimals (`0.5`, `.25`, `-1.`), scientific notation
/// (`1e-3`, `2.5E+2`) and fractions of integers (`1/9`, `-3/4`). Decimals are exact rationals
/// when their significant digits fit in `Int` and the power of ten is at most `10¹⁸` (`0.1` is `1/10`, not the binary `0.1000000000000000055…`);
/// fractions have no exact `Double`, which gets the nearest value. `nan`, `inf` and anything
/// that overflows `Double` are refused: the checks compare numbers, and NaN equals nothing.
public struct NumericValue: Hashable, Sendable, CustomStringConvertible {
    /// The nearest `Double` (finite).
    public let double: Double
    /// The exact value, or `nil` when it needs more than 64-bit numerator and denominator.
    public let exact: Rational?
    /// The spelling it was parsed from (or `n/d` for a drawn value).
    public let text: String

    /// The value `n/d`, with `d ≠ 0` (reduced; an integer when `d` divides `n`).
    init(fraction n: Int, _ d: Int) {
        let exact = try? Rational(n, d)
        self.exact = exact
        self.double = Double(n) / Double(d)
        self.text = exact?.description ?? "\(n)/\(d)"
    }

    /// The exact value `value` (its `Double` is the nearest one).
    public init(_ value: Rational) {
        exact = value
        double = value.doubleValue
        text = value.description
    }

    /// A finite floating-point value (from a `.npy` file). Its exact value is its binary
    /// fraction `m·2^e` when that fits 64-bit integers (`0.5` is `1/2`), otherwise `nil`.
    ///
    /// - Throws: ``NumericValueError`` for NaN or an infinity.
    public init(double value: Double) throws(NumericValueError) {
        guard value.isFinite else {
            throw NumericValueError("'\(value)': NaN and infinity are not allowed")
        }
        double = value
        text = value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : "\(value)"
        exact = NumericValue.binaryFraction(value)
    }

    /// `value` as an exact fraction of 64-bit integers, or `nil`.
    private static func binaryFraction(_ value: Double) -> Rational? {
        if value == 0 { return .zero }
        if value == value.rounded(), abs(value) < 0x1p62 { return Rational(Int(value)) }
        // value = significand · 2^exponent with an integer significand of ≤ 53 bits.
        let shift = -Int(value.exponent) + 52
        guard shift > 0, shift <= 62 else { return nil }
        let scaled = value * Double(sign: .plus, exponent: shift, significand: 1)
        guard scaled == scaled.rounded(), abs(scaled) < 0x1p62 else { return nil }
        return try? Rational(Int(scaled), 1 << shift)
    }

    /// Parses one number; the error message says what is wrong, without the field name.
    public init(parsing raw: String) throws(NumericValueError) {
        let text = raw.trimmingSpaces
        self.text = text
        guard !text.isEmpty else { throw NumericValueError("an empty value") }
        let lower = text.lowercased()
        if ["nan", "+nan", "-nan", "inf", "+inf", "-inf", "infinity", "+infinity", "-infinity"]
            .contains(lower)
        {
            throw NumericValueError("'\(text)': NaN and infinity are not allowed")
        }
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        if parts.count == 2 {
            guard let n = NumericValue.integer(parts[0]), let d = NumericValue.integer(parts[1])
            else {
                throw NumericValueError(
                    "'\(text)' is not a number (a fraction is two integers, such as 1/9)")
            }
            guard d != 0 else { throw NumericValueError("'\(text)' divides by zero") }
            exact = try? Rational(n, d)
            double = Double(n) / Double(d)
            return
        }
        guard parts.count == 1, let decimal = NumericValue.decimal(text) else {
            throw NumericValueError(
                "'\(text)' is not a number (expected an integer, a decimal or a fraction such as 1/9)"
            )
        }
        guard let value = Double(text), value.isFinite else {
            throw NumericValueError("'\(text)' is too large for a 64-bit float")
        }
        double = value
        exact = decimal
    }

    /// `text`.
    public var description: String { text }

    /// An optionally signed run of ASCII digits that fits in `Int`.
    private static func integer(_ text: Substring) -> Int? {
        let digits = text.hasPrefix("-") || text.hasPrefix("+") ? text.dropFirst() : text
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return Int(text)
    }

    /// The syntax `[sign] digits [. digits] [e [sign] digits]` with at least one digit in the
    /// mantissa; returns `.some(nil)` for a valid decimal whose exact value does not fit, and
    /// `nil` for anything that is not a decimal.
    private static func decimal(_ text: String) -> Rational?? {
        var rest = Substring(text)
        var negative = false
        if let sign = rest.first, sign == "-" || sign == "+" {
            negative = sign == "-"
            rest = rest.dropFirst()
        }
        var mantissa = rest
        var exponentText: Substring = "0"
        if let e = rest.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            mantissa = rest[..<e]
            exponentText = rest[rest.index(after: e)...]
            guard isInteger(exponentText) else { return nil }
        }
        let pieces = mantissa.split(separator: ".", omittingEmptySubsequences: false)
        guard pieces.count <= 2 else { return nil }
        let whole = pieces[0]
        let fraction = pieces.count == 2 ? pieces[1] : ""
        let digits = whole + fraction
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else {
            return nil
        }
        // value = ±digits · 10^(exponent − |fraction|), exact when the digits and the power of
        // ten fit in Int. An exponent beyond Int (or a scale that overflows) has no exact
        // fraction: the Double decides (0, or too large).
        let significant = digits.drop(while: { $0 == "0" })
        if significant.isEmpty { return .some(Rational.zero) }
        guard var n = Int(significant), let exponent = integer(exponentText) else {
            return .some(nil)
        }
        let (shifted, overflow) = exponent.subtractingReportingOverflow(fraction.count)
        guard !overflow else { return .some(nil) }
        var scale = shifted
        // Trailing zeros of the digits move into the scale (`10e-19` is 1/10^18).
        while n % 10 == 0 && scale < 18 {
            n /= 10
            scale += 1
        }
        guard scale.magnitude <= 18 else { return .some(nil) }
        var power = 1
        for _ in 0..<Int(scale.magnitude) { power *= 10 }
        let signed = negative ? -n : n
        if scale >= 0 {
            let (value, overflow) = signed.multipliedReportingOverflow(by: power)
            return .some(overflow ? nil : Rational(value))
        }
        return .some(try? Rational(signed, power))
    }

    /// An optionally signed, non-empty run of ASCII digits, of any length.
    private static func isInteger(_ text: Substring) -> Bool {
        let digits = text.hasPrefix("-") || text.hasPrefix("+") ? text.dropFirst() : text
        return !digits.isEmpty && digits.allSatisfy({ $0.isASCII && $0.isNumber })
    }
}

/// Why a value could not be read; the caller adds the field and the position.
public struct NumericValueError: Error, Equatable, Sendable, CustomStringConvertible {
    /// What is wrong, e.g. `'abc' is not a number …`.
    public let message: String

    /// Creates an error saying `message`.
    public init(_ message: String) { self.message = message }

    /// The message.
    public var description: String { message }
}
