import ConvMatrixCore

/// Writes a matrix as dense comma-separated values (RFC 4180): one line per row, every cell
/// written, zeros included, so only small matrices should go this way (the command line
/// applies ``ConvMatrixCore/ResourceLimits/checkDense(rows:columns:what:)`` first).
///
/// A cell containing a comma, a quote or a line break is quoted, quotes doubled.
public enum MatrixCSVWriter {
    /// Writes `rowCount` lines of `columnCount` cells; `row(r)` gives row `r`'s non-zero cells
    /// as `(column, text)` in increasing column order, and every other cell is `zero`. Reports
    /// the rows written to `progress`.
    public static func write(
        rowCount: Int, columnCount: Int, zero: String = "0",
        row: (Int) -> [(column: Int, text: String)], to output: inout some TextOutputStream,
        progress: ProgressSink = .silent
    ) {
        var counter = progress.counter("writing CSV", unit: "rows", total: rowCount)
        defer { counter.finish() }
        for r in 0..<rowCount {
            defer { counter.advance() }
            var cells = [String](repeating: zero, count: columnCount)
            for entry in row(r) where entry.column >= 0 && entry.column < columnCount {
                cells[entry.column] = quoted(entry.text)
            }
            output.write(cells.joined(separator: ",") + "\n")
        }
    }

    /// The cell as RFC 4180 requires.
    static func quoted(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else {
            return text
        }
        return "\"" + text.replacingAll("\"", with: "\"\"") + "\""
    }
}

extension String {
    /// The string with every `target` character replaced by `replacement`.
    func replacingAll(_ target: Character, with replacement: String) -> String {
        var result = ""
        for character in self {
            if character == target { result += replacement } else { result.append(character) }
        }
        return result
    }
}
