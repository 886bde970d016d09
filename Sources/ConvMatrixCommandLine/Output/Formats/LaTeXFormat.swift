import ConvMatrix

/// LaTeX: the matrix or grids alone, no title, in the chosen style (SymPy's, bmatrix, pmatrix);
/// never elided, so that what is pasted is whole.
struct LaTeXFormat: MatrixWriter, GridWriter, ValueWriter {
    let options: RenderOptions

    /// A symbol product and its separator, about 48 bytes.
    var bytesPerSumTerm: Int { 48 }

    private var checks: MatrixOutput { MatrixOutput(options: options) }

    func write(
        _ matrix: SymbolicTapMatrix, title: [String], blocks: (rows: Int, columns: Int)?,
        to output: inout some TextOutputStream
    ) -> [String] {
        let sympy = options.latexStyle == .sympy
        if blocks == nil || sympy {
            checks.writeColumnNote(columns: matrix.columnCount, to: &output)
        }
        var measured = LongestLine(output)
        if let blocks, !sympy {
            BlockMatrixLaTeXPrinter(
                rowBlock: blocks.rows, columnBlock: blocks.columns,
                delimiters: options.latexStyle == .pmatrix ? .parentheses : .brackets,
                expressionPrinter: options.latexPrinter.expressionPrinter
            ).write(matrix, to: &measured)
        } else {
            TapMatrixLaTeXWriter(printer: options.latexPrinter).write(matrix, to: &measured)
        }
        output = measured.base
        output.write("\n")
        return checks.pdflatexWarning(longestLine: measured.longest)
    }

    func write(_ grids: ExpressionGrids, title: [String], to output: inout some TextOutputStream) {
        let matrices = (0..<grids.count).map(grids.matrix)
        checks.writeColumnNote(columns: grids.columns, to: &output)
        if matrices.count == 1 && !grids.alwaysList {
            options.latexPrinter.write(matrices[0], to: &output)
        } else {
            options.latexPrinter.writeList(matrices, to: &output)
        }
        output.write("\n")
    }

    func write(
        sums cells: (ProductSums) -> [String], channels: Int, extents: Extents, title: [String],
        to output: inout some TextOutputStream
    ) {
        let text = cells(ProductSums(latex: options.latexPrinter.expressionPrinter))
        writeCells(text, channels: channels, extents: extents, to: &output)
    }

    func write(
        _ tensor: ValueTensor, channels: Int, extents: Extents, title: [String],
        to output: inout some TextOutputStream
    ) {
        writeCells(
            ValueTensorPrinting.latexCells(tensor), channels: channels, extents: extents,
            to: &output)
    }

    func write(
        selection: MaxPoolSelection, extents: Extents, lead: String, note: String,
        to output: inout some TextOutputStream
    ) {
        LaTeXGridWriter(printer: options.latexPrinter).write(
            cells: MaxPoolOutput.selectionCells(selection), channels: 1, extents: extents,
            to: &output)
        output.write("\n")
    }

    /// Cells already in LaTeX, as one matrix or SymPy's list of matrices.
    private func writeCells(
        _ cells: [String], channels: Int, extents: Extents, to output: inout some TextOutputStream
    ) {
        let layout = GridSlices.layout(channels: channels, extents: extents)
        checks.writeColumnNote(columns: layout.columns, to: &output)
        LaTeXGridWriter(printer: options.latexPrinter).write(
            cells: cells, channels: channels, extents: extents, to: &output)
        output.write("\n")
    }
}
