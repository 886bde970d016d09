import Symbolic

/// An arithmetic failure of the numeric backend: an exact rational left the range of `Int`.
///
/// Floating point never fails (it rounds, and overflows to ±∞); exact arithmetic reports
/// instead of trapping, so that a user's input can never crash the tool.
public struct NumericError: Error, Equatable, Sendable, CustomStringConvertible {
    /// What overflowed, e.g. `rational arithmetic overflowed Int in 1/3 + …`.
    public let message: String

    /// Creates an error saying `message`.
    public init(_ message: String) { self.message = message }

    /// The message.
    public var description: String { message }
}

/// The numbers a tensor can hold: a commutative ring with `0` and `1`, a conversion to `Double`
/// for reporting, and operations that may fail (exact overflow) but never trap.
///
/// Two conformances: `Double` (IEEE 754 binary64, PyTorch's `float64`; rounding errors of about
/// `1e-16` relative per operation) and ``Symbolic/Rational`` (exact; every sum and product is the true
/// value or a ``NumericError``). Exact mode is what lets `convmatrix check --exact` demand
/// equality instead of a tolerance.
public protocol NumericScalar: Hashable, Sendable {
    /// The additive identity.
    static var zero: Self { get }
    /// The multiplicative identity.
    static var one: Self { get }
    /// The integer `n`.
    init(integer n: Int)
    /// The quotient `n / d` (`d ≠ 0`), rounded in floating point.
    static func ratio(_ n: Int, _ d: Int) throws(NumericError) -> Self
    /// `l + r`.
    static func sum(_ l: Self, _ r: Self) throws(NumericError) -> Self
    /// `l − r`.
    static func difference(_ l: Self, _ r: Self) throws(NumericError) -> Self
    /// `l · r`.
    static func product(_ l: Self, _ r: Self) throws(NumericError) -> Self
    /// The nearest `Double`, for reports and tolerances.
    var doubleValue: Double { get }
    /// The step `h` of central differences `(f(v + h·eᵢ) − f(v − h·eᵢ))·(1/2h)` at a point whose
    /// coordinates are `values`, with `1/2h`.
    static func centralDifferenceStep(for values: [Self]) -> (step: Self, inverseTwoSteps: Self)
}

extension Double: NumericScalar {
    /// `1.0`.
    public static var one: Double { 1 }
    /// `Double(n)`.
    public init(integer n: Int) { self = Double(n) }
    /// `n / d`, rounded.
    public static func ratio(_ n: Int, _ d: Int) -> Double { Double(n) / Double(d) }
    /// `l + r`, rounded.
    public static func sum(_ l: Double, _ r: Double) -> Double { l + r }
    /// `l − r`, rounded.
    public static func difference(_ l: Double, _ r: Double) -> Double { l - r }
    /// `l · r`, rounded.
    public static func product(_ l: Double, _ r: Double) -> Double { l * r }
    /// The value itself.
    public var doubleValue: Double { self }

    /// `h = 2^e` with `2^e ≤ max(1, max|vᵢ|) < 2^(e+1)`, and `1/2h = 2^(−e−1)`: both powers of
    /// two, so dividing by `2h` is exact. The step grows with the point because `E` is linear
    /// in each coordinate (any step gives the derivative, up to rounding), while the rounding
    /// of `f` is about `ε·max|vᵢ|·…`: a fixed small step would fall below one ulp of a large
    /// coordinate (`v + 2⁻¹⁰ == v` for `|v| ≥ 2⁶³`) or drown in the rounding of the others.
    /// `e ≤ 1023`, so `h` is finite and `1/2h ≥ 2⁻¹⁰²⁴` is an exact subnormal.
    public static func centralDifferenceStep(for values: [Double]) -> (
        step: Double, inverseTwoSteps: Double
    ) {
        let largest = values.reduce(1.0) { $1.isFinite ? max($0, abs($1)) : $0 }
        let e = Int(largest.exponent)
        return (
            Double(sign: .plus, exponent: e, significand: 1),
            Double(sign: .plus, exponent: -e - 1, significand: 1)
        )
    }
}

extension Rational: NumericScalar {
    /// `n/1`.
    public init(integer n: Int) { self.init(n) }

    /// The exact `n / d`, or a ``NumericError`` for `d = 0` or an unrepresentable value.
    public static func ratio(_ n: Int, _ d: Int) throws(NumericError) -> Rational {
        do { return try Rational(n, d) } catch { throw NumericError("\(error)") }
    }

    /// The exact `l + r`, or a ``NumericError`` when it leaves `Int`.
    public static func sum(_ l: Rational, _ r: Rational) throws(NumericError) -> Rational {
        do { return try l + r } catch { throw NumericError("\(error)") }
    }

    /// The exact `l − r`, or a ``NumericError`` when it leaves `Int`.
    public static func difference(_ l: Rational, _ r: Rational) throws(NumericError) -> Rational {
        do { return try l - r } catch { throw NumericError("\(error)") }
    }

    /// The exact `l · r`, or a ``NumericError`` when it leaves `Int`.
    public static func product(_ l: Rational, _ r: Rational) throws(NumericError) -> Rational {
        if l.isZero || r.isZero { return .zero }
        do { return try l * r } catch { throw NumericError("\(error)") }
    }

    /// `h = 1` and `1/2h = 1/2`: exact arithmetic has no rounding to outrun.
    public static func centralDifferenceStep(for values: [Rational]) -> (
        step: Rational, inverseTwoSteps: Rational
    ) {
        (.one, (try? Rational(1, 2)) ?? .one)
    }
}

extension Array where Element: NumericScalar {
    /// The inner product `⟨a, b⟩ = Σ aᵢ·bᵢ` of two vectors of equal length.
    public func dot(_ other: [Element]) throws(NumericError) -> Element {
        var total = Element.zero
        for i in indices where i < other.count {
            total = try Element.sum(total, try Element.product(self[i], other[i]))
        }
        return total
    }
}
