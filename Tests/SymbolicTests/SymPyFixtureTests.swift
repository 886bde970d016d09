import Foundation
import Symbolic
import Testing

/// Agreement with `tools/sympy_printing_fixtures.py` (SymPy 1.14's `latex()`).
@Suite("SymPy fixtures")
struct SymPyFixtureTests {
    struct Fixture: Decodable {
        struct RawTerm: Decodable {
            let coefficient: [Int]
            let factors: [RawFactor]
        }

        struct RawFactor: Decodable {
            let name: String
            let indices: [Int]
            let superscript: [Int]
            let exponent: Int
        }

        let description: String
        let terms: [RawTerm]
        let latex: String

        func expression() throws -> Symbolic.Expression {
            try Symbolic.Expression(
                terms: terms.map { raw in
                    Term(
                        coefficient: try Rational(raw.coefficient[0], raw.coefficient[1]),
                        monomial: try Monomial(
                            powers: raw.factors.map {
                                (
                                    Symbol(
                                        $0.name, indices: $0.indices, superscript: $0.superscript),
                                    $0.exponent
                                )
                            }))
                })
        }
    }

    static func fixtures() throws -> [Fixture] {
        let url = try #require(
            Bundle.module.url(
                forResource: "sympy_latex", withExtension: "json", subdirectory: "Fixtures"))
        return try JSONDecoder().decode([Fixture].self, from: Data(contentsOf: url))
    }

    @Test("there are a few hundred fixtures")
    func count() throws {
        #expect(try Self.fixtures().count >= 300)
    }

    @Test("LaTeXPrinter matches SymPy byte for byte on every fixture")
    func agreement() throws {
        let printer = LaTeXPrinter()
        for fixture in try Self.fixtures() {
            let printed = printer.string(for: try fixture.expression())
            #expect(printed == fixture.latex, "for \(fixture.description)")
        }
    }
}
