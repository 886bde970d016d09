/// Writes a ``TapMatrix`` in the Matrix Market exchange format (NIST, Boisvert, Pozo and
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
    /// lines (each should be ASCII and on one line).
    public static func write(
        _ matrix: TapMatrix, values: [Double]?, comments: [String],
        to output: inout some TextOutputStream
    ) {
        let field = values == nil ? "pattern" : "real"
        output.write("%%MatrixMarket matrix coordinate \(field) general\n")
        for comment in comments { output.write("% \(comment)\n") }
        output.write("\(matrix.rowCount) \(matrix.columnCount) \(matrix.entryCount)\n")
        for r in 0..<matrix.rowCount {
            var i = matrix.rowStart[r]
            let end = matrix.rowStart[r + 1]
            while i < end {
                let column = matrix.columns[i]
                var total = values.map { $0[Int(matrix.taps[i])] } ?? 0
                i += 1
                while i < end && matrix.columns[i] == column {
                    total += values.map { $0[Int(matrix.taps[i])] } ?? 0
                    i += 1
                }
                if values == nil {
                    output.write("\(r + 1) \(Int(column) + 1)\n")
                } else {
                    output.write("\(r + 1) \(Int(column) + 1) \(total)\n")
                }
            }
        }
    }
}
