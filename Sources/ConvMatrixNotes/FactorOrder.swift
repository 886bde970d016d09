import ConvMatrixSymbols
import Symbolic

/// The order of the factors in a printed product, as a course writes it: the gradient first,
/// then the input, then the weight — `x₁₁·w₁₁`, `∂E/∂y₁₁·x₁₁` (δ₁₁·x₁₁), `δ₁₁·w₁₂` — whatever
/// the letters' alphabetical order (the canonical ``Symbolic/Monomial`` sorts `w` before `x`).
///
/// `ranking` lists symbol names, earliest first; names not listed keep their canonical order
/// after the listed ones. Terms keep the expression's order; only factors move.
public struct FactorOrder: Hashable, Sendable {
    /// Symbol names in printing order.
    public let ranking: [String]

    /// An order that prints symbols named `ranking[0]` first, then `ranking[1]`, …
    public init(ranking: [String]) { self.ranking = ranking }

    /// The gradient, then the input and output letters, then the kernel's: `δ`, `I`, `O`, `k`.
    public static func inputFirst(names: SymbolNames, gradientName: String) -> FactorOrder {
        FactorOrder(ranking: [gradientName, names.input, names.output, names.kernel])
    }

    private func rank(_ symbol: Symbol) -> Int {
        ranking.firstIndex(of: symbol.name) ?? ranking.count
    }

    /// `e` printed term by term with `symbol` for each symbol and `join` between factors;
    /// `fraction` prints a coefficient `n/d`.
    func string(
        _ e: Expression, symbol: (Symbol) -> String, join: String, minus: String,
        fraction: (UInt, Int) -> String
    ) -> String {
        if e.isZero { return "0" }
        var text = ""
        for (position, term) in e.terms.enumerated() {
            let negative = term.coefficient.isNegative
            if position == 0 {
                if negative { text += minus }
            } else {
                text += negative ? " \(minus) " : " + "
            }
            let factors = term.monomial.factors.enumerated().sorted {
                (rank($0.element.symbol), $0.offset) < (rank($1.element.symbol), $1.offset)
            }.map { factor -> String in
                let base = symbol(factor.element.symbol)
                return factor.element.exponent == 1 ? base : "\(base)^{\(factor.element.exponent)}"
            }
            let numerator = term.coefficient.numerator.magnitude
            let denominator = term.coefficient.denominator
            var parts: [String] = []
            if numerator != 1 || denominator != 1 || factors.isEmpty {
                parts.append(fraction(numerator, denominator))
            }
            text += (parts + factors).joined(separator: join)
        }
        return text
    }

    /// LaTeX, factors joined by a space as ``Symbolic/LaTeXPrinter`` joins them.
    public func latex(_ e: Expression) -> String {
        let printer = LaTeXPrinter(termOrder: .natural)
        return string(
            e, symbol: printer.string(for:), join: " ", minus: "-",
            fraction: { n, d in d == 1 ? "\(n)" : "\\frac{\(n)}{\(d)}" })
    }

    /// Plain text, factors joined by `·` (or `*`).
    public func text(_ e: Expression, ascii: Bool) -> String {
        let printer = PlainTextPrinter(ascii: ascii)
        return string(
            e, symbol: printer.string(for:), join: ascii ? "*" : "·", minus: ascii ? "-" : "−",
            fraction: { n, d in d == 1 ? "\(n)" : "\(n)/\(d)" })
    }
}
