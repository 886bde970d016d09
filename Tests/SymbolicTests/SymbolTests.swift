import Symbolic
import Testing

@Suite("Symbol: indexed variables in their natural order")
struct SymbolTests {
    @Test("is identified by name, superscript and indices")
    func identity() {
        #expect(Symbol("k", indices: [0, 2]) == sym("k", 0, 2))
        #expect(Symbol("k", indices: [0, 2]) != Symbol("k", indices: [2, 0]))
        #expect(Symbol("k", indices: [2, 2], superscript: [1, 0]) != sym("k", 2, 2))
        #expect(Symbol("k").indices.isEmpty)
        #expect(Symbol("k").superscript.isEmpty)
    }

    @Test("orders by name, then superscript, then indices numerically with prefixes first")
    func naturalOrder() {
        let ordered = [
            Symbol("I", indices: [4, 4]),
            Symbol("O", indices: [0, 0]),
            Symbol("k"),
            Symbol("k", indices: [0]),
            Symbol("k", indices: [0, 2]),
            Symbol("k", indices: [0, 10]),
            Symbol("k", indices: [2]),
            Symbol("k", indices: [0, 0], superscript: [0]),
            Symbol("k", indices: [0, 0], superscript: [1, 0]),
            Symbol("x"),
        ]
        #expect(ordered.shuffled().sorted() == ordered)
        #expect(Symbol("k", indices: [-1]) < Symbol("k", indices: [0]))
    }

    @Test(
        "prints in LaTeX with concatenated or comma-separated indices",
        arguments: [
            (Symbol("k", indices: [0, 0]), "k_{00}"),
            (Symbol("k", indices: [0, 10]), "k_{0,10}"),
            (Symbol("k", indices: [-1, 0]), "k_{-1,0}"),
            (Symbol("k"), "k"),
            (Symbol("dx"), "dx"),
            (Symbol("k", indices: [2, 2], superscript: [1, 0]), "k^{(1,0)}_{22}"),
            (Symbol("w", superscript: [3]), "w^{(3)}"),
            (Symbol("I", indices: [1, 2, 3]), "I_{123}"),
        ])
    func latex(symbol: Symbol, expected: String) {
        #expect(LaTeXPrinter().string(for: symbol) == expected)
        #expect(LaTeXPrinter(termOrder: .natural).string(for: symbol) == expected)
    }

    @Test(
        "prints as ASCII and Unicode plain text",
        arguments: [
            (Symbol("k", indices: [0, 0]), "k_00", "k₀₀"),
            (Symbol("k", indices: [0, 10]), "k_0,10", "k₀,₁₀"),
            (Symbol("k", indices: [-1, 0]), "k_-1,0", "k₋₁,₀"),
            (Symbol("k"), "k", "k"),
            (Symbol("k", indices: [2, 2], superscript: [1, 0]), "k^(1,0)_22", "k⁽¹,⁰⁾₂₂"),
        ])
    func plainText(symbol: Symbol, ascii: String, unicode: String) {
        #expect(PlainTextPrinter(ascii: true).string(for: symbol) == ascii)
        #expect(PlainTextPrinter(ascii: false).string(for: symbol) == unicode)
    }
}
