import ConvMatrixCore

/// Writes a ``ConvMatrixCore/TapMatrix`` in the Matrix Market exchange format (NIST, Boisvert, Pozo and
/// Remington 1996), `coordinate` layout, as `scipy.io.mmread` and MATLAB's `mmread` read it.
///
/// - With kernel values: `%%MatrixMarket matrix coordinate real general`, one line
///   `row column value` per structural entry, the taps of an entry summed (`k₀₀ + k₀₂` becomes
///   one number). A structural entry whose value is 0 (a zero weight) is written as an explicit 0,
///   so the pattern does not depend on the values.
/// - Without (`pattern`): `%%MatrixMarket matrix coordinate pattern general`, `row column`.
///
/// Indices are 1-based. Lines after the banner starting with `%` are comments. Values are
/// written with Swift's shortest round-trip representation of a `Double`, so reading them back
/// gives the same bits. The file is streamed row by row: nothing of the size of the matrix is
/// built in memory besides the matrix itself.
public enum MatrixMarketWriter {
    /// Writes `matrix`, with `values` one per tap (nil for the pattern) and `comments` as `%`
    /// lines (each should be ASCII and on one line). Reports the rows written to `progress`.
    public static func write(
        _ matrix: TapMatrix, values: [Double]?, comments: [String],
        to output: inout some TextOutputStream, progress: ProgressSink = .silent
    ) {
        let field = values == nil ? "pattern" : "real"
        output.write("%%MatrixMarket matrix coordinate \(field) general\n")
        for comment in comments { output.write("% \(comment)\n") }
        output.write("\(matrix.rowCount) \(matrix.columnCount) \(matrix.entryCount)\n")
        // Streams through a byte buffer: one line per entry of a matrix that may have 10⁸
        // entries. Each tap's value is formatted once (shortest round-trip `Double` text); only
        // entries that are sums of taps format a new number.
        let tapText = values.map { $0.map { Array("\($0)".utf8) } }
        var buffer = ByteBuffer()
        var rowText: [UInt8] = []
        var counter = progress.counter(
            "writing Matrix Market", unit: "rows", total: matrix.rowCount)
        for r in 0..<matrix.rowCount {
            defer { counter.advance() }
            rowText.removeAll(keepingCapacity: true)
            DecimalText.append(r + 1, to: &rowText)
            rowText.append(UInt8(ascii: " "))
            for entry in matrix.columnGroups(inRow: r) {
                buffer.append(rowText)
                buffer.appendDecimal(entry.column + 1)
                if let values, let tapText {
                    buffer.append(" ")
                    if entry.isSingleTap {
                        buffer.append(tapText[Int(matrix.taps[entry.positions.lowerBound])])
                    } else {
                        let total = entry.positions.reduce(0.0) {
                            $0 + values[Int(matrix.taps[$1])]
                        }
                        buffer.append("\(total)")
                    }
                }
                buffer.append("\n")
            }
            buffer.flushIfFull(to: &output)
        }
        buffer.flush(to: &output)
        counter.finish()
    }
}
