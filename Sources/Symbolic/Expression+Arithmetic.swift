/// Exact ring operations on polynomials. Results are canonical; all operations throw
/// ``SymbolicError/overflow(_:)`` rather than trap when a coefficient or exponent leaves `Int`.
extension Expression {
    /// The sum `l + r` (a linear merge of the two sorted term lists).
    public static func + (l: Expression, r: Expression) throws -> Expression {
        if l.isZero { return r }
        if r.isZero { return l }
        var merged: [Term] = []
        merged.reserveCapacity(l.terms.count + r.terms.count)
        var i = 0
        var j = 0
        while i < l.terms.count || j < r.terms.count {
            if j == r.terms.count
                || (i < l.terms.count && r.terms[j].monomial < l.terms[i].monomial)
            {
                merged.append(l.terms[i])
                i += 1
            } else if i == l.terms.count || l.terms[i].monomial < r.terms[j].monomial {
                merged.append(r.terms[j])
                j += 1
            } else {
                let sum = try l.terms[i].coefficient + r.terms[j].coefficient
                if !sum.isZero {
                    merged.append(Term(coefficient: sum, monomial: l.terms[i].monomial))
                }
                i += 1
                j += 1
            }
        }
        return Expression(canonicalTerms: merged)
    }

    /// The additive inverse `-e`.
    public static prefix func - (e: Expression) throws -> Expression {
        try e.scaled(by: Rational(-1))
    }

    /// The difference `l - r`.
    public static func - (l: Expression, r: Expression) throws -> Expression {
        try l + (try -r)
    }

    /// The product `l · r`, fully expanded.
    public static func * (l: Expression, r: Expression) throws -> Expression {
        if l.isZero || r.isZero { return .zero }
        var products: [Term] = []
        products.reserveCapacity(l.terms.count * r.terms.count)
        for a in l.terms {
            for b in r.terms {
                products.append(
                    Term(
                        coefficient: try a.coefficient * b.coefficient,
                        monomial: try a.monomial.multiplied(by: b.monomial)))
            }
        }
        return try Expression(terms: products)
    }

    /// The polynomial with every coefficient multiplied by `factor` (zero gives zero).
    public func scaled(by factor: Rational) throws -> Expression {
        if factor.isZero { return .zero }
        if factor == .one { return self }
        return Expression(
            canonicalTerms: try terms.map {
                Term(coefficient: try $0.coefficient * factor, monomial: $0.monomial)
            })
    }

    /// The quotient `self / divisor` by a non-zero rational.
    /// - Throws: ``SymbolicError/divisionByZero`` when `divisor` is 0.
    public func divided(by divisor: Rational) throws -> Expression {
        try scaled(by: try divisor.reciprocal())
    }

    /// `self` raised to the power `exponent ≥ 0` (`e⁰ = 1`), by repeated squaring.
    /// - Throws: ``SymbolicError/invalidExponent(_:)`` for a negative exponent.
    public func power(_ exponent: Int) throws -> Expression {
        guard exponent >= 0 else { throw SymbolicError.invalidExponent(exponent) }
        return try RepeatedSquaring.power(self, UInt(exponent), one: .one, times: *)
    }

    /// The sum of `symbols`, each with coefficient equal to how often it is listed
    /// (`[a, b, a]` gives `2a + b`). Sorts once and counts runs, so it is the fast way to
    /// build large sums of symbols; an empty list gives ``zero``. Never fails.
    public static func sum(_ symbols: [Symbol]) -> Expression {
        var terms: [Term] = []
        let sorted = symbols.sorted()
        var start = 0
        while start < sorted.count {
            var end = start + 1
            while end < sorted.count && sorted[end] == sorted[start] { end += 1 }
            terms.append(
                Term(coefficient: Rational(end - start), monomial: Monomial(sorted[start])))
            start = end
        }
        // Degree-1 monomials in increasing symbol order are already in canonical order.
        return Expression(canonicalTerms: terms)
    }

    /// The sum of `monomials` (each with coefficient 1, repeats counted), e.g. the products
    /// `O_{pq}·k_{ab}` of one convolution entry. Sorts once and counts runs; never fails.
    public static func sum(_ monomials: [Monomial]) -> Expression {
        var terms: [Term] = []
        let sorted = monomials.sorted { $1 < $0 }
        var start = 0
        while start < sorted.count {
            var end = start + 1
            while end < sorted.count && sorted[end] == sorted[start] { end += 1 }
            terms.append(Term(coefficient: Rational(end - start), monomial: sorted[start]))
            start = end
        }
        return Expression(canonicalTerms: terms)
    }

    /// The sum `Σ coefficient · symbol` of a linear combination, in any order, repeated
    /// symbols merged.
    /// - Throws: ``SymbolicError/overflow(_:)`` if merging coefficients overflows.
    public static func linearCombination(
        _ terms: [(coefficient: Rational, symbol: Symbol)]
    ) throws -> Expression {
        try Expression(
            terms: terms.map { Term(coefficient: $0.coefficient, monomial: Monomial($0.symbol)) })
    }
}
