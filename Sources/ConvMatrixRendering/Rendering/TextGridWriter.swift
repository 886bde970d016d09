import ConvMatrixCore
import ConvMatrixNumeric
import ConvMatrixSymbols
import Symbolic

/// Writes grids whose cells are already plain text in the layout of ``MatrixPlainTextPrinter``
/// (aligned, centred columns, bracket pieces per row), one slice per 2-D cut of the tensor under
/// its label, as ``GridSlices`` cuts it — without building expressions.
public struct TextGridWriter: Sendable {
    /// The printer whose layout is reproduced.
    public let printer: MatrixPlainTextPrinter

    /// A writer in `printer`'s layout.
    public init(printer: MatrixPlainTextPrinter) { self.printer = printer }

    /// Writes `cells` (flattened channel first, then row-major over `extents`); a cell `"0"` is
    /// a zero and prints as the printer's zero. Each slice ends with a newline. With `elision`,
    /// a slice past its threshold shows its corners only.
    public func write(
        cells: [String], channels: Int, extents: Extents, elision: TextElision? = nil,
        to output: inout some TextOutputStream
    ) {
        let layout = GridSlices.layout(channels: channels, extents: extents)
        let (rows, columns) = (layout.rows, layout.columns)
        var buffer = ByteBuffer()
        for (index, label) in layout.labels.enumerated() {
            if !label.isEmpty { buffer.append(label + ":\n") }
            let base = index * rows * columns
            if let elision, elision.elides(rows: rows, columns: columns) {
                buffer.flush(to: &output)
                let grid = elision.corners(rows: rows, columns: columns, printer: printer) {
                    let text = cells[base + $0 * columns + $1]
                    return text == "0" ? nil : text
                }
                TextElision.writeAligned(grid, printer: printer, to: &output)
                output.write("\n")
                continue
            }
            let text = (0..<rows * columns).map {
                cells[base + $0] == "0" ? printer.zero : cells[base + $0]
            }
            // Display width of each cell. Its characters are single Unicode scalars (symbol
            // names are ASCII; subscripts, `·` and `−` are one scalar each), so counting scalars
            // equals the printer's `count` of characters — and avoids grapheme breaking, which
            // was 90% of the time on large grids.
            let cellWidths = text.map(\.unicodeScalars.count)
            var widths = [Int](repeating: printer.zero.count, count: columns)
            for (k, width) in cellWidths.enumerated() {
                widths[k % columns] = max(widths[k % columns], width)
            }
            if rows == 0 { buffer.append("[]") }
            for i in 0..<rows {
                if i > 0 { buffer.append("\n") }
                let (open, close) = printer.brackets(row: i, of: rows)
                buffer.append(open)
                for j in 0..<columns {
                    if j > 0 { buffer.append(spaces: 2) }
                    let cell = text[i * columns + j]
                    let padding = widths[j] - cellWidths[i * columns + j]
                    buffer.append(spaces: padding / 2)
                    buffer.append(cell)
                    buffer.append(spaces: padding - padding / 2)
                }
                buffer.append(close)
                buffer.flushIfFull(to: &output)
            }
            buffer.append("\n")
        }
        buffer.flush(to: &output)
    }
}
