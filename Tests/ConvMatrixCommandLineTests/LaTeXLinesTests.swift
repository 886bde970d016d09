import Testing

/// LaTeX that TeX can read: one matrix row per line in every style but `sympy` (which mirrors
/// SymPy's single line), a warning past pdflatex's line buffer, and for a matrix too large to
/// print, a pointer to `derive`'s elision.
@Suite("LaTeX lines")
struct LaTeXLinesTests {
    @Test("bmatrix and pmatrix: one matrix row per line", arguments: ["bmatrix", "pmatrix"])
    func rowPerLine(style: String) {
        let run = runTool("unroll --input 28x28 --kernel 5x5 --format latex --latex-style \(style)")
        #expect(run.exitCode == 0)
        #expect(run.errors.isEmpty)
        let lines = run.output.split(separator: "\n")
        // The MaxMatrixCols comment, \begin, 784 rows, \end.
        #expect(lines.count == 1 + 1 + 784 + 1)
        #expect(lines.map(\.utf8.count).max() ?? 0 < 200_000)
    }

    @Test("sympy: SymPy's single line, and a warning when pdflatex cannot read it")
    func sympyLine() {
        let run = runTool("unroll --input 28x28 --kernel 5x5 --format latex --latex-style sympy")
        #expect(run.exitCode == 0)
        #expect(run.output.split(separator: "\n").count == 1)
        #expect(
            run.errors
                == "warning: the LaTeX has a line of 1878165 characters (the sympy style writes the matrix on one line, as SymPy does), past the 200000 pdflatex reads; KaTeX and MathJax read it, but for a document use 'convmatrix derive' with the same layer flags, which elides the middle of large matrices\n"
        )
        let small = runTool(
            "unroll --input 5x5 --kernel 3x3 --stride 2 --format latex --latex-style sympy")
        #expect(small.errors.isEmpty)
    }

    @Test("a 224×224 layer in LaTeX points to derive's elision")
    func hugeLayer() {
        let run = runTool("unroll --input 224x224 --kernel 3x3 --format latex")
        #expect(run.exitCode == 2 && run.output.isEmpty)
        #expect(run.errors.contains("'convmatrix derive' with the same layer flags"))
        #expect(run.errors.split(separator: "\n").count == 1)
        // In text, its corners print at once.
        let text = runTool("unroll --input 224x224 --kernel 3x3")
        #expect(text.exitCode == 0)
        #expect(text.output.contains("(50176 rows × 49284 columns;"))
    }
}
