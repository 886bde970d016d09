import ConvMatrixNumeric
import ConvMatrixSymbols
import Symbolic

/// A matrix cut down to what a page can show: past `maxRows × maxColumns` the middle rows and
/// columns are replaced by one row of `⋮` and one column of `⋯`, meeting in a `⋱`.
///
/// With `R` rows and a limit `r ≥ 3`, the rows kept are the first `⌈(r − 1)/2⌉` and the last
/// `⌊(r − 1)/2⌋`, with one elision row between them, so exactly `r` rows are shown; columns
/// likewise. A matrix within its limits is kept whole. ``rowCount`` and ``columnCount`` keep the
/// true size, which every document states next to the matrix.
public struct ElidedMatrix: Sendable {
    /// One shown cell.
    public enum Cell: Hashable, Sendable {
        /// A non-zero entry.
        case value(Expression)
        /// A non-zero entry too long to show whole, known by its first two terms and its last
        /// (``ConvMatrixSymbols/SumEnds``): it is always printed shortened.
        case sum(SumEnds)
        /// A zero entry.
        case zero
        /// Stands for the elided columns of a kept row (`\cdots`, `⋯`).
        case horizontalDots
        /// Stands for the elided rows of a kept column (`\vdots`, `⋮`).
        case verticalDots
        /// Where the elided rows and columns cross (`\ddots`, `⋱`).
        case diagonalDots
    }

    /// The true number of rows.
    public let rowCount: Int
    /// The true number of columns.
    public let columnCount: Int
    /// The shown rows, top to bottom; each has the same number of cells.
    public let cells: [[Cell]]
    /// Entries with more terms than this print their first two terms, `⋯` and the last one.
    public let maxTerms: Int
    /// The order of factors in printed products (``FactorOrder``), or `nil` for the
    /// canonical order of ``Symbolic/Monomial``.
    public var factorOrder: FactorOrder?

    /// Whether rows or columns were left out.
    public var isElided: Bool {
        cells.count < rowCount || (cells.first?.count ?? 0) < columnCount
    }

    /// Whether some shown entry has more than ``maxTerms`` terms.
    public var hasShortenedEntries: Bool {
        cells.joined().contains { $0.termCount > maxTerms }
    }

    /// Cuts `matrix` to at most `maxRows × maxColumns` shown cells (limits below 3 count as 3);
    /// entries longer than `maxTerms` terms (at least 3) are shortened when printed.
    public init(
        _ matrix: some SparseRowSource, maxRows: Int, maxColumns: Int, maxTerms: Int = .max
    ) {
        self.maxTerms = max(maxTerms, 3)
        rowCount = max(matrix.rowCount, 0)
        columnCount = max(matrix.columnCount, 0)
        let rows = ElidedMatrix.kept(rowCount, limit: maxRows)
        let columns = ElidedMatrix.kept(columnCount, limit: maxColumns)
        var shown: [[Cell]] = []
        for row in rows {
            guard let row else {
                shown.append(columns.map { $0 == nil ? .diagonalDots : .verticalDots })
                continue
            }
            var values: [Int: Expression] = [:]
            for entry in matrix.nonZeroEntries(inRow: row) where entry.column < columnCount {
                values[entry.column] = entry.value
            }
            shown.append(
                columns.map { column in
                    guard let column else { return .horizontalDots }
                    return values[column].map { $0.isZero ? .zero : .value($0) } ?? .zero
                })
        }
        cells = shown
    }

    /// Cuts a `rowCount × columnCount` matrix whose shown entries are made by `cell(row,
    /// column)` (``Cell/value(_:)``, ``Cell/sum(_:)`` or ``Cell/zero``), as
    /// ``init(_:maxRows:maxColumns:maxTerms:)`` cuts a whole one: only the shown entries are
    /// asked for, so a matrix of millions of rows costs what a page shows.
    public init(
        rowCount: Int, columnCount: Int, maxRows: Int, maxColumns: Int, maxTerms: Int = .max,
        cell: (Int, Int) -> Cell
    ) {
        self.maxTerms = max(maxTerms, 3)
        self.rowCount = max(rowCount, 0)
        self.columnCount = max(columnCount, 0)
        let columns = ElidedMatrix.kept(self.columnCount, limit: maxColumns)
        cells = ElidedMatrix.kept(self.rowCount, limit: maxRows).map { row in
            columns.map { column in
                guard let row else { return column == nil ? .diagonalDots : .verticalDots }
                guard let column else { return .horizontalDots }
                let value = cell(row, column)
                if case .value(let e) = value, e.isZero { return .zero }
                return value
            }
        }
    }

    /// The indices kept out of `count`, with `nil` where the elision goes.
    public static func kept(_ count: Int, limit: Int) -> [Int?] {
        let limit = max(limit, 3)
        guard count > limit else { return Array(0..<count) }
        let head = limit / 2
        let tail = limit - 1 - head
        return Array(0..<head) + [nil] + Array((count - tail)..<count)
    }
}

extension ElidedMatrix.Cell {
    /// The number of terms of an entry (0 for zeros and dots).
    public var termCount: Int {
        switch self {
        case .value(let e): e.terms.count
        case .sum(let ends): ends.termCount
        default: 0
        }
    }

    /// The entry `sum` as a cell: whole, or by its ends.
    public init(_ sum: ProductSum) {
        switch sum {
        case .whole(let e): self = e.isZero ? .zero : .value(e)
        case .ends(let ends): self = .sum(ends)
        }
    }
}
