/// Prints symbols and polynomials as one line of plain text for terminals, in the canonical
/// (natural) term order of ``Expression/terms``.
///
/// | | ASCII (`ascii: true`) | Unicode (`ascii: false`) |
/// |---|---|---|
/// | symbol | `k_00`, `k_0,10`, `k^(1,0)_22`, `k` | `k₀₀`, `k₀,₁₀`, `k⁽¹,⁰⁾₂₂`, `k` |
/// | negative index | `k_-1,0` | `k₋₁,₀` |
/// | product | `O_00*k_02`, `2*k_00` | `O₀₀·k₀₂`, `2·k₀₀` (U+00B7) |
/// | power | `k_00^2`, `(k^(1,0)_22)^2` | `k₀₀²`, `(k⁽¹,⁰⁾₂₂)²` |
/// | fraction | `k_00/9`, `2*O_00*k_02/3`, `1/9` | `k₀₀/9`, `2·O₀₀·k₀₂/3`, `1/9` |
/// | sum | `O_00*k_02 + O_01*k_00` | `O₀₀·k₀₂ + O₀₁·k₀₀` |
/// | minus | `-k_00 + k_02`, `x - 1` | `−k₀₀ + k₀₂`, `x − 1` (U+2212) |
///
/// Indices are concatenated unless one is negative or has two or more digits; then they are
/// separated by commas. A leading negative sign is attached to the first term without a
/// space; later negative terms are written ` - magnitude`. A non-integer coefficient `p/q`
/// is written as `p·monomial/q` (the `p·` omitted when `p = 1`). A power whose base already
/// has a superscript is parenthesised. Zero prints as `0`.
public struct PlainTextPrinter: ExpressionPrinter, Hashable, Sendable {
    /// `true` for 7-bit ASCII output, `false` for Unicode sub/superscripts, `·` and `−`.
    public var ascii: Bool

    /// A plain-text printer; Unicode unless `ascii` is `true`.
    public init(ascii: Bool = false) {
        self.ascii = ascii
    }

    /// The text for a minus sign: `-` or `−` (U+2212).
    private var minus: String { ascii ? "-" : "\u{2212}" }

    /// The text between the factors of a product: `*` or `·` (U+00B7).
    public var times: String { ascii ? "*" : "\u{00B7}" }

    /// The plain text of a symbol, e.g. `k_0,10` or `k₀,₁₀` (see the type's table).
    public func string(for symbol: Symbol) -> String {
        var text = symbol.name
        if !symbol.superscript.isEmpty {
            if ascii {
                text += "^(" + symbol.superscript.map(String.init).joined(separator: ",") + ")"
            } else {
                let parts = symbol.superscript.map { PrintingSupport.superscripted(String($0)) }
                text += "⁽" + parts.joined(separator: ",") + "⁾"
            }
        }
        if !symbol.indices.isEmpty {
            if ascii {
                text += "_" + PrintingSupport.indexList(symbol.indices, separator: ",")
            } else {
                text += PrintingSupport.indexList(
                    symbol.indices, separator: ",", transform: PrintingSupport.subscripted)
            }
        }
        return text
    }

    /// The plain text of a polynomial in canonical order, e.g. `O_00*k_02 + O_01*k_00`.
    public func string(for expression: Expression) -> String {
        if expression.isZero { return "0" }
        var text = ""
        for (position, term) in expression.terms.enumerated() {
            let negative = term.coefficient.isNegative
            if position == 0 {
                if negative { text += minus }
            } else {
                text += negative ? " \(minus) " : " + "
            }
            text += magnitudeString(term)
        }
        return text
    }

    /// `|coefficient| · monomial` as text.
    private func magnitudeString(_ term: Term) -> String {
        let numerator = term.coefficient.numerator.magnitude
        let denominator = term.coefficient.denominator
        let suffix = denominator == 1 ? "" : "/\(denominator)"
        if term.monomial.isOne { return "\(numerator)\(suffix)" }
        var parts: [String] = numerator == 1 ? [] : ["\(numerator)"]
        for factor in term.monomial.factors {
            var base = string(for: factor.symbol)
            if factor.exponent == 1 {
                parts.append(base)
                continue
            }
            if !factor.symbol.superscript.isEmpty { base = "(\(base))" }
            parts.append(
                ascii
                    ? "\(base)^\(factor.exponent)"
                    : base + PrintingSupport.superscripted(String(factor.exponent)))
        }
        return parts.joined(separator: times) + suffix
    }
}
