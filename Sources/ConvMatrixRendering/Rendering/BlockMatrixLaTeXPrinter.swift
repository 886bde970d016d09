import Symbolic

/// LaTeX for a matrix made of channel blocks: an `array` with a vertical rule between column
/// blocks and `\hline` between row blocks, inside brackets or parentheses.
///
/// A convolution with `C` input and `M` output channels has a U made of `M × C` blocks (one per
/// pair of channels, zero across groups); the rules make that structure visible. The `array`
/// environment also has no column limit, unlike amsmath's `bmatrix` (10 columns unless
/// `MaxMatrixCols` is raised), and KaTeX accepts it.
public struct BlockMatrixLaTeXPrinter: Sendable {
    /// The delimiters: `[`/`]` (bmatrix-like) or `(`/`)` (pmatrix-like).
    public enum Delimiters: Sendable {
        /// Square brackets.
        case brackets
        /// Parentheses.
        case parentheses
    }

    /// Rows per row block.
    public let rowBlock: Int
    /// Columns per column block.
    public let columnBlock: Int
    /// The delimiters.
    public let delimiters: Delimiters
    /// The entry printer.
    public let expressionPrinter: LaTeXPrinter

    /// A printer for blocks of `rowBlock × columnBlock` entries.
    public init(
        rowBlock: Int, columnBlock: Int, delimiters: Delimiters, expressionPrinter: LaTeXPrinter
    ) {
        self.rowBlock = max(rowBlock, 1)
        self.columnBlock = max(columnBlock, 1)
        self.delimiters = delimiters
        self.expressionPrinter = expressionPrinter
    }

    /// Writes `matrix`.
    public func write(_ matrix: some SparseRowSource, to output: inout some TextOutputStream) {
        let (open, close) =
            delimiters == .brackets ? ("\\left[", "\\right]") : ("\\left(", "\\right)")
        var columns = ""
        for c in 0..<matrix.columnCount {
            if c > 0 && c % columnBlock == 0 { columns += "|" }
            columns += "c"
        }
        // One matrix row per line, so that TeX can read a large matrix.
        output.write("\(open)\\begin{array}{\(columns)}\n")
        for r in 0..<matrix.rowCount {
            if r > 0 { output.write(r % rowBlock == 0 ? "\\\\ \\hline\n" : "\\\\\n") }
            var cells = [String](repeating: "0", count: matrix.columnCount)
            for entry in matrix.nonZeroEntries(inRow: r) where entry.column < cells.count {
                cells[entry.column] = expressionPrinter.string(for: entry.value)
            }
            output.write(cells.joined(separator: " & "))
        }
        output.write("\n\\end{array}\(close)")
    }
}
