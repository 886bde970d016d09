/// Prints a matrix of polynomials as aligned plain text for a terminal.
///
/// Every column is as wide as its widest entry (measured in Swift `Character`s) and each
/// entry is centred in it, an odd leftover space going to the right; columns are separated
/// by two spaces. Rows are separated by `\n`, with no trailing newline. Brackets:
///
/// ```
/// Unicode           ASCII
/// ⎡k₀₀   0 ⎤        [k_00   0  ]
/// ⎢k₀₁  k₀₀⎥        [k_01  k_00]
/// ⎣ 0   k₀₁⎦        [ 0    k_01]
/// ```
///
/// A single row uses `[` and `]` in both modes. Zero entries print as ``zero`` (`0` by
/// default: `·` is avoided because the Unicode printer uses it for products). Entries are
/// printed with a ``PlainTextPrinter`` of the same `ascii` mode. A matrix without rows
/// prints as `[]`.
public struct MatrixPlainTextPrinter: Hashable, Sendable {
    /// `true` for 7-bit ASCII output (entries and brackets), `false` for Unicode.
    public var ascii: Bool
    /// The text printed for a zero entry.
    public var zero: String

    /// A matrix printer; Unicode unless `ascii` is `true`; zeros printed as `zero`.
    public init(ascii: Bool = false, zero: String = "0") {
        self.ascii = ascii
        self.zero = zero
    }

    /// Writes `matrix` to `output`. Reads each row twice (once to measure the columns, once
    /// to write) so that only one row's entries are held at a time.
    public func write(_ matrix: some SparseRowSource, to output: inout some TextOutputStream) {
        let printer = PlainTextPrinter(ascii: ascii)
        let rowCount = max(matrix.rowCount, 0)
        let columnCount = max(matrix.columnCount, 0)
        if rowCount == 0 {
            output.write("[]")
            return
        }
        var widths = Array(repeating: zero.count, count: columnCount)
        for row in 0..<rowCount {
            for entry in matrix.validEntries(inRow: row) {
                widths[entry.column] = max(
                    widths[entry.column], printer.string(for: entry.value).count)
            }
        }
        for row in 0..<rowCount {
            if row > 0 { output.write("\n") }
            let (open, close) = brackets(row: row, of: rowCount)
            var cells = Array(repeating: zero, count: columnCount)
            for entry in matrix.validEntries(inRow: row) {
                cells[entry.column] = printer.string(for: entry.value)
            }
            output.write(open)
            for (column, cell) in cells.enumerated() {
                if column > 0 { output.write("  ") }
                let padding = widths[column] - cell.count
                output.write(String(repeating: " ", count: padding / 2))
                output.write(cell)
                output.write(String(repeating: " ", count: padding - padding / 2))
            }
            output.write(close)
        }
    }

    /// The text of `matrix` as a string (see ``write(_:to:)``).
    public func string(for matrix: some SparseRowSource) -> String {
        var text = ""
        write(matrix, to: &text)
        return text
    }

    /// The left and right bracket pieces of row `row` of a matrix with `count` rows, for
    /// writers that stream cells themselves.
    public func brackets(row: Int, of count: Int) -> (open: String, close: String) {
        if ascii || count == 1 { return ("[", "]") }
        if row == 0 { return ("⎡", "⎤") }
        if row == count - 1 { return ("⎣", "⎦") }
        return ("⎢", "⎥")
    }
}
