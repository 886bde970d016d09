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
/// expression printer, so the output stays identical.
public struct TapMatrixLaTeXWriter: Sendable {
    /// The printer whose output this writer reproduces.
    public let printer: MatrixLaTeXPrinter
    /// The expression each tap stands for (a kernel symbol or a number).
    public let tapValues: [Expression]

    /// A writer printing `tapValues` for the taps, in `printer`'s style.
    public init(printer: MatrixLaTeXPrinter, tapValues: [Expression]) {
        self.printer = printer
        self.tapValues = tapValues
    }

    /// Writes `matrix`.
    public func write(_ matrix: TapMatrix, to output: inout some TextOutputStream) {
        // Every tap's text, one after the other: taps[tapStart[t] ..< tapStart[t + 1]].
        var tapBytes: [UInt8] = []
        var tapStart = [0]
        var tapIsZero: [Bool] = []
        for value in tapValues {
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
        let rowBreak = Array("\\\\".utf8)
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
                    var i = matrix.rowStart[r]
                    let end = matrix.rowStart[r + 1]
                    while i < end {
                        let c = Int(matrix.columns[i])
                        var j = i + 1
                        while j < end && matrix.columns[j] == matrix.columns[i] { j += 1 }
                        let cell: UnsafeBufferPointer<UInt8>
                        var sumText: [UInt8] = []
                        let isZero: Bool
                        if j == i + 1 {
                            let t = Int(matrix.taps[i])
                            cell = UnsafeBufferPointer(
                                rebasing: taps[tapStart[t]..<tapStart[t + 1]])
                            isZero = tapIsZero[t]
                        } else {
                            let sum = (i..<j).map { tapValues[Int(matrix.taps[$0])] }
                            sumText = Array(
                                printer.expressionPrinter.string(for: Self.add(sum)).utf8)
                            cell = UnsafeBufferPointer(start: nil, count: 0)
                            isZero = sumText == zero
                        }
                        i = j
                        // A cell whose value is zero (a zero tap, or a sum that cancelled) is
                        // printed as a zero cell.
                        if isZero { continue }
                        if c > column {
                            buffer.append(
                                UnsafeBufferPointer(rebasing: zeros[offset[column]..<offset[c]]))
                        }
                        if c > 0 { buffer.append(separator) }
                        if sumText.isEmpty { buffer.append(cell) } else { buffer.append(sumText) }
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

    /// The sum of `terms`; exact arithmetic only overflows for coefficients beyond `Int`.
    static func add(_ terms: [Expression]) -> Expression {
        (try? terms.reduce(Expression.zero) { try $0 + $1 }) ?? terms.first ?? .zero
    }
}
