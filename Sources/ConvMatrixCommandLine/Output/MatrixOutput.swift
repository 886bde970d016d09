import ConvMatrix
import Symbolic

/// Prints matrices and grids in the chosen format: text with a title, or bare LaTeX; and, for
/// the commands that allow them, the exports mtx, json and csv.
struct MatrixOutput {
    let options: RenderOptions
    /// Whether text output of this command is elided past ``TextElision/numpy`` (tap
    /// matrices: unroll, transpose) unless `--full` is given.
    var elidesText = false

    /// Refuses a dense rendering over the cell budget, before anything is printed.
    func checkSize(rows: Int, columns: Int, what: String) throws(UsageError) {
        guard options.format == .text || options.format == .latex || options.format == .csv else {
            return
        }
        // Elided text prints the corners only: its size does not grow with the matrix.
        if options.format == .text && !options.full && elidesText
            && TextElision.numpy.elides(rows: rows, columns: columns)
        {
            return
        }
        do {
            try options.limits.checkDense(rows: rows, columns: columns, what: what)
        } catch {
            guard options.format == .latex else { throw UsageError(error) }
            throw UsageError(
                flag: "max-cells",
                "\(error.message); for a document, 'convmatrix derive' with the same layer flags writes the derivation with large matrices elided (\\cdots, \\vdots), and --format mtx writes the matrix sparse"
            )
        }
    }

    /// The longest line pdflatex reads: TeX Live's `buf_size` (200 000 characters); a longer
    /// line stops it with "Unable to read an entire line".
    static let pdflatexLineLimit = 200_000

    /// A warning when LaTeX of `lineLength` characters on its longest line is past what
    /// pdflatex can read.
    func pdflatexWarning(longestLine lineLength: Int) -> [String] {
        guard options.format == .latex, lineLength > Self.pdflatexLineLimit else { return [] }
        let lineSource =
            options.latexStyle == .sympy
            ? "the sympy style writes the matrix on one line, as SymPy does"
            : "one matrix row is that long"
        return [
            "warning: the LaTeX has a line of \(lineLength) characters (\(lineSource)), past the \(Self.pdflatexLineLimit) pdflatex reads; KaTeX and MathJax read it, but for a document use 'convmatrix derive' with the same layer flags, which elides the middle of large matrices"
        ]
    }

    /// Writes `matrix`: in text, `title` then the aligned matrix; in LaTeX, the matrix alone.
    ///
    /// `blocks` gives the size of the channel blocks (rows, columns) of a channelled U; in the
    /// bmatrix and pmatrix styles they are drawn with rules (SymPy style stays SymPy's).
    /// Returns the warnings for standard error (LaTeX past what pdflatex reads).
    @discardableResult
    func write(
        _ matrix: some SparseRowSource, title: [String], blocks: (rows: Int, columns: Int)? = nil,
        to output: inout some TextOutputStream
    ) -> [String] {
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
            var measured = LongestLine(output)
            if let taps, blocks == nil || options.latexStyle == .sympy {
                TapMatrixLaTeXWriter(printer: options.latexPrinter).write(taps, to: &measured)
            } else if let blocks, options.latexStyle != .sympy {
                BlockMatrixLaTeXPrinter(
                    rowBlock: blocks.rows, columnBlock: blocks.columns,
                    delimiters: options.latexStyle == .pmatrix ? .parentheses : .brackets,
                    expressionPrinter: options.latexPrinter.expressionPrinter
                ).write(matrix, to: &measured)
            } else {
                options.latexPrinter.write(matrix, to: &measured)
            }
            output = measured.base
            output.write("\n")
            return pdflatexWarning(longestLine: measured.longest)
        case .mtx, .json, .csv:
            MatrixCSVWriter.write(
                rowCount: matrix.rowCount, columnCount: matrix.columnCount,
                row: { r in
                    matrix.nonZeroEntries(inRow: r).map {
                        ($0.column, options.expressionPrinter.string(for: $0.value))
                    }
                }, to: &output)
        }
        return []
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
            let first = grid.slices.first?.matrix
            TextStackOutput(options: options).write(
                stack: grid.slices.map(\.label), rows: first?.rowCount ?? 0,
                columns: first?.columnCount ?? 0, title: title, to: &output
            ) { slice, row, column in
                let value = grid.slices[slice].matrix[row, column]
                return value.isZero ? "0" : options.expressionPrinter.string(for: value)
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
