/// Prints symbols and polynomials as LaTeX math, byte for byte as SymPy 1.14's `latex()`
/// would when each ``Symbol`` is a SymPy `Symbol` whose name is its LaTeX text.
///
/// **Symbols.** `name`, then `^{(s₁,s₂,…)}` for a superscript, then `_{…}` for indices:
/// `k_{00}`, `k^{(1,0)}_{22}`, `k` (no indices), `dx`. Indices are concatenated unless some
/// index is negative or has two or more digits; then they are comma separated: `k_{0,10}`,
/// `k_{-1,0}`. The name is used verbatim (SymPy would translate bare names such as `alpha`
/// to `\alpha` or `x2` to `x_{2}`; such names are outside what this printer reproduces).
///
/// **Sums** (SymPy's `_print_Add`): terms in ``TermOrder`` order joined by ` + `; a later
/// term with a negative coefficient is printed as ` - ` followed by its magnitude. A negative
/// first term starts with `- ` (with a space: `- k_{0,10} - k_{02}`), except a negative
/// integer constant, which prints as `-3`. In ``TermOrder/sympy`` order one SymPy quirk is
/// reproduced: a sum of exactly a positive constant and a single negative `c·x^n` puts the
/// constant first (`1 - x`, `\frac{1}{2} - \frac{x}{3}`), whereas `- x y + 1` keeps lex order.
///
/// **Products** (SymPy's `_print_Mul`): the positive integer coefficient (omitted when 1)
/// and the factors are joined by a space (`2 O_{00} k_{02}`), or by ` \cdot ` between a
/// factor ending in a digit and one starting with a digit. A power is `base^{n}`, with the
/// base wrapped in `\left(…\right)` when it already contains `^` (`\left(k^{(1,0)}_{22}
/// \right)^{2}`). A non-integer coefficient `p/q` makes the whole term one fraction:
/// `\frac{k_{02}}{9}`, `\frac{2 O_{00} k_{02}}{3}`, `\frac{k_{0,10}^{2}}{9}`; a constant is
/// `\frac{1}{9}`. Zero prints as `0`.
///
/// Note: SymPy 1.14 prints `k_{0,10}/9 - 2 k_{02}/9` as `\frac{k_{0,10}}{9} - \frac{2
/// k_{02}}{9}`; the `\frac{1}{9} k_{0,10}` form only appears with a `long_frac_ratio`
/// setting, which this printer does not emulate.
public struct LaTeXPrinter: ExpressionPrinter, Hashable, Sendable {
    /// How the terms of a sum and the factors of a product are ordered.
    public enum TermOrder: Hashable, Sendable {
        /// SymPy's order: symbols compared by their LaTeX text as strings (code points), so
        /// `k_{0,10}` precedes `k_{02}` (`,` < `2`). The default, for SymPy compatibility.
        case sympy
        /// The natural ``Symbol`` order (indices compared numerically), i.e. the order of
        /// ``Expression/terms``: `k_{02} + k_{0,10}`.
        case natural
    }

    /// The order used for terms and factors.
    public var termOrder: TermOrder

    /// A LaTeX printer with the given term order (SymPy's by default).
    public init(termOrder: TermOrder = .sympy) {
        self.termOrder = termOrder
    }

    /// The LaTeX of a symbol, e.g. `k_{02}`, `k_{0,10}`, `k^{(1,0)}_{22}`, `k`.
    public func string(for symbol: Symbol) -> String {
        // Appends in place: this runs for every factor of every printed term.
        var text = symbol.name
        if !symbol.superscript.isEmpty {
            text += "^{("
            for (position, value) in symbol.superscript.enumerated() {
                if position > 0 { text += "," }
                text += String(value)
            }
            text += ")}"
        }
        if !symbol.indices.isEmpty {
            text += "_{"
            let separated = Symbol.needsIndexSeparator(symbol.indices)
            for (position, value) in symbol.indices.enumerated() {
                if position > 0 && separated { text += "," }
                text += String(value)
            }
            text += "}"
        }
        return text
    }

