import ConvMatrixNumeric

/// A list of equations `left = t₁ + t₂ + …` written one per line and aligned at `=`, as the
/// numpy lab on a conv layer writes the forward pass (`y₁₁ = x₁₁·w₁₁ + x₁₂·w₁₂ + …`) and each
/// gradient entry (`∂E/∂w₁₁ = ∂E/∂y₁₁·x₁₁ + …`).
///
/// Terms are products of factors printed in the given order (no reordering by symbol name), so
/// a list keeps the course's order of factors. A factor `0` stands for an output that does not
/// reach the entry (shown only with ``DerivationOptions/showZeros``). Lists longer than
/// `maxRows` keep their first and last equations around a `⋮`; sums longer than `maxTerms`
/// keep their first two terms and last term around a `⋯`.
public struct EquationList: Hashable, Sendable {
    /// One equation.
    public struct Line: Hashable, Sendable {
        /// The left-hand side.
        public let left: MathText
        /// The terms of the right-hand side, each a product of factors.
        public let terms: [[MathText]]
    }

    /// The equations shown, `nil` standing for the elided middle.
    public let lines: [Line?]
    /// How many equations the full list has.
    public let total: Int
    /// The longest sum shown before its middle terms are elided.
    public let maxTerms: Int

    /// `lines` elided to at most `maxRows` equations and `maxTerms` terms each.
    public init(_ lines: [Line], maxRows: Int, maxTerms: Int) {
        total = lines.count
        self.maxTerms = maxTerms
        if lines.count <= maxRows {
            self.lines = lines
        } else {
            let head = (maxRows - 1) / 2 + (maxRows - 1) % 2
            let tail = maxRows - 1 - head
            self.lines = lines.prefix(head).map { $0 } + [nil] + lines.suffix(tail).map { $0 }
        }
    }

    /// Whether some equations are left out.
    public var isElided: Bool { lines.contains(nil) }

    /// Whether some sum is shortened.
    public var hasShortenedSums: Bool { lines.contains { ($0?.terms.count ?? 0) > maxTerms } }

    private func shown(_ terms: [[MathText]]) -> [[MathText]?] {
        guard terms.count > maxTerms else { return terms }
        return [terms[0], terms[1], nil, terms[terms.count - 1]]
    }

    /// `\begin{aligned} … \end{aligned}`, one equation a line.
    public var latex: String {
        var rows: [String] = []
        for line in lines {
            guard let line else {
                rows.append("&\\;\\vdots")
                continue
            }
            let sum =
                line.terms.isEmpty
                ? "0"
                : shown(line.terms).map { term in
                    term.map { $0.map(\.latex).joined(separator: " \\cdot ") } ?? "\\cdots"
                }.joined(separator: " + ")
            rows.append("\(line.left.latex) &= \(sum)")
        }
        return "\\begin{aligned}\n" + rows.joined(separator: " \\\\\n") + "\n\\end{aligned}"
    }

    /// Plain text, aligned at `=`.
    public func text(ascii: Bool) -> String {
        let dot = ascii ? "*" : "·"
        let width = lines.compactMap { $0?.left.text.unicodeScalars.count }.max() ?? 0
        return lines.map { line in
            guard let line else { return String(repeating: " ", count: width) + "   ⋮" }
            let pad = String(repeating: " ", count: width - line.left.text.unicodeScalars.count)
            let sum =
                line.terms.isEmpty
                ? "0"
                : shown(line.terms).map { term in
                    term.map { $0.map(\.text).joined(separator: dot) } ?? (ascii ? "..." : "⋯")
                }.joined(separator: " + ")
            return "\(pad)\(line.left.text) = \(sum)"
        }.joined(separator: "\n")
    }
}
