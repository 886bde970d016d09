import ConvMatrixCore
import Symbolic

/// Writes grids whose cells are already plain text in the layout of ``Symbolic/MatrixPlainTextPrinter``
/// (aligned, centred columns, bracket pieces per row), one grid per 2-D cut of a tensor under its
/// label, without building expressions.
///
/// With a ``TextElision``, a large stack is cut as NumPy prints a large array: once the stack holds
/// more than `threshold` cells, every axis longer than `2 · edgeItems` — the grids, their rows,
/// their columns — shows only its first and last `edgeItems`.
public struct TextGridWriter: Sendable {
    /// The printer whose layout is reproduced.
    public let printer: MatrixPlainTextPrinter

    /// A writer in `printer`'s layout.
    public init(printer: MatrixPlainTextPrinter) { self.printer = printer }

    /// What an elided stack left out.
    public struct Cut: Hashable, Sendable {
        /// The grids in the stack.
        public let grids: Int
        /// The grids shown: all of them, or the first and last `edgeItems`.
        public let shownGrids: Int
        /// The rows of each grid.
        public let rows: Int
        /// The columns of each grid.
        public let columns: Int
        /// Whether each shown grid shows only its corners.
        public let cornersOnly: Bool
    }

    /// Writes `cells` (flattened channel first, then row-major over `extents`), one grid per 2-D
    /// slice as ``GridSlices`` cuts the tensor, under its label; a cell `"0"` is a zero and prints
    /// as the printer's zero. Each grid ends with a newline. Returns what `elision` left out, or
    /// nil when everything was written.
    @discardableResult
    public func write(
        cells: [String], channels: Int, extents: Extents, elision: TextElision? = nil,
        to output: inout some TextOutputStream
    ) -> Cut? {
        let layout = GridSlices.layout(channels: channels, extents: extents)
        let size = layout.rows * layout.columns
        return write(
            stack: layout.labels, rows: layout.rows, columns: layout.columns, elision: elision,
            to: &output
        ) { grid, row, column in cells[grid * size + row * layout.columns + column] }
    }

    /// Writes a stack of `labels.count` grids of `rows × columns` cells, each under its label
    /// (`label:` on a line of its own; none when the label is empty) and ending with a newline;
    /// `separator` goes between grids. `cell(grid, row, column)` is a cell's text, `"0"` for a
    /// zero. With `elision`, a stack of more than `elision.threshold` cells is cut (see the type's
    /// note) and a `⋮` line (`...` in ASCII) stands for the grids left out. Returns what was left
    /// out, or nil when everything was written. Only the cells shown are asked for.
    @discardableResult
    public func write(
        stack labels: [String], rows: Int, columns: Int, elision: TextElision? = nil,
        separator: String = "", to output: inout some TextOutputStream,
        cell: (_ grid: Int, _ row: Int, _ column: Int) -> String
    ) -> Cut? {
        write(
            grids: labels.count, label: { labels[$0] }, rows: rows, columns: columns,
            elision: elision, separator: separator, to: &output, cell: cell)
    }

    /// Writes a stack of `grids` grids as ``write(stack:rows:columns:elision:separator:to:cell:)``
    /// does, `label(grid)` naming each: only the grids shown are named.
    @discardableResult
    public func write(
        grids: Int, label: (Int) -> String, rows: Int, columns: Int,
        elision: TextElision? = nil, separator: String = "", to output: inout some TextOutputStream,
        cell: (_ grid: Int, _ row: Int, _ column: Int) -> String
    ) -> Cut? {
        let cut = elision.flatMap { Self.cut(grids: grids, rows: rows, columns: columns, $0) }
        let (shown, gap) =
            cut.flatMap { _ in elision?.shown(grids) } ?? (Array(0..<grids), nil)
        var buffer = ByteBuffer()
        for (position, grid) in shown.enumerated() {
            if position > 0 { buffer.append(separator) }
            if position == gap { buffer.append((printer.ascii ? "..." : "⋮") + "\n" + separator) }
            let name = label(grid)
            if !name.isEmpty { buffer.append(name + ":\n") }
            if let cut, cut.cornersOnly, let elision {
                buffer.flush(to: &output)
                let corners = elision.corners(rows: rows, columns: columns, printer: printer) {
                    let text = cell(grid, $0, $1)
                    return text == "0" ? nil : text
                }
                TextElision.writeAligned(corners, printer: printer, to: &output)
                output.write("\n")
                continue
            }
            writeWhole(grid, rows: rows, columns: columns, cell: cell, to: &buffer, output: &output)
        }
        buffer.flush(to: &output)
        return cut
    }

    /// What `elision` leaves out of a stack of `grids` grids of `rows × columns` cells, or nil
    /// when the stack is written whole: NumPy's rule, on the stack's total number of cells.
    public static func cut(grids: Int, rows: Int, columns: Int, _ elision: TextElision) -> Cut? {
        let (perGrid, overflow1) = rows.multipliedReportingOverflow(by: columns)
        let (total, overflow2) = perGrid.multipliedReportingOverflow(by: grids)
        guard overflow1 || overflow2 || total > elision.threshold else { return nil }
        let long = 2 * elision.edgeItems
        let cut = Cut(
            grids: grids, shownGrids: grids > long ? long : grids, rows: rows, columns: columns,
            cornersOnly: rows > long || columns > long)
        return cut.shownGrids < grids || cut.cornersOnly ? cut : nil
    }

    /// The cells ``write(grids:label:rows:columns:elision:separator:to:cell:)`` asks for when
    /// `elision` cuts a stack of `grids` grids of `rows × columns` cells: flat indices
    /// `grid·rows·columns + row·columns + column`, increasing; nil when nothing is cut and every
    /// cell is shown. A command that computes its cells builds these and no others.
    public static func shownCells(grids: Int, rows: Int, columns: Int, _ elision: TextElision)
        -> [Int]?
    {
        guard let cut = cut(grids: grids, rows: rows, columns: columns, elision) else { return nil }
        let shownRows = cut.cornersOnly ? elision.shown(rows).indices : Array(0..<rows)
        let shownColumns = cut.cornersOnly ? elision.shown(columns).indices : Array(0..<columns)
        var cells: [Int] = []
        for grid in elision.shown(grids).indices {
            for row in shownRows {
                for column in shownColumns { cells.append((grid * rows + row) * columns + column) }
            }
        }
        return cells
    }

    /// One grid, every cell, aligned.
    private func writeWhole(
        _ grid: Int, rows: Int, columns: Int, cell: (Int, Int, Int) -> String,
        to buffer: inout ByteBuffer, output: inout some TextOutputStream
    ) {
        let text = (0..<rows * columns).map { k in
            let value = cell(grid, k / columns, k % columns)
            return value == "0" ? printer.zero : value
        }
        // Display width of each cell. Its characters are single Unicode scalars (symbol names
        // are ASCII; subscripts, `·` and `−` are one scalar each), so counting scalars equals the
        // printer's `count` of characters — and avoids grapheme breaking, which was 90% of the
        // time on large grids.
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
                let padding = widths[j] - cellWidths[i * columns + j]
                buffer.append(spaces: padding / 2)
                buffer.append(text[i * columns + j])
                buffer.append(spaces: padding - padding / 2)
            }
            buffer.append(close)
            buffer.flushIfFull(to: &output)
        }
        buffer.append("\n")
    }
}
