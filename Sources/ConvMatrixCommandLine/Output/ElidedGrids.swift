import ConvMatrix

/// The grids of elided text computed cell by cell: only the cells that NumPy-style elision
/// shows (``TextGridWriter/shownCells(grids:rows:columns:_:)``) are asked of the library, so
/// that a layer with millions of outputs prints its corners without building its matrix.
struct ElidedGrids {
    /// The grids' layout: rows and columns of each, and their labels.
    let layout: (rows: Int, columns: Int, labels: [String])
    /// The flat indices (channel first, then row-major) of the cells shown.
    let cells: [Int]

    /// The cells `elision` shows of a `(channels, extents…)` tensor, or nil when text shows
    /// every cell (then the caller prints as before).
    init?(channels: Int, extents: Extents, elision: TextElision?) {
        let layout = GridSlices.layout(channels: channels, extents: extents)
        guard let elision,
            let cells = TextGridWriter.shownCells(
                grids: layout.labels.count, rows: layout.rows, columns: layout.columns, elision)
        else { return nil }
        self.layout = layout
        self.cells = cells
    }

    /// Grids whose shown cells are `values` (one per entry of ``cells``, in order).
    func grids(_ values: [Expression]) -> ExpressionGrids {
        let byCell = Dictionary(zip(cells, values), uniquingKeysWith: { first, _ in first })
        let size = layout.rows * layout.columns
        let columns = layout.columns
        let labels = layout.labels
        return ExpressionGrids(
            count: labels.count, rows: layout.rows, columns: columns, label: { labels[$0] },
            cell: { grid, row, column in byCell[grid * size + row * columns + column] ?? .zero })
    }
}
