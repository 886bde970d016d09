/// One summand `coefficient · monomial` of an ``Expression``, e.g. `-2/9 · k₀₂`.
///
/// A lone `Term` may have a zero coefficient; inside an ``Expression`` it never does.
public struct Term: Hashable, Sendable {
    /// The exact rational factor in front of the product.
    public let coefficient: Rational
    /// The product of symbols; ``Monomial/one`` for a constant term.
    public let monomial: Monomial

    /// The term `coefficient · monomial`.
    public init(coefficient: Rational, monomial: Monomial) {
        self.coefficient = coefficient
        self.monomial = monomial
    }
}

/// A polynomial with exact rational coefficients in indexed ``Symbol``s, kept in canonical
/// form so that mathematically equal polynomials are equal values (`==`, `hash`).
///
/// Canonical form: like monomials merged, no zero coefficient, terms sorted by SymPy's
/// lexicographic order, descending (see ``Monomial``): `O₀₀k₀₂ + O₀₁k₀₀`, `k₀₀ + k₀₂`,
/// `x² + x + 1`. Zero is the empty sum. Expressions do not know how they are printed; use a
/// printer such as ``LaTeXPrinter`` or ``PlainTextPrinter``. All arithmetic is exact and
/// throws ``SymbolicError/overflow(_:)`` instead of trapping.
public struct Expression: Hashable, Sendable, ExpressibleByIntegerLiteral {
    /// The summands in canonical order, all with non-zero coefficients; empty for zero.
    public let terms: [Term]

    /// The zero polynomial (no terms).
    public static let zero = Expression(canonicalTerms: [])
    /// The constant polynomial 1.
    public static let one = Expression(Rational.one)

    /// Stores terms the caller guarantees are canonical.
    init(canonicalTerms: [Term]) {
        terms = canonicalTerms
    }

    /// The polynomial consisting of the single variable `symbol`.
    public init(_ symbol: Symbol) {
        terms = [Term(coefficient: .one, monomial: Monomial(symbol))]
    }

    /// The polynomial `monomial` (coefficient 1).
    public init(_ monomial: Monomial) {
        terms = [Term(coefficient: .one, monomial: monomial)]
    }

    /// The constant polynomial `value` (zero gives ``zero``).
    public init(_ value: Rational) {
        terms = value.isZero ? [] : [Term(coefficient: value, monomial: .one)]
    }

    /// The constant polynomial `value`, so that `let e: Expression = 3` works.
    public init(integerLiteral value: Int) {
        self.init(Rational(value))
    }

    /// The sum of `terms` in any order, canonicalised: coefficients of equal monomials are
    /// added, zero terms dropped and the rest sorted.
    /// - Throws: ``SymbolicError/overflow(_:)`` if adding coefficients overflows.
    public init(terms: [Term]) throws {
        var index: [Monomial: Int] = [:]
        var merged: [Term] = []
        merged.reserveCapacity(terms.count)
        for term in terms where !term.coefficient.isZero {
            if let position = index[term.monomial] {
                let sum = try merged[position].coefficient + term.coefficient
                merged[position] = Term(coefficient: sum, monomial: term.monomial)
            } else {
                index[term.monomial] = merged.count
                merged.append(term)
            }
        }
        self.terms = Expression.sortedCanonically(merged.filter { !$0.coefficient.isZero })
    }

    /// Sorts terms with distinct monomials into canonical (descending `lex`) order.
    static func sortedCanonically(_ terms: [Term]) -> [Term] {
        terms.sorted { $1.monomial < $0.monomial }
    }

    /// `true` exactly for the zero polynomial.
    public var isZero: Bool { terms.isEmpty }

    /// `true` when the polynomial has no symbols (zero included).
    public var isConstant: Bool { terms.allSatisfy { $0.monomial.isOne } }

    /// The constant value when ``isConstant``, otherwise `nil`.
    public var constantValue: Rational? {
        guard isConstant else { return nil }
        return terms.first?.coefficient ?? .zero
    }

    /// The polynomial's single symbol when it is exactly `1 · symbol`, otherwise `nil`.
    public var singleSymbol: Symbol? {
        guard terms.count == 1, terms[0].coefficient == .one,
            terms[0].monomial.factors.count == 1, terms[0].monomial.factors[0].exponent == 1
        else { return nil }
        return terms[0].monomial.factors[0].symbol
    }

    /// Every symbol occurring in some term.
    public var symbols: Set<Symbol> {
        var result = Set<Symbol>()
        for term in terms {
            for factor in term.monomial.factors { result.insert(factor.symbol) }
        }
        return result
    }

    /// The coefficient of `monomial` (zero when absent).
    public func coefficient(of monomial: Monomial) -> Rational {
        terms.first { $0.monomial == monomial }?.coefficient ?? .zero
    }
}

/// Another name for ``Expression``, for files that also import Foundation, whose own
/// `Expression` type makes the bare name ambiguous there.
public typealias SymbolicExpression = Expression
