import Symbolic
import Testing

@Suite("PlainTextPrinter: one-line text in canonical order")
struct PlainTextPrinterTests {
    static func examples() throws -> [(Expression, String, String)] {
        let k00 = expr("k", 0, 0)
        let k02 = expr("k", 0, 2)
        let o00 = expr("O", 0, 0)
        let o01 = expr("O", 0, 1)
        let sup = Expression(Symbol("k", indices: [2, 2], superscript: [1, 0]))
        return [
            (k00, "k_00", "k₀₀"),
            (try o01 * k00 + o00 * k02, "O_00*k_02 + O_01*k_00", "O₀₀·k₀₂ + O₀₁·k₀₀"),
            (try k00.scaled(by: q(2)), "2*k_00", "2·k₀₀"),
            (try k02 - k00, "-k_00 + k_02", "−k₀₀ + k₀₂"),
            (try k00 - k02, "k_00 - k_02", "k₀₀ − k₀₂"),
            (try k00.scaled(by: q(1, 9)), "k_00/9", "k₀₀/9"),
            (try (o00 * k02).scaled(by: q(-2, 3)), "-2*O_00*k_02/3", "−2·O₀₀·k₀₂/3"),
            (try k00 * k00, "k_00^2", "k₀₀²"),
            (try sup.power(2), "(k^(1,0)_22)^2", "(k⁽¹,⁰⁾₂₂)²"),
            (Expression(try q(1, 9)), "1/9", "1/9"),
            (Expression(try q(-1, 9)), "-1/9", "−1/9"),
            (try expr("k", 0, 10) + k02, "k_02 + k_0,10", "k₀₂ + k₀,₁₀"),
            (try Expression(Symbol("x")) - 1, "x - 1", "x − 1"),
            (.zero, "0", "0"),
        ]
    }

    @Test("ASCII and Unicode renderings")
    func renderings() throws {
        for (expression, ascii, unicode) in try Self.examples() {
            #expect(PlainTextPrinter(ascii: true).string(for: expression) == ascii)
            #expect(PlainTextPrinter(ascii: false).string(for: expression) == unicode)
        }
    }

    @Test("ASCII output is 7-bit for random expressions")
    func asciiOnly() throws {
        var rng = SeededGenerator(seed: 7)
        for _ in 0..<200 {
            let e = try RandomExpressions.expression(&rng)
            let isASCII = PlainTextPrinter(ascii: true).string(for: e).allSatisfy { $0.isASCII }
            #expect(isASCII)
        }
    }
}
