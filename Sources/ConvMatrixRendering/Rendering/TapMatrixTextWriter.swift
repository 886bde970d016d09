import ConvMatrixCore
import ConvMatrixSymbols
import Symbolic

/// Writes a ``ConvMatrixCore/TapMatrix`` as aligned plain text, byte for byte what ``Symbolic/MatrixPlainTextPrinter``
/// prints for the same matrix of expressions, at hundreds of megabytes per second.
///
/// Column widths come from one pass over the stored entries; each row is then assembled from a
/// precomputed row of centred zero cells, copying runs of zeros and writing each non-zero cell
/// centred in its column. Sums of taps go through the expression printer.
public struct TapMatrixTextWriter: Sendable {
    /// The printer whose output this writer reproduces.
    public let printer: MatrixPlainTextPrinter

    /// A writer in `printer`'s style.
    public init(printer: MatrixPlainTextPrinter) {
        self.printer = printer
    }

    /// Writes `symbolic`, whose taps print as its tap values; with `elision`, only its corners
    /// (see ``TextElision``).
    public func write(
        _ symbolic: SymbolicTapMatrix, elision: TextElision? = nil,
        to output: inout some TextOutputStream
    ) {
        let matrix = symbolic.taps
        let expressionPrinter = PlainTextPrinter(ascii: printer.ascii)
        let tapStrings = symbolic.tapValues.map { expressionPrinter.string(for: $0) }
        let tapText = tapStrings.map { Array($0.utf8) }
        let tapWidth = tapStrings.map(\.count)
        let rows = matrix.rowCount
        let columns = matrix.columnCount
        if rows == 0 {
            output.write("[]")
            return
        }
        // Cells of one row: the taps of one column, printed.
        func cells(ofRow r: Int) -> [(column: Int, text: [UInt8], width: Int)] {
            var result: [(Int, [UInt8], Int)] = []
            for entry in matrix.columnGroups(inRow: r) {
                if entry.isSingleTap {
                    let t = Int(matrix.taps[entry.positions.lowerBound])
                    result.append((entry.column, tapText[t], tapWidth[t]))
                } else {
                    let sum = symbolic.value(of: entry)
                    if !sum.isZero {
                        let text = expressionPrinter.string(for: sum)
                        result.append((entry.column, Array(text.utf8), text.count))
                    }
                }
            }
            return result
        }
        if let elision, elision.elides(rows: rows, columns: columns) {
            writeElided(
                rows: rows, columns: columns, edge: elision.edgeItems, cells: cells, to: &output)
            return
        }
        let zero = printer.zero
        var widths = [Int](repeating: zero.count, count: columns)
        for r in 0..<rows {
            for cell in cells(ofRow: r) {
                widths[cell.column] = max(widths[cell.column], cell.width)
            }
        }
        // The row of zero cells, each centred in its column, with the two-space separators.
        var zeros: [UInt8] = []
        var offset = [Int](repeating: 0, count: columns + 1)
        for c in 0..<columns {
            if c > 0 { zeros.append(contentsOf: [UInt8(ascii: " "), UInt8(ascii: " ")]) }
            let padding = widths[c] - zero.count
            zeros.append(contentsOf: repeatElement(UInt8(ascii: " "), count: padding / 2))
            zeros.append(contentsOf: zero.utf8)
            zeros.append(contentsOf: repeatElement(UInt8(ascii: " "), count: padding - padding / 2))
            offset[c + 1] = zeros.count
        }
        var buffer = ByteBuffer()
        for r in 0..<rows {
            if r > 0 { buffer.append("\n") }
            let (open, close) = printer.brackets(row: r, of: rows)
            buffer.append(open)
            var column = 0
            for cell in cells(ofRow: r) {
                if cell.column > column {
                    buffer.append(zeros[offset[column]..<offset[cell.column]])
                }
                if cell.column > 0 { buffer.append(spaces: 2) }
                let padding = widths[cell.column] - cell.width
                buffer.append(spaces: padding / 2)
                buffer.append(cell.text)
                buffer.append(spaces: padding - padding / 2)
                column = cell.column + 1
            }
            if column < columns { buffer.append(zeros[offset[column]..<offset[columns]]) }
            buffer.append(close)
            buffer.flushIfFull(to: &output)
        }
        buffer.flush(to: &output)
    }

