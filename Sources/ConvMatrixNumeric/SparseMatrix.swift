import ConvMatrixCore

/// A numeric sparse matrix in compressed sparse rows: a ``ConvMatrixCore/TapMatrix`` evaluated at kernel values.
///
/// Row `r` holds its structural entries `(column, value)` in increasing column order, each
/// column once (the taps of one entry already summed). A structural entry may hold the value
/// 0 (a zero weight, or taps that cancel); it is kept, so the pattern is U's.
public struct SparseMatrix<Scalar: NumericScalar>: Hashable, Sendable {
    /// Number of rows.
    public let rowCount: Int
    /// Number of columns.
    public let columnCount: Int
    /// `rowStart[r] ..< rowStart[r + 1]` indexes row `r`'s entries; `rowCount + 1` values.
    public let rowStart: [Int]
    /// The column of each entry.
    public let columns: [Int]
    /// The value of each entry.
    public let values: [Scalar]

    /// Number of structural entries.
    public var entryCount: Int { columns.count }

    /// The entries of row `r` in increasing column order.
    public func entries(inRow r: Int) -> [(column: Int, value: Scalar)] {
        (rowStart[r]..<rowStart[r + 1]).map { (columns[$0], values[$0]) }
    }

    /// `A·x`: `(A·x)[r] = Σ_c A[r, c]·x[c]`. `x` must have ``columnCount`` entries.
    public func product(_ x: [Scalar]) throws(NumericError) -> [Scalar] {
        try NumericShapes.check(vector: x, count: columnCount, what: "the vector")
        var y = [Scalar](repeating: .zero, count: rowCount)
        for r in 0..<rowCount {
            var total = Scalar.zero
            for i in rowStart[r]..<rowStart[r + 1] {
                total = try Scalar.sum(total, try Scalar.product(values[i], x[columns[i]]))
            }
            y[r] = total
        }
        return y
    }

    /// `Aᵀ·y`: `(Aᵀ·y)[c] = Σ_r A[r, c]·y[r]`, without forming `Aᵀ`. `y` must have ``rowCount``
    /// entries.
    public func transposedProduct(_ y: [Scalar]) throws(NumericError) -> [Scalar] {
        try NumericShapes.check(vector: y, count: rowCount, what: "the vector")
        var x = [Scalar](repeating: .zero, count: columnCount)
        for r in 0..<rowCount {
            for i in rowStart[r]..<rowStart[r + 1] {
                x[columns[i]] = try Scalar.sum(x[columns[i]], try Scalar.product(values[i], y[r]))
            }
        }
        return x
    }

    /// The dense rows, zeros filled in; for tests and small matrices.
    public var dense: [[Scalar]] {
        (0..<rowCount).map { r in
            var row = [Scalar](repeating: .zero, count: columnCount)
            for i in rowStart[r]..<rowStart[r + 1] { row[columns[i]] = values[i] }
            return row
        }
    }
}
