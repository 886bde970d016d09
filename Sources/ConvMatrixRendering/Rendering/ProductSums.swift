import ConvMatrixCore
import ConvMatrixNumeric
import Symbolic

/// The text of sums of two-symbol products — `O = X·U` (`Σ I·k`) and `C = O·T`
/// (`Σ O·k`) — exactly as ``Symbolic/LaTeXPrinter`` or ``Symbolic/PlainTextPrinter`` prints the same expressions,
/// several times faster.
///
/// Every entry is `Σ a_i·k_t` with coefficient 1. Ranking all symbols once in the printer's
/// order (SymPy's code-point order of the LaTeX text, or the natural ``Symbolic/Symbol`` order) turns
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

    /// Sums printed as ``Symbolic/LaTeXPrinter`` prints them.
    public init(latex: LaTeXPrinter) { printer = .latex(latex) }

    /// Sums printed as ``Symbolic/PlainTextPrinter`` prints them.
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
        // SymPy's order is the code-point order of the text, which is the byte order of its
        // UTF-8 (the property UTF-8 was designed with).
        let utf8 = texts.map { Array($0.utf8) }
        let order = symbols.indices.sorted { i, j in
            byText ? Self.precedes(utf8[i], utf8[j]) : symbols[i] < symbols[j]
        }
        var rank = [Int](repeating: 0, count: symbols.count)
        for (position, index) in order.enumerated() where position > 0 {
            let previous = order[position - 1]
            let same = byText ? utf8[previous] == utf8[index] : symbols[previous] == symbols[index]
            rank[index] = same ? rank[previous] : rank[previous] + 1
        }
        let startsWithDigit = texts.contains { $0.first?.isNumber == true }
        // The UTF-8 text of every rank (equal ranks print the same text), one after the other.
        var rankStart = [Int](repeating: 0, count: symbols.count + 1)
        var rankLength = [Int](repeating: 0, count: symbols.count)
        for index in symbols.indices { rankLength[rank[index]] = utf8[index].count }
        for r in 0..<symbols.count { rankStart[r + 1] = rankStart[r] + rankLength[r] }
        var rankBytes = [UInt8](repeating: 0, count: rankStart[symbols.count])
        for index in symbols.indices {
            let start = rankStart[rank[index]]
            rankBytes.replaceSubrange(start..<(start + utf8[index].count), with: utf8[index])
        }
        let separatorBytes = Array(separator.utf8)
        let plus = Array(" + ".utf8)
        // Ranks fit 32 bits: a product is then one key, (first rank, second rank), and sorting
        // keys sorts products in the printers' order without a comparison closure.
        let packed = symbols.count < 1 << 32
        var keys: [UInt64] = []
        return (0..<matrix.rowCount).map { r in
            let range = matrix.rowStart[r]..<matrix.rowStart[r + 1]
            if range.isEmpty { return "0" }
            if startsWithDigit || !packed {
                return generic(matrix.entries(inRow: r), left: left, kernel: kernel)
            }
            keys.removeAll(keepingCapacity: true)
            var length = (range.count - 1) * plus.count + range.count * separatorBytes.count
            for i in range {
                let ra = rank[Int(matrix.columns[i])]
                let rb = rank[left.count + Int(matrix.taps[i])]
                if ra == rb { return generic(matrix.entries(inRow: r), left: left, kernel: kernel) }
                keys.append(ra < rb ? UInt64(ra) << 32 | UInt64(rb) : UInt64(rb) << 32 | UInt64(ra))
                length += rankLength[ra] + rankLength[rb]
            }
            keys.sort()
            for k in keys.indices.dropFirst() where keys[k] == keys[k - 1] {
                // The same product twice (coefficient 2): the expression printer's job.
                return generic(matrix.entries(inRow: r), left: left, kernel: kernel)
            }
            // The row's text is `a·b + a·b + …`, its length known: written straight into the
            // string's storage.
            return String(unsafeUninitializedCapacity: length) { buffer in
                var at = 0
                func put(_ bytes: UnsafeBufferPointer<UInt8>) {
                    guard let source = bytes.baseAddress, let target = buffer.baseAddress else {
                        return
                    }
                    (target + at).initialize(from: source, count: bytes.count)
                    at += bytes.count
                }
                rankBytes.withUnsafeBufferPointer { text in
                    separatorBytes.withUnsafeBufferPointer { separator in
                        plus.withUnsafeBufferPointer { plus in
                            for (position, key) in keys.enumerated() {
                                if position > 0 { put(plus) }
                                let a = Int(key >> 32)
                                let b = Int(key & 0xFFFF_FFFF)
                                put(
                                    UnsafeBufferPointer(
                                        rebasing: text[rankStart[a]..<rankStart[a + 1]]))
                                put(separator)
                                put(
                                    UnsafeBufferPointer(
                                        rebasing: text[rankStart[b]..<rankStart[b + 1]]))
                            }
                        }
                    }
                }
                return at
            }
        }
    }

    /// Whether `a` comes before `b` in byte order (a proper prefix comes first).
    private static func precedes(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        a.withUnsafeBufferPointer { a in
            b.withUnsafeBufferPointer { b in
                for k in 0..<min(a.count, b.count) where a[k] != b[k] { return a[k] < b[k] }
                return a.count < b.count
            }
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