    /// One term prepared for printing: sign, magnitude of the coefficient, factors as
    /// `(LaTeX of the symbol, exponent)` in printing order.
    private struct PreparedTerm {
        var negative: Bool
        var numerator: UInt
        var denominator: Int
        var factors: [(String, Int)]
    }

    /// The LaTeX of a polynomial following SymPy's conventions (see the type's documentation).
    public func string(for expression: Expression) -> String {
        if expression.isZero { return "0" }
        var prepared = expression.terms.map { term in
            var factors = term.monomial.factors.map { (string(for: $0.symbol), $0.exponent) }
            if termOrder == .sympy {
                factors.sort { PrintingSupport.codePointLess($0.0, $1.0) }
            }
            return PreparedTerm(
                negative: term.coefficient.isNegative,
                numerator: term.coefficient.numerator.magnitude,
                denominator: term.coefficient.denominator, factors: factors)
        }
        if termOrder == .sympy {
            prepared.sort {
                Monomial.precedes($0.factors, $1.factors, by: PrintingSupport.codePointLess)
            }
            // SymPy's as_ordered_terms special case: `c - a·x` with c > 0 keeps c first.
            if prepared.count == 2, prepared[1].factors.isEmpty, !prepared[1].negative,
                prepared[0].negative, prepared[0].factors.count == 1
            {
                prepared.swapAt(0, 1)
            }
        }
        var text = ""
        for (position, term) in prepared.enumerated() {
            if position == 0 {
                if term.negative {
                    let isInteger = term.factors.isEmpty && term.denominator == 1
                    text += isInteger ? "-" : "- "
                }
            } else {
                text += term.negative ? " - " : " + "
            }
            text += magnitudeString(term)
        }
        return text
    }

    /// The LaTeX of `|coefficient| · monomial` (SymPy's `_print_Mul` without the sign).
    private func magnitudeString(_ term: PreparedTerm) -> String {
        if term.factors.isEmpty {
            return term.denominator == 1
                ? "\(term.numerator)" : "\\frac{\(term.numerator)}{\(term.denominator)}"
        }
        var text = term.denominator == 1 ? "" : "\\frac{"
        var previous = ""
        if term.numerator != 1 {
            previous = "\(term.numerator)"
            text += previous
        }
        for (base, exponent) in term.factors {
            let part: String
            if exponent == 1 {
                part = base
            } else if base.contains("^") {
                part = "\\left(\(base)\\right)^{\(exponent)}"
            } else {
                part = "\(base)^{\(exponent)}"
            }
            if !previous.isEmpty {
                // SymPy's `_between_two_numbers_p`: ` \cdot ` between a factor ending in a digit
                // and one starting with a digit, a space otherwise. startsWithNumber is the
                // cheap test and usually false, so it goes first.
                text += startsWithNumber(part) && endsWithNumber(previous) ? " \\cdot " : " "
            }
            text += part
            previous = part
        }
        if term.denominator != 1 { text += "}{\(term.denominator)}" }
        return text
    }

    /// `[0-9][} ]*$` matches.
    private func endsWithNumber(_ text: String) -> Bool {
        let trimmed = text.reversed().drop { $0 == "}" || $0 == " " }
        return trimmed.first.map { $0.isASCII && $0.isNumber } ?? false
    }

    /// `(\d|\\frac{\d+}{\d+})` matches at the start.
    private func startsWithNumber(_ text: String) -> Bool {
        if let first = text.first, first.isASCII, first.isNumber { return true }
        guard text.hasPrefix("\\frac{") else { return false }
        let rest = text.dropFirst(6)
        let digits = rest.prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty, rest.dropFirst(digits.count).hasPrefix("}{") else { return false }
        let second = rest.dropFirst(digits.count + 2)
        let moreDigits = second.prefix { $0.isASCII && $0.isNumber }
        return !moreDigits.isEmpty && second.dropFirst(moreDigits.count).hasPrefix("}")
    }
}
