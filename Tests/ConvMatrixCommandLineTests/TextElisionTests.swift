import Testing

@testable import ConvMatrix

/// Text output of a large matrix is cut to its corners, as NumPy and PyTorch print large
/// arrays; the true size is stated and `--full` prints everything. LaTeX stays complete.
@Suite("Text elision of large matrices")
struct TextElisionTests {
    @Test("28×28 input, 5×5 kernel: seven lines of U, its size, and how to see it all")
    func elided() {
        let run = runTool("unroll --input 28x28 --kernel 5x5")
        #expect(run.exitCode == 0)
        let lines = run.output.split(separator: "\n")
        #expect(lines.count == 2 + 7 + 1)
        #expect(lines[2] == "⎡k₀₀   0    0   ⋯   0    0    0 ⎤")
        #expect(lines[5] == "⎢ ⋮    ⋮    ⋮   ⋱   ⋮    ⋮    ⋮ ⎥")
        #expect(
            lines.last
                == "(784 rows × 576 columns; the first and last 3 rows and columns are shown, --full prints every entry)"
        )
        #expect(run.output.utf8.count < 1000)
    }

    @Test("--full prints every row; LaTeX is never elided")
    func full() {
        let full = runTool("unroll --input 28x28 --kernel 5x5 --full")
        #expect(full.output.split(separator: "\n").count == 2 + 784)
        let latex = runTool("unroll --input 28x28 --kernel 5x5 --format latex --latex-style sympy")
        #expect(latex.output.utf8.count > 1_000_000)
        #expect(!latex.output.contains("cdots"))
    }

    @Test("matrices of at most 1000 entries, and short axes, are shown whole")
    func small() {
        let small = runTool("unroll --input 5x5 --kernel 3x3 --stride 2")
        #expect(!small.output.contains("⋯") && !small.output.contains("--full"))
        // 2 rows × 1024 columns: the rows are kept, the columns cut.
        let wide = runTool("unroll --input 1024 --kernel 1023 --convention column")
        let lines = wide.output.split(separator: "\n")
        #expect(lines.count == 2 + 2 + 1)
        #expect(lines[2].contains("⋯") && !wide.output.contains("⋮"))
        let ascii = runTool("unroll --input 40 --kernel 3 --ascii").output
        #expect(ascii.contains("...") && ascii.allSatisfy(\.isASCII))
    }

    @Test(
        "past 1000 entries, when an axis is longer than 6",
        arguments: [
            (6, 100, false), (6, 1000, true), (1001, 1, true), (7, 200, true), (2, 6, false),
            (Int.max, 2, true),
        ])
    func rule(rows: Int, columns: Int, elided: Bool) {
        #expect(TextElision.numpy.elides(rows: rows, columns: columns) == elided)
    }
}

/// `apply` cuts a large output grid to its corners the same way.
@Suite("Text elision of large grids")
struct GridElisionTests {
    @Test("apply on an 80×80 input: the corners of each grid, its size, --full for all")
    func apply() {
        let run = runTool("apply --input 80x80 --kernel 3x3 --ascii")
        #expect(run.exitCode == 0)
        let lines = run.output.split(separator: "\n")
        #expect(lines.count == 2 + 7 + 1)
        #expect(lines[5].hasPrefix("[") && !lines[5].contains("I_"))
        #expect(
            lines.last
                == "(78 rows x 78 columns per grid; the first and last 3 rows and columns are shown, --full prints every entry)"
        )
        let full = runTool("apply --input 80x80 --kernel 3x3 --ascii --full")
        #expect(full.output.split(separator: "\n").count == 2 + 78)
        let channels = runTool("apply --input 80x80 --kernel 3x3 --out-channels 2")
        #expect(channels.output.components(separatedBy: "channel ").count == 3)
    }
}
