import ConvMatrixCore
import ConvMatrixNumeric
import ConvMatrixSymbols
import Symbolic

/// Writes a ``TapMatrix`` as LaTeX, byte for byte what ``MatrixLaTeXPrinter`` prints for the
/// same matrix of expressions, at hundreds of megabytes per second.
///
/// The generic printer builds an ``Expression`` for every non-zero entry and a string for every
/// cell. This writer prints each tap's LaTeX once, and copies runs of zero cells from a
/// precomputed row of zeros (`0 & 0 & …`): a row of U costs a few copies however wide it is.
/// Entries that are sums of taps (reflect, replicate or circular padding) go through the
/// expression printer, so the output stays identical; their values were added, and checked,
/// when the ``SymbolicTapMatrix`` was made.
public struct TapMatrixLaTeXWriter: Sendable {
    /// The printer whose output this writer reproduces.
    public let printer: MatrixLaTeXPrinter

    /// A writer in `printer`'s style.
    public init(printer: MatrixLaTeXPrinter) {
        self.printer = printer
    }

    /// Writes `symbolic`, whose taps print as its tap values.
    public func write(_ symbolic: SymbolicTapMatrix, to output: inout some TextOutputStream) {
        let matrix = symbolic.taps
        let tapText = symbolic.tapValues.map {
            Array(printer.expressionPrinter.string(for: $0).utf8)
        }
        let columns = matrix.columnCount
        // zeros[offset[c] ..< offset[d]] is the text of zero cells c ..< d (c > 0: " & 0").
        var zeros: [UInt8] = []
        zeros.reserveCapacity(4 * columns)
        var offset = [Int](repeating: 0, count: columns + 1)
        for c in 0..<columns {
            zeros.append(contentsOf: c == 0 ? Array("0".utf8) : Array(" & 0".utf8))
            offset[c + 1] = zeros.count
        }
        let separator = Array(" & ".utf8)
        let rowBreak = Array("\\\\".utf8)
        let (open, close) = printer.delimiters(columnCount: columns)
        var buffer = ByteBuffer()
        buffer.append(open)
        for r in 0..<matrix.rowCount {
            if r > 0 { buffer.append(rowBreak) }
            var column = 0
            for entry in matrix.columnGroups(inRow: r) {
                let c = entry.column
                let cell =
                    entry.isSingleTap
                    ? tapText[Int(matrix.taps[entry.positions.lowerBound])]
                    : Array(printer.expressionPrinter.string(for: symbolic.value(of: entry)).utf8)
                // A sum that cancelled to zero is printed as a zero cell.
                if cell == [UInt8(ascii: "0")] { continue }
                if c > column { buffer.append(zeros[offset[column]..<offset[c]]) }
                if c > 0 { buffer.append(separator) }
                buffer.append(cell)
                column = c + 1
            }
            if column < columns { buffer.append(zeros[offset[column]..<offset[columns]]) }
            buffer.flushIfFull(to: &output)
        }
        buffer.append(close)
        buffer.flush(to: &output)
    }
}
