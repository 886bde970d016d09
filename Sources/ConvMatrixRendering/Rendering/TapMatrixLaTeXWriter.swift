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
        // Every tap's text, one after the other: taps[tapStart[t] ..< tapStart[t + 1]].
        var tapBytes: [UInt8] = []
        var tapStart = [0]
        var tapIsZero: [Bool] = []
        for value in symbolic.tapValues {
            let text = printer.expressionPrinter.string(for: value)
            tapBytes.append(contentsOf: text.utf8)
            tapStart.append(tapBytes.count)
            tapIsZero.append(text == "0")
        }
        let columns = matrix.columnCount
        // zeros[offset[c] ..< offset[d]] is the text of zero cells c ..< d (c > 0: " & 0").
        var zeroBytes: [UInt8] = []
        zeroBytes.reserveCapacity(4 * columns)
        var offset = [Int](repeating: 0, count: columns + 1)
        for c in 0..<columns {
            zeroBytes.append(contentsOf: c == 0 ? Array("0".utf8) : Array(" & 0".utf8))
            offset[c + 1] = zeroBytes.count
        }
        let separator = Array(" & ".utf8)
        let rowBreak = Array(printer.rowSeparator.utf8)
        let zero = [UInt8(ascii: "0")]
        let (open, close) = printer.delimiters(columnCount: columns)
        var buffer = ByteBuffer()
        buffer.append(open)
        // The loop reads the texts through pointers: slicing the arrays for every cell
        // retained and released them, a third of the time on the MNIST example.
        tapBytes.withUnsafeBufferPointer { taps in
            zeroBytes.withUnsafeBufferPointer { zeros in
                for r in 0..<matrix.rowCount {
                    if r > 0 { buffer.append(rowBreak) }
                    var column = 0
                    for entry in matrix.columnGroups(inRow: r) {
                        let c = entry.column
                        if entry.isSingleTap {
                            let t = Int(matrix.taps[entry.positions.lowerBound])
                            if tapIsZero[t] { continue }
                            if c > column {
                                buffer.append(
                                    UnsafeBufferPointer(rebasing: zeros[offset[column]..<offset[c]])
                                )
                            }
                            if c > 0 { buffer.append(separator) }
                            buffer.append(
                                UnsafeBufferPointer(rebasing: taps[tapStart[t]..<tapStart[t + 1]]))
                        } else {
                            let cell = Array(
                                printer.expressionPrinter.string(for: symbolic.value(of: entry))
                                    .utf8)
                            // A sum that cancelled to zero is printed as a zero cell.
                            if cell == zero { continue }
                            if c > column {
                                buffer.append(
                                    UnsafeBufferPointer(rebasing: zeros[offset[column]..<offset[c]])
                                )
                            }
                            if c > 0 { buffer.append(separator) }
                            buffer.append(cell)
                        }
                        column = c + 1
                    }
                    if column < columns {
                        buffer.append(
                            UnsafeBufferPointer(rebasing: zeros[offset[column]..<offset[columns]]))
                    }
                    buffer.flushIfFull(to: &output)
                }
            }
        }
        buffer.append(close)
        buffer.flush(to: &output)
    }
}
