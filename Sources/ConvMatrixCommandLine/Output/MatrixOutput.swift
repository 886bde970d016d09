import ConvMatrix
import Symbolic

/// Prints matrices and grids in the chosen format: text with a title, or bare LaTeX; and, for
/// the commands that allow them, the exports mtx, json and csv.
struct MatrixOutput {
    let options: RenderOptions
    /// Whether the command can write mtx, json and csv (unroll, transpose, apply).
    var allowsExports = false

    /// Refuses a dense rendering over the cell budget, before anything is printed.
    func checkSize(rows: Int, columns: Int, what: String) throws(UsageError) {
        if options.format.isExport && !allowsExports {
            throw UsageError(
                flag: "format",
                "\(options.format.rawValue) is written by unroll, transpose and apply only; use text or latex"
            )
        }
        guard options.format == .text || options.format == .latex || options.format == .csv else {
            return
        }
        do {
            try options.limits.checkDense(rows: rows, columns: columns, what: what)
        } catch {
            throw UsageError(error)
        }
    }

    /// Writes `matrix`: in text, `title` then the aligned matrix; in LaTeX, the matrix alone.
    ///
    /// `blocks` gives the size of the channel blocks (rows, columns) of a channelled U; in the
    /// bmatrix and pmatrix styles they are drawn with rules (SymPy style stays SymPy's).
    func write(
        _ matrix: some SparseRowSource, title: [String], blocks: (rows: Int, columns: Int)? = nil,
        to output: inout some TextOutputStream
    ) {
        let taps = matrix as? SymbolicTapMatrix
        switch options.format {
        case .text:
            for line in title { output.write(line + "\n") }
            if let taps {
                let elision = options.full ? nil : TextElision.numpy
                TapMatrixTextWriter(printer: options.textPrinter).write(
                    taps, elision: elision, to: &output)
                output.write("\n")
                if let elision, elision.elides(rows: taps.rowCount, columns: taps.columnCount) {
                    output.write(
                        "(\(taps.rowCount) rows \(options.style.times) \(taps.columnCount) columns; the first and last \(elision.edgeItems) rows and columns are shown, --full prints every entry)\n"
                    )
                }
            } else {
                options.textPrinter.write(matrix, to: &output)
                output.write("\n")
            }
        case .latex:
            if blocks == nil || options.latexStyle == .sympy {
                writeColumnNote(columns: matrix.columnCount, to: &output)
            }
            if let taps, blocks == nil || options.latexStyle == .sympy {
                TapMatrixLaTeXWriter(printer: options.latexPrinter).write(taps, to: &output)
            } else if let blocks, options.latexStyle != .sympy {
                BlockMatrixLaTeXPrinter(
                    rowBlock: blocks.rows, columnBlock: blocks.columns,
                    delimiters: options.latexStyle == .pmatrix ? .parentheses : .brackets,
                    expressionPrinter: options.latexPrinter.expressionPrinter
                ).write(matrix, to: &output)
            } else {
                options.latexPrinter.write(matrix, to: &output)
            }
            output.write("\n")
        case .mtx, .json, .csv:
            MatrixCSVWriter.write(
                rowCount: matrix.rowCount, columnCount: matrix.columnCount,
                row: { r in
                    matrix.nonZeroEntries(inRow: r).map {
                        ($0.column, options.expressionPrinter.string(for: $0.value))
                    }
                }, to: &output)
        }
    }

    /// Before a bmatrix or pmatrix wider than 10 columns, a LaTeX comment saying what amsmath
    /// needs: its matrix environments stop at `MaxMatrixCols` columns (10 unless raised). The
    /// comment is harmless in LaTeX, KaTeX and MathJax; SymPy style switches to `array` itself.
    func writeColumnNote(columns: Int, to output: inout some TextOutputStream) {
        guard options.latexStyle != .sympy, columns > 10 else { return }
        output.write(
            "% amsmath needs \\setcounter{MaxMatrixCols}{\(columns)} for this \(options.latexStyle.rawValue) (the default is 10 columns)\n"
        )
    }

    /// Writes a grid cut into slices: in text, each slice under its label; in LaTeX, one
    /// matrix, or a SymPy-style list when there are several slices.
    func write(_ grid: GridSlices, title: [String], to output: inout some TextOutputStream) {
        switch options.format {
        case .text:
            for line in title { output.write(line + "\n") }
            for slice in grid.slices {
                if !slice.label.isEmpty { output.write("\(slice.label):\n") }
                options.textPrinter.write(slice.matrix, to: &output)
                output.write("\n")
            }
        case .latex:
            writeColumnNote(columns: grid.slices.map(\.matrix.columnCount).max() ?? 0, to: &output)
            if grid.slices.count == 1 {
                options.latexPrinter.write(grid.slices[0].matrix, to: &output)
            } else {
                options.latexPrinter.writeList(grid.slices.map(\.matrix), to: &output)
            }
            output.write("\n")
        case .mtx, .json, .csv:
            // Slices one after the other (apply writes its own json and mtx).
            for slice in grid.slices { write(slice.matrix, title: [], to: &output) }
        }
    }
}
