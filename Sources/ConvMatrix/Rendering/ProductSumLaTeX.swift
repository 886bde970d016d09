import Symbolic

/// The LaTeX of sums of two-symbol products — seed 004's `O = X·U` (`Σ I·k`) and `C = O·T`
/// (`Σ O·k`) — exactly as ``LaTeXPrinter`` prints the same expressions, several times faster.
///
/// Every entry is `Σ a_i·k_t` with coefficient 1. Ranking all symbols once in the printer's
/// order (SymPy's code-point order of the LaTeX text, or the natural ``Symbol`` order) turns
/// each product into a pair of integers; a sum is printed by sorting pairs lexicographically,
/// which is how ``LaTeXPrinter`` orders monomials of two distinct degree-1 factors (smaller
/// first factor first, then smaller second factor). Entries outside that shape — a repeated
/// product (coefficient 2, from reflect padding) or a symbol shared by both sides — are
/// printed by ``LaTeXPrinter`` itself.
public struct ProductSumLaTeX: Sendable {
    /// The printer whose output is reproduced.
    public let printer: LaTeXPrinter

    /// A writer reproducing `printer`.
    public init(printer: LaTeXPrinter) { self.printer = printer }

    /// For each row of `matrix`, the LaTeX of `Σ left[c]·kernel[t]` over its entries `(c, t)`.
    public func strings(rowsOf matrix: TapMatrix, left: [Symbol], kernel: [Symbol]) -> [String] {
        let symbols = left + kernel
        let texts = symbols.map { printer.string(for: $0) }
        // The rank of every symbol in the printer's order; equal symbols share a rank.
        let order = symbols.indices.sorted { i, j in
            printer.termOrder == .sympy
                ? texts[i].utf8.lexicographicallyPrecedes(texts[j].utf8) : symbols[i] < symbols[j]
        }
        var rank = [Int](repeating: 0, count: symbols.count)
        for (position, index) in order.enumerated() {
            if position > 0 {
                let previous = order[position - 1]
                let same =
                    printer.termOrder == .sympy
                    ? texts[previous] == texts[index] : symbols[previous] == symbols[index]
                rank[index] = same ? rank[previous] : rank[previous] + 1
            }
        }
        let startsWithDigit = texts.contains { $0.first?.isNumber == true }
        return (0..<matrix.rowCount).map { r in
            let entries = matrix.entries(inRow: r)
            if entries.isEmpty { return "0" }
            // (first rank, second rank, first index, second index)
            var pairs: [(Int, Int, Int, Int)] = []
            pairs.reserveCapacity(entries.count)
            for entry in entries {
                let a = entry.column
                let b = left.count + entry.tap
                if rank[a] == rank[b] || startsWithDigit {
                    return generic(entries, left: left, kernel: kernel)
                }
                pairs.append(
                    rank[a] < rank[b] ? (rank[a], rank[b], a, b) : (rank[b], rank[a], b, a))
            }
            pairs.sort { ($0.0, $0.1) < ($1.0, $1.1) }
            for i in pairs.indices.dropFirst()
            where pairs[i].0 == pairs[i - 1].0 && pairs[i].1 == pairs[i - 1].1 {
                return generic(entries, left: left, kernel: kernel)
            }
            var text = ""
            for (position, pair) in pairs.enumerated() {
                if position > 0 { text += " + " }
                text += texts[pair.2]
                text += " "
                text += texts[pair.3]
            }
            return text
        }
    }

    private func generic(_ entries: [(column: Int, tap: Int)], left: [Symbol], kernel: [Symbol])
        -> String
    {
        printer.string(
            for: Expression.sum(entries.map { Monomial([left[$0.column], kernel[$0.tap]]) }))
    }
}
