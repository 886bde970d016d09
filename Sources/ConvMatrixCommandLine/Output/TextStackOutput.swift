import ConvMatrix

/// Text output of a stack of grids — symbols' tensors, placements, apply's sums — elided as NumPy
/// prints a large array unless `--full` is given, with a line saying what was left out.
struct TextStackOutput {
    let options: RenderOptions

    /// The elision in force: NumPy's, or none under `--full`.
    var elision: TextElision? { options.full ? nil : .numpy }

    /// Whether the text of `grids` grids of `rows × columns` cells is cut: its size then does not
    /// grow with the stack, so the dense-cell budget does not apply.
    func isCut(grids: Int, rows: Int, columns: Int) -> Bool {
        guard options.format == .text, let elision else { return false }
        return TextGridWriter.cut(grids: grids, rows: rows, columns: columns, elision) != nil
    }

    /// Writes `title`, the stack (see ``TextGridWriter/write(stack:rows:columns:elision:separator:to:cell:)``)
    /// and, when it was cut, a line saying what is shown; `noun` names the grids ("grids",
    /// "placements").
    func write(
        stack labels: [String], rows: Int, columns: Int, title: [String], noun: String = "grids",
        separator: String = "", to output: inout some TextOutputStream,
        cell: (_ grid: Int, _ row: Int, _ column: Int) -> String
    ) {
        write(
            grids: labels.count, label: { labels[$0] }, rows: rows, columns: columns, title: title,
            noun: noun, separator: separator, to: &output, cell: cell)
    }

    /// Writes a stack of `grids` grids, `label(grid)` naming each shown one.
    func write(
        grids: Int, label: (Int) -> String, rows: Int, columns: Int, title: [String],
        noun: String = "grids", separator: String = "", to output: inout some TextOutputStream,
        cell: (_ grid: Int, _ row: Int, _ column: Int) -> String
    ) {
        for line in title { output.write(line + "\n") }
        let cut = TextGridWriter(printer: options.textPrinter).write(
            grids: grids, label: label, rows: rows, columns: columns, elision: elision,
            separator: separator, to: &output, cell: cell)
        writeNote(cut, noun: noun, to: &output)
    }

    /// The line after a cut stack: its true size, what is shown, and `--full`.
    func writeNote(_ cut: TextGridWriter.Cut?, noun: String, to output: inout some TextOutputStream)
    {
        guard let cut, let elision else { return }
        let times = options.style.times
        var shown: [String] = []
        if cut.shownGrids < cut.grids {
            shown.append("the first and last \(elision.edgeItems) \(noun)")
        }
        if cut.cornersOnly {
            shown.append(
                "the first and last \(elision.edgeItems) rows and columns"
                    + (cut.grids > 1 ? " of each" : ""))
        }
        let size =
            cut.grids > 1
            ? "\(cut.grids) \(noun) of \(cut.rows) rows \(times) \(cut.columns) columns"
            : "\(cut.rows) rows \(times) \(cut.columns) columns"
        output.write(
            "(\(size); \(shown.joined(separator: " and ")) are shown, --full prints every entry)\n")
    }
}
