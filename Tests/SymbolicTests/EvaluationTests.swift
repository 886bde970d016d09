import Symbolic
import Testing

@Suite("Substitution and evaluation")
struct EvaluationTests {
    let k00 = sym("k", 0, 0)
    let k02 = sym("k", 0, 2)
    let o00 = sym("O", 0, 0)

    @Test("substitution replaces the given symbols and keeps the others")
    func substitution() throws {
        let e = try Expression(o00) * Expression(k02) + Expression(k00)
        let result = try e.substituting([o00: 2, k00: Expression(k02)])
        #expect(try result == Expression(k02).scaled(by: Rational(3)))
        #expect(try e.substituting([:]) == e)
        let square = try Expression(k00).power(2)
        #expect(
            try square.substituting([k00: try Expression(k02) + 1])
                == (try (Expression(k02) + 1).power(2)))
    }

    @Test("exact evaluation gives a rational")
    func exact() throws {
        let e = try Expression(o00) * Expression(k02).scaled(by: q(2, 3)) - Expression(k00) + 1
        let value = try e.evaluatedExactly([o00: q(3), k02: q(1, 2), k00: q(1, 4)])
        #expect(value == (try q(7, 4)))
        #expect(try Expression.zero.evaluatedExactly([:]) == .zero)
    }

    @Test("Double evaluation agrees with exact evaluation")
    func double() throws {
        var rng = SeededGenerator(seed: 42)
        for _ in 0..<200 {
            let e = try RandomExpressions.expression(&rng)
            var exact: [Symbol: Rational] = [:]
            var approximate: [Symbol: Double] = [:]
            for symbol in RandomExpressions.symbols {
                let value = try RandomExpressions.rational(&rng)
                exact[symbol] = value
                approximate[symbol] = value.doubleValue
            }
            let expected = try e.evaluatedExactly(exact).doubleValue
            #expect(abs(try e.evaluated(approximate) - expected) <= 1e-9 * max(1, abs(expected)))
        }
    }

    @Test("an unbound symbol throws")
    func unbound() throws {
        let e = try Expression(k00) + Expression(k02)
        #expect(throws: SymbolicError.unboundSymbol(k02)) { try e.evaluated([k00: 1]) }
        #expect(throws: SymbolicError.unboundSymbol(k00)) { try e.evaluatedExactly([:]) }
        #expect(SymbolicError.unboundSymbol(k02).description == "no value given for symbol k_02")
    }
}
