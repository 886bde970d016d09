import Symbolic
import Testing

@Suite("Expression: canonical polynomials with exact coefficients")
struct ExpressionTests {
    let x = Expression(Symbol("x"))
    let y = Expression(Symbol("y"))

    @Test("terms are sorted in SymPy's lex order, descending, the constant last")
    func canonicalOrder() throws {
        let c = try expr("O", 0, 1) * expr("k", 0, 0) + expr("O", 0, 0) * expr("k", 0, 2)
        #expect(PlainTextPrinter(ascii: true).string(for: c) == "O_00*k_02 + O_01*k_00")
        let sum = try expr("k", 0, 2) + expr("k", 0, 0)
        #expect(sum.terms.map(\.monomial) == [Monomial(sym("k", 0, 0)), Monomial(sym("k", 0, 2))])
        let polynomial = try 1 + x + x * x
        #expect(
            polynomial.terms.map(\.monomial)
                == [try Monomial(powers: [(Symbol("x"), 2)]), Monomial(Symbol("x")), .one])
        // A proper prefix comes after: x·y before x.
        let mixed = try x + x * y
        #expect(mixed.terms.map(\.monomial.factors.count) == [2, 1])
    }

    @Test("init(terms:) merges like monomials and drops zeros")
    func canonicalisation() throws {
        let k = Monomial(sym("k", 0, 0))
        let e = try Expression(terms: [
            Term(coefficient: q(1, 2), monomial: k), Term(coefficient: q(0), monomial: .one),
            Term(coefficient: q(1, 2), monomial: k), Term(coefficient: q(3), monomial: .one),
            Term(coefficient: q(-3), monomial: .one),
        ])
        #expect(e == expr("k", 0, 0))
        #expect(e.terms.count == 1)
        #expect(try Expression(terms: []) == .zero)
        #expect(Expression(Rational.zero).isZero)
        #expect(Expression.zero.terms.isEmpty)
        #expect((0 as Expression) == .zero)
        #expect((1 as Expression) == .one)
    }

    @Test("sum of symbols counts repetitions and agrees with repeated addition")
    func sumOfSymbols() throws {
        let symbols = [sym("k", 0, 2), sym("k", 0, 0), sym("k", 0, 2), sym("k", 0, 10)]
        var expected = Expression.zero
        for symbol in symbols { expected = try expected + Expression(symbol) }
        #expect(Expression.sum(symbols) == expected)
        #expect(Expression.sum(symbols).coefficient(of: Monomial(sym("k", 0, 2))) == Rational(2))
        #expect(Expression.sum([Symbol]()) == .zero)
        let products = [Monomial([sym("O", 0, 1), sym("k", 0, 0)]), Monomial([sym("O", 0, 0)])]
        #expect(
            Expression.sum(products + products)
                == (try Expression(
                    terms: products.map { Term(coefficient: Rational(2), monomial: $0) })))
    }

    @Test("x - x is zero and subtraction inverts addition")
    func cancellation() throws {
        #expect(try x - x == .zero)
        #expect(try (x + y) - y == x)
        #expect(try -(-x) == x)
        #expect(try x.scaled(by: .zero) == .zero)
        #expect(try x.scaled(by: q(1, 2)).divided(by: q(1, 2)) == x)
    }

    @Test("symbols lists every variable")
    func symbols() throws {
        let e = try x * y + 3
        #expect(e.symbols == [Symbol("x"), Symbol("y")])
        #expect(Expression(Rational(3)).symbols.isEmpty)
        #expect(Expression(Rational(3)).constantValue == Rational(3))
        #expect(x.singleSymbol == Symbol("x"))
        #expect(try (x + 1).singleSymbol == nil)
    }

    @Test("powers expand and negative exponents are rejected")
    func powers() throws {
        #expect(try (x + 1).power(2) == (try x * x + x.scaled(by: Rational(2)) + 1))
        #expect(try x.power(0) == .one)
        #expect(throws: SymbolicError.invalidExponent(-1)) { try x.power(-1) }
        #expect(throws: SymbolicError.invalidExponent(-2)) {
            try Monomial(powers: [(Symbol("x"), -2)])
        }
    }

    @Test("coefficient overflow throws")
    func overflow() throws {
        let big = Expression(Rational(Int.max))
        #expect(throws: SymbolicError.self) { try big + 1 }
        #expect(throws: SymbolicError.self) { try (big * x) * (x.scaled(by: Rational(2))) }
        #expect(throws: SymbolicError.self) { try -Expression(Rational(Int.min)) }
    }

    @Test("ring laws hold for hundreds of random expressions", arguments: [1, 2, 3, 4, 5])
    func ringLaws(seed: UInt64) throws {
        var rng = SeededGenerator(seed: seed)
        for _ in 0..<60 {
            let a = try RandomExpressions.expression(&rng)
            let b = try RandomExpressions.expression(&rng)
            let c = try RandomExpressions.expression(&rng)
            #expect(try a + b == b + a)
            #expect(try a * b == b * a)
            #expect(try (a + b) + c == a + (b + c))
            #expect(try (a * b) * c == a * (b * c))
            #expect(try a * (b + c) == a * b + a * c)
            #expect(try a - a == .zero)
            #expect(try a + .zero == a)
            #expect(try a * .one == a)
            #expect(try a * .zero == .zero)
            // Canonical form: rebuilding from the (shuffled) terms changes nothing.
            #expect(try Expression(terms: a.terms.shuffled(using: &rng)) == a)
            let monomials = a.terms.map(\.monomial)
            #expect(zip(monomials, monomials.dropFirst()).allSatisfy { $1 < $0 })
            #expect(a.terms.allSatisfy { !$0.coefficient.isZero })
        }
    }
}
