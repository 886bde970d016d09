/// Prints matrices of polynomials as LaTeX, streaming row by row.
///
/// Entries are printed with ``expressionPrinter``; zero entries print `0`; cells are joined
/// by ` & `. In the `sympy` style rows are joined by `\\` on a single line, exactly as SymPy
/// prints; in `bmatrix` and `pmatrix` each matrix row is a line of its own (see
/// ``rowSeparator``), so TeX, which reads a line at a time into a buffer of limited size
/// (pdflatex: 200 000 characters), can read a large matrix.
public struct MatrixLaTeXPrinter: Hashable, Sendable {
    /// The LaTeX environment wrapped around the cells.
    public enum Style: Hashable, Sendable {
        /// amsmath `\begin{bmatrix}…\end{bmatrix}` (square brackets). Note: amsmath
        /// allows at most 10 columns unless `MaxMatrixCols` is raised.
        case bmatrix
        /// amsmath `\begin{pmatrix}…\end{pmatrix}` (parentheses); same column limit.
        case pmatrix
        /// SymPy's `latex(Matrix)`: `\left[\begin{matrix}…\end{matrix}\right]`, or, for more
        /// than 10 columns, `\left[\begin{array}{cc…c}…\end{array}\right]` with one `c` per
        /// column.
        case sympy
    }

    /// The environment used.
    public var style: Style
    /// The printer used for every non-zero entry.
    public var expressionPrinter: LaTeXPrinter

    /// A matrix printer with the given style (SymPy's by default) and entry printer.
    public init(style: Style = .sympy, expressionPrinter: LaTeXPrinter = LaTeXPrinter()) {
        self.style = style
        self.expressionPrinter = expressionPrinter
    }

    /// Writes the LaTeX of `matrix` to `output`, one row at a time. Never fails; an empty
    /// matrix gives an empty environment.
    public func write(_ matrix: some SparseRowSource, to output: inout some TextOutputStream) {
        let columnCount = max(matrix.columnCount, 0)
        let (open, close) = delimiters(columnCount: columnCount)
        output.write(open)
        for row in 0..<max(matrix.rowCount, 0) {
            if row > 0 { output.write(rowSeparator) }
            var column = 0
            for entry in matrix.validEntries(inRow: row) {
                while column < entry.column {
                    output.write(column == 0 ? "0" : " & 0")
                    column += 1
                }
                if column > 0 { output.write(" & ") }
                output.write(expressionPrinter.string(for: entry.value))
                column += 1
            }
            while column < columnCount {
                output.write(column == 0 ? "0" : " & 0")
                column += 1
            }
        }
        output.write(close)
    }

    /// The LaTeX of `matrix` as a string (see ``write(_:to:)``).
    public func string(for matrix: some SparseRowSource) -> String {
        var text = ""
        write(matrix, to: &text)
        return text
    }

    /// Writes a list of matrices in the format of older SymPy's `latex(list)`:
    /// `\left [ ` + the matrices joined by `, \quad ` + `\right ]`. An empty list gives
    /// `\left [ \right ]`.
    public func writeList(
        _ matrices: [any SparseRowSource], to output: inout some TextOutputStream
    ) {
        output.write("\\left [ ")
        for (index, matrix) in matrices.enumerated() {
            if index > 0 { output.write(", \\quad ") }
            write(matrix, to: &output)
        }
        output.write("\\right ]")
    }

    /// The list form of ``writeList(_:to:)`` as a string.
    public func string(forList matrices: [any SparseRowSource]) -> String {
        var text = ""
        writeList(matrices, to: &text)
        return text
    }

    /// What ends one matrix row and starts the next: `\\` in the `sympy` style (SymPy's single
    /// line), `\\` and a newline otherwise (one matrix row per line).
    public var rowSeparator: String { style == .sympy ? "\\\\" : "\\\\\n" }

    /// The text before the first and after the last cell of a matrix with `columnCount`
    /// columns (the environment's opening and closing), for writers that stream cells
    /// themselves.
    public func delimiters(columnCount: Int) -> (open: String, close: String) {
        switch style {
        case .bmatrix:
            return ("\\begin{bmatrix}\n", "\n\\end{bmatrix}")
        case .pmatrix:
            return ("\\begin{pmatrix}\n", "\n\\end{pmatrix}")
        case .sympy:
            if columnCount <= 10 {
                return ("\\left[\\begin{matrix}", "\\end{matrix}\\right]")
            }
            return (
                "\\left[\\begin{array}{" + String(repeating: "c", count: columnCount) + "}",
                "\\end{array}\\right]"
            )
        }
    }
}
