import ConvMatrixCore

/// A dense row-major matrix of `Double`s, for the SVD and the floating-point rank of layers
/// small enough to hold densely.
public struct DenseMatrix: Hashable, Sendable {
    /// Rows.
    public let rowCount: Int
    /// Columns.
    public let columnCount: Int
    /// `values[r·columnCount + c]`.
    public var values: [Double]

    /// A zero matrix.
    public init(rowCount: Int, columnCount: Int) {
        self.rowCount = rowCount
        self.columnCount = columnCount
        values = [Double](repeating: 0, count: rowCount * columnCount)
    }

    /// The evaluation of `matrix` at `tapValues` (each entry the sum of its taps' values).
    /// The caller checks the size first (``SingularValues/check(rows:columns:limit:)``).
    public init(_ matrix: TapMatrix, tapValues: [Double]) {
        self.init(rowCount: matrix.rowCount, columnCount: matrix.columnCount)
        for r in 0..<matrix.rowCount {
            for i in matrix.rowStart[r]..<matrix.rowStart[r + 1] {
                values[r * columnCount + Int(matrix.columns[i])] += tapValues[Int(matrix.taps[i])]
            }
        }
    }

    /// The entry at `(r, c)`.
    public subscript(r: Int, c: Int) -> Double {
        get { values[r * columnCount + c] }
        set { values[r * columnCount + c] = newValue }
    }

    /// The transpose.
    public var transposed: DenseMatrix {
        var t = DenseMatrix(rowCount: columnCount, columnCount: rowCount)
        for r in 0..<rowCount { for c in 0..<columnCount { t[c, r] = self[r, c] } }
        return t
    }
}
