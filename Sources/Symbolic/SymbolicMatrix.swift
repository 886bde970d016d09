/// A matrix of polynomials that can be read one row at a time, as printers do.
///
/// Conform to this to print a huge matrix without materialising the ``Expression``s of all
/// rows at once: the matrix printers ask for one row's non-zero entries at a time (the plain
/// text printer asks twice per row: once to measure, once to write).
public protocol SparseRowSource {
    /// The number of rows, `≥ 0`.
    var rowCount: Int { get }
    /// The number of columns, `≥ 0`.
    var columnCount: Int { get }
    /// The non-zero entries of row `row` (`0 ≤ row < rowCount`) in strictly increasing
    /// column order, each column in `0..<columnCount`. Absent columns are zero. Printers
    /// skip entries violating these rules and zero values, and treat rows out of range as
    /// empty.
    func nonZeroEntries(inRow row: Int) -> [(column: Int, value: Expression)]
}

/// A row-sparse `rowCount × columnCount` matrix of polynomials: for every row, its non-zero
/// entries in increasing column order. Absent entries are zero.
public struct SymbolicMatrix: SparseRowSource, Hashable, Sendable {
    /// One stored non-zero entry of a row.
    public struct Entry: Hashable, Sendable {
        /// The column, in `0..<columnCount`.
        public let column: Int
        /// The value, never zero.
        public let value: Expression

        /// The entry `value` in column `column`.
        public init(column: Int, value: Expression) {
            self.column = column
            self.value = value
        }
    }

    /// The number of rows.
    public let rowCount: Int
    /// The number of columns.
    public let columnCount: Int
    /// For each row, its non-zero entries in strictly increasing column order.
    public let rows: [[Entry]]

    /// The zero matrix of the given size.
    /// - Throws: ``SymbolicError/invalidMatrix(_:)`` for a negative size.
    public init(rowCount: Int, columnCount: Int) throws {
        guard rowCount >= 0, columnCount >= 0 else {
            throw SymbolicError.invalidMatrix("negative size \(rowCount)×\(columnCount)")
        }
        self.rowCount = rowCount
        self.columnCount = columnCount
        rows = Array(repeating: [], count: rowCount)
    }

    /// The matrix with the given sparse rows; `rows.count` must equal `rowCount`. Zero
    /// values are dropped.
    /// - Throws: ``SymbolicError/invalidMatrix(_:)`` for a negative size, a wrong number of
    ///   rows, a column outside `0..<columnCount` or columns not strictly increasing.
    public init(
        rowCount: Int, columnCount: Int, rows: [[(column: Int, value: Expression)]]
    ) throws {
        guard rowCount >= 0, columnCount >= 0 else {
            throw SymbolicError.invalidMatrix("negative size \(rowCount)×\(columnCount)")
        }
        guard rows.count == rowCount else {
            throw SymbolicError.invalidMatrix("\(rows.count) rows given, \(rowCount) expected")
        }
        var stored: [[Entry]] = []
        stored.reserveCapacity(rowCount)
        for (index, row) in rows.enumerated() {
            var previous = -1
            var entries: [Entry] = []
            entries.reserveCapacity(row.count)
            for entry in row {
                guard entry.column > previous, entry.column < columnCount else {
                    throw SymbolicError.invalidMatrix(
                        "row \(index): column \(entry.column) out of range or out of order")
                }
                previous = entry.column
                if !entry.value.isZero {
                    entries.append(Entry(column: entry.column, value: entry.value))
                }
            }
            stored.append(entries)
        }
        self.rowCount = rowCount
        self.columnCount = columnCount
        self.rows = stored
    }

    /// The matrix with the given dense rows (`dense[row][column]`). The column count is the
    /// length of the rows; an empty array gives the 0×0 matrix.
    /// - Throws: ``SymbolicError/invalidMatrix(_:)`` when rows have different lengths.
    public init(_ dense: [[Expression]]) throws {
        let columns = dense.first?.count ?? 0
        try self.init(
            rowCount: dense.count, columnCount: columns,
            rows: try dense.enumerated().map { index, row in
                guard row.count == columns else {
                    throw SymbolicError.invalidMatrix(
                        "row \(index) has \(row.count) entries, \(columns) expected")
                }
                return row.enumerated().compactMap { column, value in
                    value.isZero ? nil : (column: column, value: value)
                }
            })
    }

    /// A copy of any sparse row source (materialises all rows).
    /// - Throws: ``SymbolicError/invalidMatrix(_:)`` if the source breaks its contract.
    public init(_ source: some SparseRowSource) throws {
        try self.init(
            rowCount: source.rowCount, columnCount: source.columnCount,
            rows: (0..<max(source.rowCount, 0)).map { source.nonZeroEntries(inRow: $0) })
    }

    /// The non-zero entries of `row`; empty for a row out of range.
    public func nonZeroEntries(inRow row: Int) -> [(column: Int, value: Expression)] {
        guard row >= 0, row < rowCount else { return [] }
        return rows[row].map { ($0.column, $0.value) }
    }

    /// The entry at (`row`, `column`), zero when absent or out of range (binary search).
    public subscript(row: Int, column: Int) -> Expression {
        guard row >= 0, row < rowCount else { return .zero }
        let entries = rows[row]
        var low = 0
        var high = entries.count
        while low < high {
            let middle = low + (high - low) / 2
            if entries[middle].column < column {
                low = middle + 1
            } else {
                high = middle
            }
        }
        return low < entries.count && entries[low].column == column ? entries[low].value : .zero
    }

    /// The dense form, `rowCount` arrays of `columnCount` entries (zeros filled in).
    public var dense: [[Expression]] {
        rows.map { entries in
            var row = Array(repeating: Expression.zero, count: columnCount)
            for entry in entries { row[entry.column] = entry.value }
            return row
        }
    }

    /// The transpose, `columnCount × rowCount`, entry (`c`, `r`) = entry (`r`, `c`).
    public func transposed() -> SymbolicMatrix {
        var columns: [[Entry]] = Array(repeating: [], count: columnCount)
        for (row, entries) in rows.enumerated() {
            for entry in entries {
                columns[entry.column].append(Entry(column: row, value: entry.value))
            }
        }
        return SymbolicMatrix(rowCount: columnCount, columnCount: rowCount, validRows: columns)
    }

    /// The `1 × n` matrix of `values` (a row vector), zeros dropped. Never fails: one row of
    /// any length is a valid matrix.
    public init(row values: [Expression]) {
        let entries = values.indices.compactMap { c in
            values[c].isZero ? nil : Entry(column: c, value: values[c])
        }
        self.init(rowCount: 1, columnCount: values.count, validRows: [entries])
    }

    /// Stores rows already known to be valid.
    private init(rowCount: Int, columnCount: Int, validRows: [[Entry]]) {
        self.rowCount = rowCount
        self.columnCount = columnCount
        rows = validRows
    }
}

extension SparseRowSource {
    /// The entries of `row` that respect the protocol's contract (columns strictly
    /// increasing and in range, values non-zero); used by printers so that a faulty source
    /// cannot make them trap.
    func validEntries(inRow row: Int) -> [(column: Int, value: Expression)] {
        var previous = -1
        var result: [(column: Int, value: Expression)] = []
        for entry in nonZeroEntries(inRow: row)
        where entry.column > previous && entry.column < columnCount && !entry.value.isZero {
            result.append(entry)
            previous = entry.column
        }
        return result
    }
}
