/// A sparse matrix whose entries are sums of kernel taps: the structure of U without the symbols.
///
/// Row `r` holds entries `(column, tap)`; the value at `(r, c)` is `Σ k_t` over the entries of
/// row `r` with column `c` — one tap under zero padding, possibly several (a *sum* of taps)
/// under reflect, replicate or circular padding. A tap is the flat index of a kernel weight in
/// PyTorch's weight layout.
///
/// Storage is compressed sparse rows (CSR) with 32-bit columns and taps: 8 bytes per stored
/// entry plus at most 4 per row (``RowStarts``: none when every row holds as many entries), so
/// that layers of real networks fit in memory (ResNet-50's first convolution has about 118
/// million entries). Within a row, entries are sorted by
/// column, then tap — a canonical order, so two matrices are equal as symbolic matrices exactly
/// when they are equal as values of this type.
public struct TapMatrix: Hashable, Sendable {
    /// Number of rows.
    public let rowCount: Int
    /// Number of columns.
    public let columnCount: Int
    /// Number of distinct taps an entry may name (the kernel's weight count).
    public let tapCount: Int
    /// `rowStart[r] ..< rowStart[r + 1]` indexes row `r`'s entries; `rowCount + 1` values.
    public let rowStart: RowStarts
    /// The column of each entry.
    public let columns: [Int32]
    /// The tap of each entry.
    public let taps: [Int32]

    /// Creates a matrix from CSR arrays that already satisfy the invariants (sorted rows,
    /// in-range columns and taps).
    init(
        rowCount: Int, columnCount: Int, tapCount: Int, rowStart: RowStarts, columns: [Int32],
        taps: [Int32]
    ) {
        self.rowCount = rowCount
        self.columnCount = columnCount
        self.tapCount = tapCount
        self.rowStart = rowStart
        self.columns = columns
        self.taps = taps
    }

    /// Creates a matrix from CSR arrays with the row offsets as a plain array (stored as
    /// compactly as they allow).
    init(
        rowCount: Int, columnCount: Int, tapCount: Int, rowStart: [Int], columns: [Int32],
        taps: [Int32]
    ) {
        self.init(
            rowCount: rowCount, columnCount: columnCount, tapCount: tapCount,
            rowStart: RowStarts(rowStart), columns: columns, taps: taps)
    }

    /// Creates a matrix from `(row, column, tap)` triplets in any order; duplicates are kept
    /// (they add up).
    public init(
        rowCount: Int, columnCount: Int, tapCount: Int,
        triplets: [(row: Int, column: Int, tap: Int)]
    ) {
        var counts = [Int](repeating: 0, count: rowCount + 1)
        for t in triplets { counts[t.row + 1] += 1 }
        for r in 0..<rowCount { counts[r + 1] += counts[r] }
        var next = counts
        var columns = [Int32](repeating: 0, count: triplets.count)
        var taps = [Int32](repeating: 0, count: triplets.count)
        for t in triplets {
            columns[next[t.row]] = Int32(t.column)
            taps[next[t.row]] = Int32(t.tap)
            next[t.row] += 1
        }
        TapMatrix.sortRows(rowStart: counts, columns: &columns, taps: &taps)
        self.init(
            rowCount: rowCount, columnCount: columnCount, tapCount: tapCount, rowStart: counts,
            columns: columns, taps: taps)
    }

    /// Throws unless rows, columns and taps all fit the 32-bit indices of the storage (rows too:
    /// they become columns when the matrix is transposed).
    static func checkIndexRange(rows: Int, columns: Int, taps: Int, what: String)
        throws(SpecificationError)
    {
        let limit = Int(Int32.max)
        guard rows <= limit, columns <= limit, taps <= limit else {
            throw SpecificationError(
                .input,
                "\(what) would be \(rows)×\(columns) with \(taps) taps; at most \(limit) rows, columns and taps are supported"
            )
        }
    }

    /// Number of stored entries (a sum of two taps counts twice).
    public var storedCount: Int { columns.count }

    /// The entries of row `r` as `(column, tap)` pairs, in canonical order.
    public func entries(inRow r: Int) -> [(column: Int, tap: Int)] {
        (rowStart[r]..<rowStart[r + 1]).map { (Int(columns[$0]), Int(taps[$0])) }
    }

    /// The taps whose sum is the entry at `(row, column)`; empty for a zero entry.
    public func taps(row: Int, column: Int) -> [Int] {
        var low = rowStart[row]
        var high = rowStart[row + 1]
        let target = Int32(column)
        while low < high {
            let mid = (low + high) / 2
            if columns[mid] < target { low = mid + 1 } else { high = mid }
        }
        var result: [Int] = []
        while low < rowStart[row + 1] && columns[low] == target {
            result.append(Int(taps[low]))
            low += 1
        }
        return result
    }

    /// Sorts every row's entries by `(column, tap)`.
    static func sortRows(rowStart: [Int], columns: inout [Int32], taps: inout [Int32]) {
        for r in 0..<(rowStart.count - 1) {
            let range = rowStart[r]..<rowStart[r + 1]
            if range.count < 2 { continue }
            var sorted = true
            for i in range.dropFirst()
            where (columns[i - 1], taps[i - 1]) > (columns[i], taps[i]) {
                sorted = false
                break
            }
            if sorted { continue }
            let keyed = range.map { (UInt64(UInt32(columns[$0])) << 32) | UInt64(UInt32(taps[$0])) }
                .sorted()
            for (offset, key) in keyed.enumerated() {
                columns[range.lowerBound + offset] = Int32(truncatingIfNeeded: key >> 32)
                taps[range.lowerBound + offset] = Int32(truncatingIfNeeded: key & 0xFFFF_FFFF)
            }
        }
    }
}
