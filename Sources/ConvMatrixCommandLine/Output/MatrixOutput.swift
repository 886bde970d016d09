import ConvMatrix

/// The checks and notes every format writer shares (the writers themselves are in `Formats/`):
/// the dense-cell budget before anything is built, the export's preconditions, pdflatex's line
/// limit and amsmath's column limit.
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

    /// Before a bmatrix or pmatrix wider than 10 columns, a LaTeX comment saying what amsmath
    /// needs: its matrix environments stop at `MaxMatrixCols` columns (10 unless raised). The
    /// comment is harmless in LaTeX, KaTeX and MathJax; SymPy style switches to `array` itself.
    func writeColumnNote(columns: Int, to output: inout some TextOutputStream) {
        guard options.latexStyle != .sympy, columns > 10 else { return }
        output.write(
            "% amsmath needs \\setcounter{MaxMatrixCols}{\(columns)} for this \(options.latexStyle.rawValue) (the default is 10 columns)\n"
        )
    }
}
