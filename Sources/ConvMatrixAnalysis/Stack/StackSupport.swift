import ConvMatrixCore

/// For each output of a stack, the first and last input position it depends on, per axis:
/// the support of its row in the composed matrix `U_L ⋯ U_1`, found from the patterns alone
/// (a Boolean product, so it works for stacks too long for symbolic products).
///
/// Row `r` reaches input `c` when some path `c → j₁ → ⋯ → r` runs through stored entries;
/// for generic taps that is exactly the pattern of the composed matrix (a sum of distinct
/// monomials never cancels).
public struct StackSupport: Hashable, Sendable {
    /// Per output (flat, channel first): per axis `first...last` of the spatial input
    /// positions reached (over all channels), or nil when the output depends on no input.
    public let ranges: [[ClosedRange<Int>]?]

    /// The support of `matrices` (first layer first) whose input has spatial `extents`.
    ///
    /// - Throws: ``AnalysisError/composedTooLarge(_:)`` when the reached sets would exceed
    ///   `limits` (8 bytes a column).
    public init(matrices: [TapMatrix], inputExtents extents: Extents, limits: ResourceLimits)
        throws(AnalysisError)
    {
        // The marks and the first layer's rows, budgeted before they are built.
        let first = matrices[0]
        let words = first.columnCount.addingReportingOverflow(first.storedCount)
        guard !words.overflow, words.partialValue <= limits.maxMemoryBytes / 8 else {
            throw .composedTooLarge(.supportMemory(budget: limits.maxMemoryBytes))
        }
        // reached[r] = sorted distinct input columns of row r of the running product.
        var reached: [[Int32]] = (0..<matrices[0].rowCount).map { r in
            var row: [Int32] = []
            for i in matrices[0].rowStart[r]..<matrices[0].rowStart[r + 1]
            where row.last != matrices[0].columns[i] {
                row.append(matrices[0].columns[i])
            }
            return row
        }
        var budget = limits.maxMemoryBytes / 8
        var mark = [Bool](repeating: false, count: matrices[0].columnCount)
        for u in matrices.dropFirst() {
            var next: [[Int32]] = []
            next.reserveCapacity(u.rowCount)
            var used = 0
            for r in 0..<u.rowCount {
                var row: [Int32] = []
                var previous: Int32 = -1
                for i in u.rowStart[r]..<u.rowStart[r + 1] where u.columns[i] != previous {
                    previous = u.columns[i]
                    for c in reached[Int(previous)] where !mark[Int(c)] {
                        mark[Int(c)] = true
                        row.append(c)
                    }
                }
                for c in row { mark[Int(c)] = false }
                row.sort()
                used += row.count
                guard used <= budget else {
                    throw .composedTooLarge(.supportMemory(budget: limits.maxMemoryBytes))
                }
                next.append(row)
            }
            budget = limits.maxMemoryBytes / 8
            reached = next
        }
        let spatial = extents.count
        ranges = reached.map { row in
            guard !row.isEmpty else { return nil }
            var low = [Int](repeating: Int.max, count: extents.rank)
            var high = [Int](repeating: Int.min, count: extents.rank)
            for c in row {
                let q = extents.multiIndex(Int(c) % spatial)
                for t in q.indices {
                    low[t] = min(low[t], q[t])
                    high[t] = max(high[t], q[t])
                }
            }
            return (0..<extents.rank).map { low[$0]...high[$0] }
        }
    }
}
