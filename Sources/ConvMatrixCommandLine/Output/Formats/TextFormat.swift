import ConvMatrix

/// Text for a terminal: a title, then aligned matrices and grids; past 1000 entries cut as NumPy
/// prints large arrays unless `--full` is given (``TextStackOutput``).
struct TextFormat: MatrixWriter, GridWriter, ValueWriter {
    let options: RenderOptions

    /// A symbol product and its separator (about 48 bytes), kept twice: the cells and the
    /// aligned grid.
    var bytesPerSumTerm: Int { 96 }

    private var stacks: TextStackOutput { TextStackOutput(options: options) }

    func write(
        _ matrix: SymbolicTapMatrix, title: [String], blocks: (rows: Int, columns: Int)?,
        to output: inout some TextOutputStream
    ) -> [String] {
        for line in title { output.write(line + "\n") }
        let elision = stacks.elision
        TapMatrixTextWriter(printer: options.textPrinter).write(
            matrix, elision: elision, to: &output)
        output.write("\n")
        if let elision, elision.elides(rows: matrix.rowCount, columns: matrix.columnCount) {
            output.write(
                "(\(matrix.rowCount) rows \(options.style.times) \(matrix.columnCount) columns; the first and last \(elision.edgeItems) rows and columns are shown, --full prints every entry)\n"
            )
        }
        return []
    }

    func write(_ grids: ExpressionGrids, title: [String], to output: inout some TextOutputStream) {
        let printer = options.expressionPrinter
        let dots = options.ascii ? "..." : "⋯"
        var longest = 0
        stacks.write(
            grids: grids.count, label: grids.label, rows: grids.rows, columns: grids.columns,
            title: title + (grids.spaced ? [""] : []), noun: grids.noun,
            separator: grids.spaced ? "\n" : "", to: &output
        ) { k, row, column in
            if let sums = grids.sums, let sumCell = grids.sumCell {
                let sum = sumCell(k, row, column)
                if case .whole(let value) = sum, value.isZero { return "0" }
                if sum.termCount > sums.threshold { longest = max(longest, sum.termCount) }
                return sums.text(sum, dots: dots) { printer.string(for: $0) }
            }
            let value = grids.cell(k, row, column)
            if value.isZero { return "0" }
            guard let sums = grids.sums, sums.shortens(value) else {
                return printer.string(for: value)
            }
            longest = max(longest, value.terms.count)
            return sums.text(value, dots: dots) { printer.string(for: $0) }
        }
        if let sums = grids.sums, longest > 0 {
            output.write(
                "(sums of more than \(sums.threshold) terms show their first and last \(sums.edgeItems), the longest has \(longest) terms; --full prints every term)\n"
            )
        }
    }

    func write(
        sums cells: (ProductSums) -> [String], channels: Int, extents: Extents, title: [String],
        to output: inout some TextOutputStream
    ) {
        let text = cells(ProductSums(plain: options.expressionPrinter))
        writeCells(text, channels: channels, extents: extents, title: title, to: &output)
    }

    func write(
        _ tensor: ValueTensor, channels: Int, extents: Extents, title: [String],
        to output: inout some TextOutputStream
    ) {
        // Each cell is printed when it is shown: elided text prints a few of millions.
        let layout = GridSlices.layout(channels: channels, extents: extents)
        let size = layout.rows * layout.columns
        let ascii = options.ascii
        stacks.write(
            stack: layout.labels, rows: layout.rows, columns: layout.columns, title: title,
            to: &output
        ) { grid, row, column in
            ValueTensorPrinting.textCell(
                tensor, at: grid * size + row * layout.columns + column, ascii: ascii)
        }
    }

    func write(
        selection: MaxPoolSelection, extents: Extents, lead: String, note: String,
        to output: inout some TextOutputStream
    ) {
        output.write("\n" + lead + "\n")
        writeCells(
            MaxPoolOutput.selectionCells(selection), channels: 1, extents: extents, title: [],
            to: &output)
        output.write(note + "\n")
    }

    /// Cells already printed (`"0"` a zero), as grids under `title`.
    private func writeCells(
        _ cells: [String], channels: Int, extents: Extents, title: [String],
        to output: inout some TextOutputStream
    ) {
        let layout = GridSlices.layout(channels: channels, extents: extents)
        let size = layout.rows * layout.columns
        stacks.write(
            stack: layout.labels, rows: layout.rows, columns: layout.columns, title: title,
            to: &output
        ) { grid, row, column in cells[grid * size + row * layout.columns + column] }
    }
}
