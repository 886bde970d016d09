import ConvMatrix

/// A tensor of expressions as a stack of equally shaped 2-D grids, each under a label, with the
/// cells made on demand: a writer that shows only some grids (elided text) builds only those.
struct ExpressionGrids {
    /// The number of grids.
    let count: Int
    /// Rows and columns of each grid.
    let rows: Int
    let columns: Int
    /// The label of grid `k` (`channel 1`, `O₀₁`, or empty).
    let label: (Int) -> String
    /// The cell at (grid, row, column).
    let cell: (Int, Int, Int) -> Expression
    /// What the grids are, for a note on elided text ("grids", "placements").
    var noun = "grids"
    /// Whether LaTeX writes a list of matrices (SymPy's list) even for a single grid.
    var alwaysList = false
    /// Whether text puts a blank line between grids.
    var spaced = false
    /// How text shortens long sums (none: every term is printed).
    var sums: SumElision?
    /// The cell at (grid, row, column) whole or by its ends, for text that shortens long sums
    /// (``sums``): a long sum is then never built whole.
    var sumCell: ((Int, Int, Int) -> ProductSum)?

    /// The grids of `values` (flattened channel first, then row-major over `extents`), cut as
    /// ``GridSlices`` cuts them.
    init(_ values: [Expression], channels: Int, extents: Extents) {
        let layout = GridSlices.layout(channels: channels, extents: extents)
        let size = layout.rows * layout.columns
        self.init(
            count: layout.labels.count, rows: layout.rows, columns: layout.columns,
            label: { layout.labels[$0] },
            cell: { grid, row, column in values[grid * size + row * layout.columns + column] })
    }

    /// Grids with cells made by `cell`.
    init(
        count: Int, rows: Int, columns: Int, label: @escaping (Int) -> String,
        cell: @escaping (Int, Int, Int) -> Expression
    ) {
        self.count = count
        self.rows = rows
        self.columns = columns
        self.label = label
        self.cell = cell
    }

    /// Grid `k` as a matrix.
    func matrix(_ k: Int) -> SymbolicMatrix {
        let dense = (0..<rows).map { r in (0..<columns).map { c in cell(k, r, c) } }
        // Equal-length rows always form a valid matrix.
        return (try? SymbolicMatrix(dense)) ?? SymbolicMatrix(row: [])
    }
}
