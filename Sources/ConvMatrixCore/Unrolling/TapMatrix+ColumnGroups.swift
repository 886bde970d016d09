extension TapMatrix {
    /// One entry of a row: its column and the storage positions whose taps add up to it
    /// (`taps[positions]`; one position for a single tap, several for a sum of taps under
    /// reflect, replicate or circular padding).
    public struct ColumnGroup: Hashable, Sendable {
        /// The column of the entry.
        public let column: Int
        /// The positions in ``TapMatrix/columns`` and ``TapMatrix/taps`` of its taps.
        public let positions: Range<Int>

        /// Whether the entry is a single tap (not a sum).
        @inlinable public var isSingleTap: Bool { positions.count == 1 }

        @inlinable init(column: Int, positions: Range<Int>) {
            self.column = column
            self.positions = positions
        }
    }

    /// The entries of one row, in column order, each with the taps that add up to it: the one
    /// walk every reader of a row (evaluation, exports, printers, checks) shares.
    ///
    /// Rows are sorted by column, then tap, so the taps of one column are consecutive; the
    /// iterator yields one group per run of equal columns.
    public struct ColumnGroups: Sequence, IteratorProtocol, Sendable {
        @usableFromInline let columns: [Int32]
        @usableFromInline var position: Int
        @usableFromInline let end: Int

        @inlinable init(columns: [Int32], range: Range<Int>) {
            self.columns = columns
            self.position = range.lowerBound
            self.end = range.upperBound
        }

        /// The next entry of the row, or nil after the last.
        @inlinable public mutating func next() -> ColumnGroup? {
            guard position < end else { return nil }
            let start = position
            let column = columns[start]
            position += 1
            while position < end && columns[position] == column { position += 1 }
            return ColumnGroup(column: Int(column), positions: start..<position)
        }
    }

    /// The entries of row `r` grouped by column (see ``ColumnGroups``).
    @inlinable public func columnGroups(inRow r: Int) -> ColumnGroups {
        ColumnGroups(columns: columns, range: rowStart[r]..<rowStart[r + 1])
    }
}
