extension TapMatrix {
    /// The transpose: entry `(c, r)` of the result is entry `(r, c)` of this matrix.
    ///
    /// A counting sort by column, `O(rows + columns + entries)`. It keeps the canonical order:
    /// rows of the result list their columns (the old rows) in increasing order, and the taps of
    /// one entry stay in the increasing order they had.
    public func transposed() -> TapMatrix {
        var start = [Int](repeating: 0, count: columnCount + 1)
        for c in columns { start[Int(c) + 1] += 1 }
        for c in 0..<columnCount { start[c + 1] += start[c] }
        var next = start
        var newColumns = [Int32](repeating: 0, count: storedCount)
        var newTaps = [Int32](repeating: 0, count: storedCount)
        for r in 0..<rowCount {
            for i in rowStart[r]..<rowStart[r + 1] {
                let c = Int(columns[i])
                newColumns[next[c]] = Int32(r)
                newTaps[next[c]] = taps[i]
                next[c] += 1
            }
        }
        return TapMatrix(
            rowCount: columnCount, columnCount: rowCount, tapCount: tapCount, rowStart: start,
            columns: newColumns, taps: newTaps)
    }

    /// The first difference between this matrix and `other` in row-major order, or `nil` when
    /// they are equal: the shapes, or the first `(row, column)` whose sums of taps differ.
    public func firstDifference(from other: TapMatrix) -> TapMatrixDifference? {
        if rowCount != other.rowCount || columnCount != other.columnCount {
            return .shape(self: (rowCount, columnCount), other: (other.rowCount, other.columnCount))
        }
        for r in 0..<rowCount {
            let mine = entries(inRow: r)
            let theirs = other.entries(inRow: r)
            if mine.elementsEqual(theirs, by: { $0 == $1 }) { continue }
            let columns = Set(mine.map { $0.column }).union(theirs.map { $0.column }).sorted()
            for c in columns {
                let a = mine.filter { $0.column == c }.map { $0.tap }
                let b = theirs.filter { $0.column == c }.map { $0.tap }
                if a != b { return .entry(row: r, column: c, self: a, other: b) }
            }
        }
        return nil
    }
}

/// Where two tap matrices first differ.
public enum TapMatrixDifference: Equatable, Sendable {
    /// Different numbers of rows or columns: `(rows, columns)` of each.
    case shape(self: (Int, Int), other: (Int, Int))
    /// The entry at `(row, column)` is the sum of `self` taps in one and of `other` in the other.
    case entry(row: Int, column: Int, self: [Int], other: [Int])

    /// Equal when both name the same shapes, or the same entry with the same taps (tuples are
    /// not `Equatable`, so the comparison is written out).
    public static func == (lhs: TapMatrixDifference, rhs: TapMatrixDifference) -> Bool {
        switch (lhs, rhs) {
        case (.shape(let a, let b), .shape(let c, let d)):
            return a == c && b == d
        case (.entry(let r1, let c1, let s1, let o1), .entry(let r2, let c2, let s2, let o2)):
            return r1 == r2 && c1 == c2 && s1 == s2 && o1 == o2
        default:
            return false
        }
    }
}
