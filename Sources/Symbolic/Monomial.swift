/// A product of distinct symbols raised to positive integer powers, e.g. `O₀₀·k₀₂` or `x²y`.
///
/// The factors are kept sorted by ``Symbol`` order with each symbol at most once, so equal
/// products are equal values. The empty product is the monomial ``one`` (the constant 1).
///
/// `Comparable` is SymPy's lexicographic monomial order (`lex`): compare exponent vectors
/// over all symbols in ``Symbol`` order, the first symbol weighing most. Thus
/// `1 < y < x < x·y < x²` for `x < y`. ``Expression/terms`` lists terms in *decreasing*
/// order of their monomials, so the constant term comes last.
public struct Monomial: Hashable, Comparable, Sendable {
    /// One factor `symbol^exponent` of a monomial; `exponent` is always `≥ 1`.
    public struct Factor: Hashable, Sendable {
        /// The variable being raised to a power.
        public let symbol: Symbol
        /// The power, a positive integer.
        public let exponent: Int
    }

    /// The factors in increasing ``Symbol`` order, each symbol once, exponents `≥ 1`.
    public let factors: [Factor]

    /// The empty product, the constant monomial 1.
    public static let one = Monomial(sortedFactors: [])

    /// Stores factors already sorted, merged and with positive exponents.
    private init(sortedFactors: [Factor]) {
        factors = sortedFactors
    }

    /// The monomial `symbol¹`.
    public init(_ symbol: Symbol) {
        factors = [Factor(symbol: symbol, exponent: 1)]
    }

    /// The product of `symbols`; a symbol listed `n` times gets exponent `n`. An empty list
    /// gives ``one``.
    public init(_ symbols: [Symbol]) {
        var merged: [Factor] = []
        for symbol in symbols.sorted() {
            if let last = merged.last, last.symbol == symbol {
                merged[merged.count - 1] = Factor(symbol: symbol, exponent: last.exponent + 1)
            } else {
                merged.append(Factor(symbol: symbol, exponent: 1))
            }
        }
        factors = merged
    }

    /// The product `∏ symbol^exponent` over `powers`, in any order; repeated symbols have
    /// their exponents added and zero exponents are dropped.
    ///
    /// - Throws: ``SymbolicError/invalidExponent(_:)`` for a negative exponent (monomials
    ///   are polynomial), ``SymbolicError/overflow(_:)`` if exponents of a repeated symbol
    ///   overflow when added.
    public init(powers: [(symbol: Symbol, exponent: Int)]) throws {
        var merged: [Factor] = []
        for power in powers.sorted(by: { $0.symbol < $1.symbol }) {
            guard power.exponent >= 0 else {
                throw SymbolicError.invalidExponent(power.exponent)
            }
            if power.exponent == 0 { continue }
            if let last = merged.last, last.symbol == power.symbol {
                let (sum, overflowed) = last.exponent.addingReportingOverflow(power.exponent)
                guard !overflowed else { throw Monomial.exponentOverflow }
                merged[merged.count - 1] = Factor(symbol: power.symbol, exponent: sum)
            } else {
                merged.append(Factor(symbol: power.symbol, exponent: power.exponent))
            }
        }
        factors = merged
    }

    private static let exponentOverflow = SymbolicError.overflow(
        "monomial exponent overflowed Int")

    /// `true` for the constant monomial 1 (no factors).
    public var isOne: Bool { factors.isEmpty }

    /// The symbols occurring in the product, in increasing order.
    public var symbols: [Symbol] { factors.map(\.symbol) }

    /// The exponent of `symbol` in the product, 0 when it does not occur.
    public func exponent(of symbol: Symbol) -> Int {
        factors.first { $0.symbol == symbol }?.exponent ?? 0
    }

    /// The product `self · other`, exponents of shared symbols added (a sorted merge).
    /// - Throws: ``SymbolicError/overflow(_:)`` if an exponent overflows `Int`.
    public func multiplied(by other: Monomial) throws -> Monomial {
        if isOne { return other }
        if other.isOne { return self }
        var merged: [Factor] = []
        merged.reserveCapacity(factors.count + other.factors.count)
        var i = 0
        var j = 0
        while i < factors.count || j < other.factors.count {
            if j == other.factors.count
                || (i < factors.count && factors[i].symbol < other.factors[j].symbol)
            {
                merged.append(factors[i])
                i += 1
            } else if i == factors.count || other.factors[j].symbol < factors[i].symbol {
                merged.append(other.factors[j])
                j += 1
            } else {
                let (sum, overflowed) = factors[i].exponent.addingReportingOverflow(
                    other.factors[j].exponent)
                guard !overflowed else { throw Monomial.exponentOverflow }
                merged.append(Factor(symbol: factors[i].symbol, exponent: sum))
                i += 1
                j += 1
            }
        }
        return Monomial(sortedFactors: merged)
    }

    /// Lexicographic monomial order (see the type's documentation): `l < r` when `r` has the
    /// higher exponent at the first symbol where they differ.
    public static func < (l: Monomial, r: Monomial) -> Bool {
        precedes(
            r.factors.map { ($0.symbol, $0.exponent) },
            l.factors.map { ($0.symbol, $0.exponent) }, by: <)
    }

    /// SymPy's `lex` term order on monomials written as `(key, exponent)` lists sorted
    /// increasingly by `less`, each key once: `true` when `a` is printed before `b`.
    ///
    /// Compare factor by factor: the side whose factor has the smaller key, or the same key
    /// with the higher exponent, comes first; a proper prefix (and thus the constant,
    /// the empty list) comes after.
    static func precedes<Key>(
        _ a: [(Key, Int)], _ b: [(Key, Int)], by less: (Key, Key) -> Bool
    ) -> Bool {
        for (x, y) in zip(a, b) {
            if less(x.0, y.0) { return true }
            if less(y.0, x.0) { return false }
            if x.1 != y.1 { return x.1 > y.1 }
        }
        return a.count > b.count
    }
}
