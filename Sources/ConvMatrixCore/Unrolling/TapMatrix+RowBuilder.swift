extension TapMatrix {
    /// A tap matrix built one row at a time, in compressed rows: the entries of a row are
    /// appended in any order, ``endRow()`` closes it, and ``matrix(columnCount:tapCount:)`` sorts
    /// every row by `(column, tap)` (the canonical order) and returns the matrix.
    ///
    /// The chosen rows of U (``Convolution/unrolledRows(_:limits:)``) and of `Uᵀ`
    /// (``Convolution/unrolledColumns(_:limits:)``) are built this way.
    struct RowBuilder {
        private var rowStart = [0]
        private var columns: [Int32] = []
        private var taps: [Int32] = []

        /// An empty builder with room for the offsets of `rows` rows.
        init(reservingRows rows: Int) { rowStart.reserveCapacity(rows + 1) }

        /// Appends the entry `(column, tap)` to the open row. Both fit `Int32`: the caller has
        /// checked the matrix's index range (``TapMatrix/checkIndexRange(rows:columns:taps:what:)``).
        @inline(__always)
        mutating func append(column: Int, tap: Int) {
            columns.append(Int32(truncatingIfNeeded: column))
            taps.append(Int32(truncatingIfNeeded: tap))
        }

        /// Closes the open row; the next entries go to the next row.
        mutating func endRow() { rowStart.append(columns.count) }

        /// The matrix of the closed rows, each sorted by `(column, tap)`.
        consuming func matrix(columnCount: Int, tapCount: Int) -> TapMatrix {
            let rowStart = rowStart
            var columns = columns
            var taps = taps
            TapMatrix.sortRows(rowStart: rowStart, columns: &columns, taps: &taps)
            return TapMatrix(
                rowCount: rowStart.count - 1, columnCount: columnCount, tapCount: tapCount,
                rowStart: rowStart, columns: columns, taps: taps)
        }
    }
}
