/// Substituting expressions for symbols and evaluating polynomials to numbers.
extension Expression {
    /// The polynomial obtained by replacing every symbol `s` that is a key of `values` with
    /// `values[s]`, then expanding. Symbols without an entry are left unchanged, so partial
    /// substitution is allowed; an empty dictionary returns `self`.
    /// - Throws: ``SymbolicError/overflow(_:)`` if the expansion overflows.
    public func substituting(_ values: [Symbol: Expression]) throws -> Expression {
        if values.isEmpty { return self }
        var parts: [Term] = []
        for term in terms {
            var product = Expression(term.coefficient)
            var kept: [(symbol: Symbol, exponent: Int)] = []
            for factor in term.monomial.factors {
                if let value = values[factor.symbol] {
                    product = try product * (try value.power(factor.exponent))
                } else {
                    kept.append((factor.symbol, factor.exponent))
                }
            }
            let rest = try Monomial(powers: kept)
            for part in product.terms {
                parts.append(
                    Term(
                        coefficient: part.coefficient,
                        monomial: try part.monomial.multiplied(by: rest)))
            }
        }
        return try Expression(terms: parts)
    }

    /// The value of the polynomial in floating point when each symbol `s` takes the value
    /// `values[s]` (coefficients are converted with ``Rational/doubleValue``). Zero is `0`.
    /// - Throws: ``SymbolicError/unboundSymbol(_:)`` for the first symbol, in canonical
    ///   order, that has no value.
    public func evaluated(_ values: [Symbol: Double]) throws -> Double {
        var total = 0.0
        for term in terms {
            var product = term.coefficient.doubleValue
            for factor in term.monomial.factors {
                guard let value = values[factor.symbol] else {
                    throw SymbolicError.unboundSymbol(factor.symbol)
                }
                product *= Self.power(value, factor.exponent)
            }
            total += product
        }
        return total
    }

    /// `value^exponent` for `exponent ≥ 0`, by repeated squaring.
    private static func power(_ value: Double, _ exponent: Int) -> Double {
        var result = 1.0
        var base = value
        var e = exponent
        while e > 0 {
            if e & 1 == 1 { result *= base }
            e >>= 1
            base *= base
        }
        return result
    }

    /// The exact value of the polynomial when each symbol `s` takes the rational value
    /// `values[s]`. Zero is `0`.
    /// - Throws: ``SymbolicError/unboundSymbol(_:)`` for a symbol without a value,
    ///   ``SymbolicError/overflow(_:)`` when the exact value leaves `Int`.
    public func evaluatedExactly(_ values: [Symbol: Rational]) throws -> Rational {
        var total = Rational.zero
        for term in terms {
            var product = term.coefficient
            for factor in term.monomial.factors {
                guard let value = values[factor.symbol] else {
                    throw SymbolicError.unboundSymbol(factor.symbol)
                }
                product = try product * (try value.power(factor.exponent))
            }
            total = try total + product
        }
        return total
    }
}
