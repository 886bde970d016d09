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
        /// The terms of the right-hand side, each a product of factors: all of them, or — when
        /// ``termCount`` is larger — the first two and the last, which is all a shortened sum
        /// prints.
        public let terms: [[MathText]]
        /// How many terms the right-hand side has.
        public let termCount: Int

        /// The equation `left = Σ terms`.
        public init(left: MathText, terms: [[MathText]]) {
            self.init(left: left, terms: terms, termCount: terms.count)
        }

        /// The equation `left = Σ` of `termCount` terms, of which `terms` are the first two and
        /// the last (or all, when there are as many).
        public init(left: MathText, terms: [[MathText]], termCount: Int) {
            self.left = left
            self.terms = terms
            self.termCount = max(termCount, terms.count)
        }
    }

    /// The equations shown, `nil` standing for the elided middle.
    public let lines: [Line?]
    /// How many equations the full list has.
    public let total: Int
    /// The longest sum shown before its middle terms are elided.
    public let maxTerms: Int

    /// `lines` elided to at most `maxRows` equations and `maxTerms` terms each.
    public init(_ lines: [Line], maxRows: Int, maxTerms: Int) {
        self.init(total: lines.count, maxRows: maxRows, maxTerms: maxTerms) { lines[$0] }
    }

    /// A list of `total` equations elided to at most `maxRows` of them and `maxTerms` terms
    /// each, where `line(k)` makes equation `k` and is asked only for the equations shown
    /// (``shown(_:maxRows:)``): ResNet-50's first layer has 802,816 outputs.
    public init(total: Int, maxRows: Int, maxTerms: Int, line: (Int) -> Line) {
        self.total = max(total, 0)
        self.maxTerms = maxTerms
        if total <= maxRows {
            lines = (0..<max(total, 0)).map(line)
        } else {
            let shown = EquationList.shown(total, maxRows: maxRows)
            let head = (maxRows - 1) / 2 + (maxRows - 1) % 2
            lines = shown.prefix(head).map(line) + [nil] + shown.dropFirst(head).map(line)
        }
    }

    /// The equations of `total` that a list of at most `maxRows` shows: all, or the first
    /// `⌈(maxRows − 1)/2⌉` and the last `⌊(maxRows − 1)/2⌋` around a `⋮`.
    public static func shown(_ total: Int, maxRows: Int) -> [Int] {
        guard total > maxRows else { return Array(0..<max(total, 0)) }
        let head = (maxRows - 1) / 2 + (maxRows - 1) % 2
        let tail = maxRows - 1 - head
        return Array(0..<head) + Array((total - tail)..<total)
    }

    /// How many equations are left out (stand at the `⋮`).
    public var leftOut: Int { total - lines.count + (isElided ? 1 : 0) }

    /// Whether some equations are left out.
    public var isElided: Bool { lines.contains(nil) }

    /// Whether some sum is shortened.
    public var hasShortenedSums: Bool { lines.contains { ($0?.termCount ?? 0) > maxTerms } }

    private func shown(_ line: Line) -> [[MathText]?] {
        let terms = line.terms
        guard line.termCount > maxTerms, terms.count >= 3 else { return terms }
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
                : shown(line).map { term in
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
                : shown(line).map { term in
                    term.map { $0.map(\.text).joined(separator: dot) } ?? (ascii ? "..." : "⋯")
                }.joined(separator: " + ")
            return "\(pad)\(line.left.text) = \(sum)"
        }.joined(separator: "\n")
    }
}
