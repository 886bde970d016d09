import ConvMatrixCore
import Symbolic

/// A ``TapMatrix`` read as a matrix of expressions: the entry at `(r, c)` is the sum of the
/// kernel symbols (or kernel values) of its taps.
///
/// Rows are produced on demand, so printers can stream matrices far larger than a dense array of
/// expressions would allow.
public struct SymbolicTapMatrix: SparseRowSource, Sendable {
    /// The taps.
    public let taps: TapMatrix
    /// The expression each tap stands for: a kernel symbol, or a number when the kernel is given.
    public let tapValues: [Expression]

    /// Reads `taps` with one symbol per tap.
    public init(_ taps: TapMatrix, kernel: [Symbol]) {
        self.taps = taps
        self.tapValues = kernel.map { Expression($0) }
    }

    /// Reads `taps` with one expression per tap (for example numbers for a fixed kernel).
    public init(_ taps: TapMatrix, tapValues: [Expression]) {
        self.taps = taps
        self.tapValues = tapValues
    }

    /// Rows of the matrix.
    public var rowCount: Int { taps.rowCount }
    /// Columns of the matrix.
    public var columnCount: Int { taps.columnCount }

    /// The non-zero entries of row `row`: consecutive taps of one column are summed.
    public func nonZeroEntries(inRow row: Int) -> [(column: Int, value: Expression)] {
        let start = taps.rowStart[row]
        let end = taps.rowStart[row + 1]
        var result: [(column: Int, value: Expression)] = []
        result.reserveCapacity(end - start)
        var i = start
        while i < end {
            let column = taps.columns[i]
            var j = i + 1
            while j < end && taps.columns[j] == column { j += 1 }
            let value: Expression
            if j == i + 1 {
                value = tapValues[Int(taps.taps[i])]
            } else {
                value =
                    (try? (i..<j).reduce(Expression.zero) { sum, k throws in
                        try sum + tapValues[Int(taps.taps[k])]
                    }) ?? Expression.zero
            }
            if !value.isZero { result.append((Int(column), value)) }
            i = j
        }
        return result
    }
}
