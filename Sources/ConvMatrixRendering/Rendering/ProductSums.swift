import ConvMatrixCore
import ConvMatrixNumeric
import ConvMatrixSymbols
import Symbolic

/// The text of sums of two-symbol products — `O = X·U` (`Σ I·k`) and `C = O·T`
/// (`Σ O·k`) — exactly as ``LaTeXPrinter`` or ``PlainTextPrinter`` prints the same expressions,
/// several times faster.
///
/// Every entry is `Σ a_i·k_t` with coefficient 1. Ranking all symbols once in the printer's
/// order (SymPy's code-point order of the LaTeX text, or the natural ``Symbol`` order) turns
/// each product into a pair of integers; a sum is printed by sorting pairs lexicographically,
/// which is how both printers order monomials of two distinct degree-1 factors (smaller first
/// factor first, then smaller second factor). Entries outside that shape — a repeated product
/// (coefficient 2, from reflect padding) or a symbol shared by both sides — are printed by the
/// expression printer itself.
public struct ProductSums: Sendable {
    private enum Printer: Sendable {
        case latex(LaTeXPrinter)
        case plain(PlainTextPrinter)
    }

    private let printer: Printer

    /// Sums printed as ``LaTeXPrinter`` prints them.
    public init(latex: LaTeXPrinter) { printer = .latex(latex) }

    /// Sums printed as ``PlainTextPrinter`` prints them.
    public init(plain: PlainTextPrinter) { printer = .plain(plain) }

    /// For each row of `matrix`, the text of `Σ left[c]·kernel[t]` over its entries `(c, t)`.
    public func strings(rowsOf matrix: TapMatrix, left: [Symbol], kernel: [Symbol]) -> [String] {
        let symbols = left + kernel
        let texts: [String]
        let byText: Bool
        let separator: String
        switch printer {
        case .latex(let latex):
            texts = symbols.map { latex.string(for: $0) }
            byText = latex.termOrder == .sympy
            // `\cdot` goes between factors that end and start with digits; names start with
            // letters, so a space always separates two symbols.
            separator = " "
        case .plain(let plain):
            texts = symbols.map { plain.string(for: $0) }
            byText = false
            separator = plain.times
        }
        // The rank of every symbol in the printer's order; equal symbols share a rank.
        let order = symbols.indices.sorted { i, j in
            byText
                ? texts[i].utf8.lexicographicallyPrecedes(texts[j].utf8) : symbols[i] < symbols[j]
        }
        var rank = [Int](repeating: 0, count: symbols.count)
        for (position, index) in order.enumerated() where position > 0 {
            let previous = order[position - 1]
            let same =
                byText ? texts[previous] == texts[index] : symbols[previous] == symbols[index]
            rank[index] = same ? rank[previous] : rank[previous] + 1
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
                text += separator
                text += texts[pair.3]
            }
            return text
        }
    }

    private func generic(_ entries: [(column: Int, tap: Int)], left: [Symbol], kernel: [Symbol])
        -> String
    {
        let sum = Expression.sum(entries.map { Monomial([left[$0.column], kernel[$0.tap]]) })
        switch printer {
        case .latex(let latex): return latex.string(for: sum)
        case .plain(let plain): return plain.string(for: sum)
        }
    }
}
