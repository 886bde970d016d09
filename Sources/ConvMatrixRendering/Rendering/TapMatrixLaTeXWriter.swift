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
        let tapText = tapValues.map { Array(printer.expressionPrinter.string(for: $0).utf8) }
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
            var i = matrix.rowStart[r]
            let end = matrix.rowStart[r + 1]
            while i < end {
                let c = Int(matrix.columns[i])
                var j = i + 1
                while j < end && matrix.columns[j] == matrix.columns[i] { j += 1 }
                let cell: [UInt8]
                if j == i + 1 {
                    cell = tapText[Int(matrix.taps[i])]
                } else {
                    let sum = (i..<j).map { tapValues[Int(matrix.taps[$0])] }
                    cell = Array(printer.expressionPrinter.string(for: Self.add(sum)).utf8)
                }
                i = j
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

    /// The sum of `terms`; exact arithmetic only overflows for coefficients beyond `Int`.
    static func add(_ terms: [Expression]) -> Expression {
        (try? terms.reduce(Expression.zero) { try $0 + $1 }) ?? terms.first ?? .zero
    }
}