    /// The corners of a large matrix (see ``TextElision/corners(rows:columns:printer:cell:)``).
    private func writeElided(
        rows: Int, columns: Int, edge: Int,
        cells: (Int) -> [(column: Int, text: [UInt8], width: Int)],
        to output: inout some TextOutputStream
    ) {
        let elision = TextElision(threshold: 0, edgeItems: edge)
        var rowCells: [Int: [Int: String]] = [:]
        let grid = elision.corners(rows: rows, columns: columns, printer: printer) { r, c in
            if rowCells[r] == nil {
                var byColumn: [Int: String] = [:]
                for cell in cells(r) {
                    byColumn[cell.column] = String(decoding: cell.text, as: UTF8.self)
                }
                rowCells[r] = byColumn
            }
            return rowCells[r]?[c]
        }
        TextElision.writeAligned(grid, printer: printer, to: &output)
    }
}

/// When the text of a matrix is cut to its corners, as NumPy and PyTorch print large arrays:
/// past ``threshold`` entries, only the first and last ``edgeItems`` rows and columns are shown
/// (NumPy's `threshold=1000, edgeitems=3`, PyTorch's defaults too). An axis no longer than
/// `2 · edgeItems` is shown whole.
public struct TextElision: Hashable, Sendable {
    /// Matrices with more entries than this are elided.
    public let threshold: Int
    /// Rows and columns kept at each end of an elided axis.
    public let edgeItems: Int

    /// NumPy's and PyTorch's defaults: 1000 entries, 3 items at each end.
    public static let numpy = TextElision(threshold: 1000, edgeItems: 3)

    /// An elision past `threshold` entries keeping `edgeItems` at each end (at least 1).
    public init(threshold: Int, edgeItems: Int) {
        self.threshold = threshold
        self.edgeItems = max(1, edgeItems)
    }

    /// Whether a `rows × columns` matrix is elided.
    public func elides(rows: Int, columns: Int) -> Bool {
        let (count, overflow) = rows.multipliedReportingOverflow(by: columns)
        return (overflow || count > threshold) && (rows > 2 * edgeItems || columns > 2 * edgeItems)
    }
}

extension TextElision {
    /// The indices shown of an axis of `count` positions: all of them, or the first and last
    /// ``edgeItems`` with the place of the gap (`edgeItems`) when the axis is longer than twice
    /// that.
    public func shown(_ count: Int) -> (indices: [Int], gap: Int?) {
        guard count > 2 * edgeItems else { return (Array(0..<count), nil) }
        return (Array(0..<edgeItems) + Array((count - edgeItems)..<count), edgeItems)
    }

    /// The corners of a `rows × columns` matrix as a grid of texts: the shown cells (`cell`
    /// returns nil for a zero), `⋯` in the gap column, `⋮` in the gap row, `⋱` where they cross
    /// (`...` in ASCII).
    public func corners(
        rows: Int, columns: Int, printer: MatrixPlainTextPrinter, cell: (Int, Int) -> String?
    ) -> [[String]] {
        let (shownRows, rowGap) = shown(rows)
        let (shownColumns, columnGap) = shown(columns)
        let dots = printer.ascii ? ("...", "...", "...") : ("⋯", "⋮", "⋱")
        var grid: [[String]] = shownRows.map { r in
            var line = shownColumns.map { c in cell(r, c) ?? printer.zero }
            if let columnGap { line.insert(dots.0, at: columnGap) }
            return line
        }
        if let rowGap {
            var gap = [String](repeating: dots.1, count: grid.first?.count ?? 0)
            if let columnGap { gap[columnGap] = dots.2 }
            grid.insert(gap, at: rowGap)
        }
        return grid
    }

    /// Writes `grid` in ``Symbolic/MatrixPlainTextPrinter``'s layout: cells centred in their columns, two
    /// spaces apart, bracket pieces per row; no newline after the last row.
    public static func writeAligned(
        _ grid: [[String]], printer: MatrixPlainTextPrinter, to output: inout some TextOutputStream
    ) {
        var widths: [Int] = []
        for line in grid {
            for (c, text) in line.enumerated() {
                if c == widths.count { widths.append(0) }
                widths[c] = max(widths[c], text.unicodeScalars.count)
            }
        }
        for (r, line) in grid.enumerated() {
            if r > 0 { output.write("\n") }
            let (open, close) = printer.brackets(row: r, of: grid.count)
            var text = open
            for (c, cell) in line.enumerated() {
                if c > 0 { text += "  " }
                let padding = widths[c] - cell.unicodeScalars.count
                text +=
                    String(repeating: " ", count: padding / 2) + cell
                    + String(repeating: " ", count: padding - padding / 2)
            }
            output.write(text + close)
        }
    }
}
