/// An exact rational number `numerator / denominator` with `Int` parts.
///
/// Values are always stored in lowest terms with a positive denominator, so two equal
/// rationals have equal parts and `==`/`hash` are structural. Every operation that could
/// leave the range of `Int` (including the asymmetric `Int.min`) throws
/// ``SymbolicError/overflow(_:)`` instead of trapping; dividing by zero throws
/// ``SymbolicError/divisionByZero``.
public struct Rational: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The reduced numerator; carries the sign of the number. Zero is `0/1`.
    public let numerator: Int
    /// The reduced denominator; always `> 0`.
    public let denominator: Int

    /// The number 0 (`0/1`).
    public static let zero = Rational(0)
    /// The number 1 (`1/1`).
    public static let one = Rational(1)

    /// The integer `integer` as a rational (`integer/1`). Never fails.
    public init(_ integer: Int) {
        numerator = integer
        denominator = 1
    }

    /// `1/n` for a count `n ≥ 1` (a smaller `n` is taken as 1). Never fails: `1/n` is already in
    /// lowest terms.
    public init(reciprocalOf n: Int) {
        self.init(reduced: 1, max(n, 1))
    }

    /// Stores parts that the caller guarantees are already reduced with `denominator > 0`.
    private init(reduced numerator: Int, _ denominator: Int) {
        self.numerator = numerator
        self.denominator = denominator
    }

    /// The rational `numerator / denominator`, reduced to lowest terms with the sign moved to
    /// the numerator.
    ///
    /// - Throws: ``SymbolicError/divisionByZero`` when `denominator == 0`;
    ///   ``SymbolicError/overflow(_:)`` when the reduced value is not representable, e.g.
    ///   `Rational(Int.min, -1)` (= 2⁶³) or `Rational(1, Int.min)` (denominator 2⁶³).
    public init(_ numerator: Int, _ denominator: Int) throws {
        guard denominator != 0 else { throw SymbolicError.divisionByZero }
        let negative = (numerator < 0) != (denominator < 0)
        self = try Rational.make(
            negative: negative, numerator.magnitude, denominator.magnitude,
            operation: "\(numerator)/\(denominator)")
    }

    /// Builds `±n/d` from magnitudes, reducing and checking that both parts fit in `Int`.
    private static func make(
        negative: Bool, _ n: UInt, _ d: UInt, operation: @autoclosure () -> String
    ) throws -> Rational {
        guard d != 0 else { throw SymbolicError.divisionByZero }
        if n == 0 { return .zero }
        let g = gcd(n, d)
        let rn = n / g
        let rd = d / g
        guard rd <= UInt(Int.max) else { throw overflow(operation()) }
        if negative {
            // -(2^63) is representable; anything larger in magnitude is not.
            guard rn <= UInt(Int.max) + 1 else { throw overflow(operation()) }
            let value = rn == UInt(Int.max) + 1 ? Int.min : -Int(rn)
            return Rational(reduced: value, Int(rd))
        }
        guard rn <= UInt(Int.max) else { throw overflow(operation()) }
        return Rational(reduced: Int(rn), Int(rd))
    }

    /// The overflow error for a description of the failed operation.
    static func overflow(_ operation: String) -> SymbolicError {
        .overflow("rational arithmetic overflowed Int in \(operation)")
    }

    /// Greatest common divisor of two magnitudes (`gcd(0, b) == b`).
    static func gcd(_ a: UInt, _ b: UInt) -> UInt {
        var x = a
        var y = b
        while y != 0 { (x, y) = (y, x % y) }
        return x
    }

    /// `true` exactly for the number 0.
    public var isZero: Bool { numerator == 0 }

    /// `true` when the number is an integer (denominator 1).
    public var isInteger: Bool { denominator == 1 }

    /// `true` when the number is `< 0`.
    public var isNegative: Bool { numerator < 0 }

    /// The nearest `Double` to the quotient (`Double(numerator) / Double(denominator)`);
    /// large parts lose precision but never trap.
    public var doubleValue: Double { Double(numerator) / Double(denominator) }

    /// `"3"` for integers, `"-1/9"` otherwise (sign on the numerator, no spaces).
    public var description: String {
        denominator == 1 ? "\(numerator)" : "\(numerator)/\(denominator)"
    }

    /// The absolute value `|x|`. - Throws: ``SymbolicError/overflow(_:)`` for `Int.min`.
    public func magnitude() throws -> Rational {
        isNegative ? try negated() : self
    }

    /// The additive inverse `-x`. - Throws: ``SymbolicError/overflow(_:)`` when the numerator
    /// is `Int.min`.
    public func negated() throws -> Rational {
        let (value, overflowed) = Int(0).subtractingReportingOverflow(numerator)
        guard !overflowed else { throw Rational.overflow("-(\(self))") }
        return Rational(reduced: value, denominator)
    }

    /// The multiplicative inverse `1/x`. - Throws: ``SymbolicError/divisionByZero`` for 0,
    /// ``SymbolicError/overflow(_:)`` for `1/Int.min`.
    public func reciprocal() throws -> Rational {
        guard !isZero else { throw SymbolicError.divisionByZero }
        return try Rational.make(
            negative: isNegative, denominator.magnitude, numerator.magnitude,
            operation: "1/(\(self))")
    }

    /// `-x`; same as ``negated()``.
    public static prefix func - (x: Rational) throws -> Rational {
        try x.negated()
    }

    /// The exact sum `l + r`. - Throws: ``SymbolicError/overflow(_:)`` if an intermediate
    /// product or the result leaves `Int`.
    public static func + (l: Rational, r: Rational) throws -> Rational {
        let operation = { "\(l) + \(r)" }
        if l.denominator == 1 && r.denominator == 1 {
            let (sum, overflowed) = l.numerator.addingReportingOverflow(r.numerator)
            guard !overflowed else { throw overflow(operation()) }
            return Rational(sum)
        }
        // a/b + c/d = (a·(d/g) + c·(b/g)) / (b·(d/g)) with g = gcd(b, d).
        let g = Int(gcd(l.denominator.magnitude, r.denominator.magnitude))
        let dOverG = r.denominator / g
        let bOverG = l.denominator / g
        let (left, o1) = l.numerator.multipliedReportingOverflow(by: dOverG)
        let (right, o2) = r.numerator.multipliedReportingOverflow(by: bOverG)
        let (top, o3) = left.addingReportingOverflow(right)
        let (bottom, o4) = l.denominator.multipliedReportingOverflow(by: dOverG)
        guard !(o1 || o2 || o3 || o4) else { throw overflow(operation()) }
        return try make(
            negative: top < 0, top.magnitude, bottom.magnitude, operation: operation())
    }

    /// The exact difference `l - r`. - Throws: ``SymbolicError/overflow(_:)``.
    public static func - (l: Rational, r: Rational) throws -> Rational {
        if r.numerator == Int.min {
            // -r is not representable; compute -(r - l) instead when possible.
            return try (r + (try l.negated())).negated()
        }
        return try l + (try r.negated())
    }

    /// The exact product `l · r`, cross-reducing first to avoid needless overflow.
    /// - Throws: ``SymbolicError/overflow(_:)`` when the reduced result leaves `Int`.
    public static func * (l: Rational, r: Rational) throws -> Rational {
        if l.isZero || r.isZero { return .zero }
        return try product(l, r.numerator, r.denominator, operation: "\(l) * \(r)")
    }

    /// The exact quotient `l / r`. - Throws: ``SymbolicError/divisionByZero`` when `r == 0`,
    /// ``SymbolicError/overflow(_:)`` when the result leaves `Int`.
    public static func / (l: Rational, r: Rational) throws -> Rational {
        guard !r.isZero else { throw SymbolicError.divisionByZero }
        if l.isZero { return .zero }
        return try product(l, r.denominator, r.numerator, operation: "\(l) / \(r)")
    }

    /// The exact `l · (numerator / denominator)`, with `l` and the fraction nonzero: the
    /// product `l * r` (the fraction `r`) and the quotient `l / r` (the fraction `1/r`) alike.
    /// Cross-reduces first (`l.numerator` with `denominator`, `numerator` with
    /// `l.denominator`) to avoid needless overflow; `operation` names the operation in the
    /// error.
    private static func product(
        _ l: Rational, _ numerator: Int, _ denominator: Int, operation: String
    ) throws -> Rational {
        let g1 = gcd(l.numerator.magnitude, denominator.magnitude)
        let g2 = gcd(numerator.magnitude, l.denominator.magnitude)
        let (top, o1) = (l.numerator.magnitude / g1).multipliedReportingOverflow(
            by: numerator.magnitude / g2)
        let (bottom, o2) = (l.denominator.magnitude / g2).multipliedReportingOverflow(
            by: denominator.magnitude / g1)
        guard !(o1 || o2) else { throw overflow(operation) }
        return try make(
            negative: l.isNegative != ((numerator < 0) != (denominator < 0)), top, bottom,
            operation: operation)
    }

    /// `x` raised to the non-negative integer power `exponent` (`x⁰ = 1`, also for `x = 0`).
    /// - Throws: ``SymbolicError/overflow(_:)`` when the result leaves `Int`, or when
    ///   `exponent < 0` and `x == 0` (``SymbolicError/divisionByZero``).
    public func power(_ exponent: Int) throws -> Rational {
        if exponent < 0 { return try reciprocal().power(exponent.magnitude) }
        return try power(UInt(exponent))
    }

    /// Square-and-multiply for a magnitude exponent.
    private func power(_ exponent: UInt) throws -> Rational {
        try RepeatedSquaring.power(self, exponent, one: .one, times: *)
    }

    /// Numeric order (`-1/2 < 0 < 1/3`), compared exactly with full-width products.
    public static func < (l: Rational, r: Rational) -> Bool {
        let left = l.numerator.multipliedFullWidth(by: r.denominator)
        let right = r.numerator.multipliedFullWidth(by: l.denominator)
        return (left.high, left.low) < (right.high, right.low)
    }
}
