import Symbolic
import Testing

@Suite("LaTeXPrinter: SymPy's latex() conventions")
struct LaTeXPrinterTests {
    let k02 = expr("k", 0, 2)
    let k010 = expr("k", 0, 10)
    let o00 = expr("O", 0, 0)
    let o01 = expr("O", 0, 1)
    let sympy = LaTeXPrinter()
    let natural = LaTeXPrinter(termOrder: .natural)

    @Test("the examples of the course")
    func courseExamples() throws {
        #expect(sympy.string(for: expr("k", 0, 0)) == "k_{00}")
        #expect(
            sympy.string(for: try expr("O", 0, 1) * expr("k", 0, 0) + o00 * k02)
                == "O_{00} k_{02} + O_{01} k_{00}")
        #expect(sympy.string(for: try expr("k", 0, 0) + k02) == "k_{00} + k_{02}")
        #expect(sympy.string(for: try expr("k", 0, 0).scaled(by: q(1, 9))) == "\\frac{k_{00}}{9}")
    }

    @Test("SymPy order sorts by the LaTeX string; natural order by indices")
    func termOrder() throws {
        #expect(sympy.string(for: try k010 + k02) == "k_{0,10} + k_{02}")
        #expect(natural.string(for: try k010 + k02) == "k_{02} + k_{0,10}")
        #expect(sympy.string(for: try o00 * k02 + o01 * k010) == "O_{00} k_{02} + O_{01} k_{0,10}")
        #expect(sympy.string(for: try k010 * k02) == "k_{0,10} k_{02}")
        #expect(natural.string(for: try k010 * k02) == "k_{02} k_{0,10}")
    }

    @Test("signs, coefficients and fractions")
    func signsAndFractions() throws {
        #expect(sympy.string(for: try k010 + k02.scaled(by: q(2))) == "k_{0,10} + 2 k_{02}")
        #expect(sympy.string(for: try k02.scaled(by: q(1, 9))) == "\\frac{k_{02}}{9}")
        #expect(sympy.string(for: try k010 - k02) == "k_{0,10} - k_{02}")
        #expect(sympy.string(for: try -k010 - k02) == "- k_{0,10} - k_{02}")
        #expect(sympy.string(for: Expression(try q(1, 9))) == "\\frac{1}{9}")
        #expect(sympy.string(for: Expression(try q(-1, 9))) == "- \\frac{1}{9}")
        #expect(sympy.string(for: Expression(Rational(-3))) == "-3")
        // SymPy 1.14 prints each non-integer coefficient as one fraction per term.
        #expect(
            sympy.string(for: try k010.scaled(by: q(1, 9)) - k02.scaled(by: q(2, 9)))
                == "\\frac{k_{0,10}}{9} - \\frac{2 k_{02}}{9}")
        #expect(sympy.string(for: try k02 * k02) == "k_{02}^{2}")
        #expect(
            sympy.string(for: try (o00 * k02).scaled(by: q(2, 3))) == "\\frac{2 O_{00} k_{02}}{3}")
        #expect(sympy.string(for: .zero) == "0")
    }

    @Test("a superscripted base is parenthesised when raised to a power")
    func superscriptPower() throws {
        let k = Expression(Symbol("k", indices: [2, 2], superscript: [1, 0]))
        #expect(sympy.string(for: try k.power(2)) == "\\left(k^{(1,0)}_{22}\\right)^{2}")
    }

    @Test("SymPy keeps a positive constant before a single negative term")
    func constantFirstQuirk() throws {
        let x = Expression(Symbol("x"))
        #expect(sympy.string(for: try 1 - x) == "1 - x")
        #expect(natural.string(for: try 1 - x) == "- x + 1")
        #expect(sympy.string(for: try 1 - x * k02) == "- k_{02} x + 1")
        #expect(sympy.string(for: try x - 1) == "x - 1")
    }

    @Test("factors starting with a digit are separated by \\cdot")
    func numberSeparator() throws {
        let e = try Expression(Symbol("2a")).scaled(by: q(3))
        #expect(sympy.string(for: e) == "3 \\cdot 2a")
    }
}
