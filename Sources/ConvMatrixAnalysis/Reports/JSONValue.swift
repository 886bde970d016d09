import ConvMatrixCore

/// A JSON value with object keys kept in the order they were given, written compactly with a
/// space after separators (`{"rows": 4, "columns": 16}`), so that reports read in a diff.
public indirect enum JSONValue: Hashable, Sendable {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case array([JSONValue])
    case object([(String, JSONValue)])

    public static func == (l: JSONValue, r: JSONValue) -> Bool { l.text == r.text }
    public func hash(into hasher: inout Hasher) { hasher.combine(text) }

    /// An array of integers.
    public static func ints(_ values: [Int]) -> JSONValue { .array(values.map(JSONValue.int)) }

    /// The JSON text (a non-finite double is written as `null`).
    public var text: String {
        var out = ""
        write(to: &out)
        return out
    }

    func write(to out: inout String) {
        switch self {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .int(let i): out += String(i)
        case .double(let d): out += d.isFinite ? JSONValue.number(d) : "null"
        case .string(let s): JSONValue.quote(s, into: &out)
        case .array(let items):
            out += "["
            for (i, item) in items.enumerated() {
                if i > 0 { out += ", " }
                item.write(to: &out)
            }
            out += "]"
        case .object(let pairs):
            out += "{"
            for (i, pair) in pairs.enumerated() {
                if i > 0 { out += ", " }
                JSONValue.quote(pair.0, into: &out)
                out += ": "
                pair.1.write(to: &out)
            }
            out += "}"
        }
    }

    /// Shortest round-tripping decimal, with an exponent only where Swift uses one.
    static func number(_ d: Double) -> String {
        if d == d.rounded(), abs(d) < 1e15 { return String(Int(d)) }
        return "\(d)"
    }

    static func quote(_ s: String, into out: inout String) { out += JSONString.literal(s) }
}

/// Numbers rounded to significant digits for reports, without Foundation.
public enum SignificantDigits {
    /// `|x|` (finite, nonzero) rounded to `digits` ≥ 1 significant digits, as the integer
    /// `mantissa` of exactly `digits` decimal digits and the decimal `exponent` of its first
    /// digit: `|x| ≈ mantissa · 10^(exponent − digits + 1)`, `10^(digits−1) ≤ mantissa <
    /// 10^digits` (`0.0996` to 2 digits is `(10, −1)`: rounding up carries into the exponent).
    public static func decimal(_ x: Double, digits: Int) -> (mantissa: Int, exponent: Int) {
        var value = abs(x)
        // The decimal exponent e with 10^e ≤ |x| < 10^(e+1).
        var exponent = 0
        while value >= 10 {
            value /= 10
            exponent += 1
        }
        while value < 1 {
            value *= 10
            exponent -= 1
        }
        var scaled = 1
        for _ in 1..<digits { scaled *= 10 }
        var mantissa = Int((value * Double(scaled)).rounded())
        if mantissa >= scaled * 10 {
            mantissa /= 10
            exponent += 1
        }
        return (mantissa, exponent)
    }

    /// `x` to `digits` significant digits: `3.14159`, `0.000123457`, `1.23457e+08`.
    public static func format(_ x: Double, digits: Int = 6) -> String {
        guard x.isFinite else { return "\(x)" }
        if x == 0 { return "0" }
        let negative = x < 0
        let (mantissa, exponent) = decimal(x, digits: digits)
        var digitsText = String(mantissa)
        // Drop trailing zeros.
        while digitsText.count > 1 && digitsText.hasSuffix("0") { digitsText.removeLast() }
        let sign = negative ? "-" : ""
        if exponent >= 7 || exponent < -5 {
            let rest = digitsText.dropFirst()
            return sign + String(digitsText.prefix(1)) + (rest.isEmpty ? "" : "." + rest)
                + "e\(exponent >= 0 ? "+" : "-")\(abs(exponent) < 10 ? "0" : "")\(abs(exponent))"
        }
        if exponent >= 0 {
            if digitsText.count <= exponent + 1 {
                return sign + digitsText
                    + String(repeating: "0", count: exponent + 1 - digitsText.count)
            }
            let split = digitsText.index(digitsText.startIndex, offsetBy: exponent + 1)
            return sign + digitsText[..<split] + "." + digitsText[split...]
        }
        return sign + "0." + String(repeating: "0", count: -exponent - 1) + digitsText
    }
}
