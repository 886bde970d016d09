import ConvMatrixCore
import ConvMatrixNumeric
import ConvMatrixSymbols
import Symbolic

/// Writes a ``TapMatrix`` as aligned plain text, byte for byte what ``MatrixPlainTextPrinter``
/// prints for the same matrix of expressions, at hundreds of megabytes per second.
///
/// Column widths come from one pass over the stored entries; each row is then assembled from a
/// precomputed row of centred zero cells, copying runs of zeros and writing each non-zero cell
/// centred in its column. Sums of taps go through the expression printer.
public struct TapMatrixTextWriter: Sendable {
    /// The printer whose output this writer reproduces.
    public let printer: MatrixPlainTextPrinter
    /// The expression each tap stands for.
    public let tapValues: [Expression]

    /// A writer printing `tapValues` for the taps, in `printer`'s style.
    public init(printer: MatrixPlainTextPrinter, tapValues: [Expression]) {
        self.printer = printer
        self.tapValues = tapValues
    }

    /// Writes `matrix`.
    public func write(_ matrix: TapMatrix, to output: inout some TextOutputStream) {
        let expressionPrinter = PlainTextPrinter(ascii: printer.ascii)
        let tapStrings = tapValues.map { expressionPrinter.string(for: $0) }
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
            var i = matrix.rowStart[r]
            let end = matrix.rowStart[r + 1]
            while i < end {
                var j = i + 1
                while j < end && matrix.columns[j] == matrix.columns[i] { j += 1 }
                if j == i + 1 {
                    let t = Int(matrix.taps[i])
                    result.append((Int(matrix.columns[i]), tapText[t], tapWidth[t]))
                } else {
                    let sum = TapMatrixLaTeXWriter.add(
                        (i..<j).map { tapValues[Int(matrix.taps[$0])] })
                    if !sum.isZero {
                        let text = expressionPrinter.string(for: sum)
                        result.append((Int(matrix.columns[i]), Array(text.utf8), text.count))
                    }
                }
                i = j
            }
            return result
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
}
