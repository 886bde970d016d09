/// An error raised by the symbolic algebra instead of trapping.
///
/// Every operation of the module that could overflow `Int`, divide by zero or meet an
/// unknown symbol throws one of these cases; nothing reachable from input calls
/// `fatalError` or uses trapping arithmetic.
public enum SymbolicError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Exact arithmetic left the range of `Int`; the payload says which operation, e.g.
    /// `"rational arithmetic overflowed Int in 9223372036854775807 + 1"`.
    case overflow(String)
    /// A rational number with denominator zero was requested (`x / 0`, `Rational(1, 0)`).
    case divisionByZero
    /// Evaluation met a symbol for which no value was supplied.
    case unboundSymbol(Symbol)
    /// A negative exponent was requested where only polynomials (exponents `≥ 0`) exist.
    case invalidExponent(Int)
    /// A matrix was described inconsistently (ragged dense rows, a column out of range,
    /// columns of a sparse row not strictly increasing, a negative size); the payload says how.
    case invalidMatrix(String)

    /// A one-line English explanation of the error, suitable for a command-line message.
    public var description: String {
        switch self {
        case .overflow(let detail):
            return detail
        case .divisionByZero:
            return "division by zero"
        case .unboundSymbol(let symbol):
            return "no value given for symbol \(PlainTextPrinter(ascii: true).string(for: symbol))"
        case .invalidExponent(let exponent):
            return "exponent \(exponent) is negative; only polynomial powers are supported"
        case .invalidMatrix(let detail):
            return "invalid matrix: \(detail)"
        }
    }
}
