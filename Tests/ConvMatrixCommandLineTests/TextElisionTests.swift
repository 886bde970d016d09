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
                == "(78 rows x 78 columns; the first and last 3 rows and columns are shown, --full prints every entry)"
        )
        let full = runTool("apply --input 80x80 --kernel 3x3 --ascii --full")
        #expect(full.output.split(separator: "\n").count == 2 + 78)
        let channels = runTool("apply --input 80x80 --kernel 3x3 --out-channels 2")
        #expect(channels.output.components(separatedBy: "channel ").count == 3)
        #expect(
            channels.output.hasSuffix(
                "(2 grids of 78 rows × 78 columns; the first and last 3 rows and columns of each are shown, --full prints every entry)\n"
            ))
    }

    @Test("placements on a 28×28 input: the first and last three, each cut to its corners")
    func placements() throws {
        let run = runTool("placements --input 28x28 --kernel 5x5")
        #expect(run.exitCode == 0)
        let labels = run.output.split(separator: "\n").filter { $0.hasSuffix(":") }
        #expect(labels == ["O₀₀:", "O₀₁:", "O₀₂:", "O₂₃,₂₁:", "O₂₃,₂₂:", "O₂₃,₂₃:"])
        #expect(run.output.contains("\n⋮\n"))
        #expect(
            run.output.hasSuffix(
                "(576 placements of 28 rows × 28 columns; the first and last 3 placements and the first and last 3 rows and columns of each are shown, --full prints every entry)\n"
            ))
        // The last placement's corner holds the kernel's last row and column.
        let last = try #require(run.output.components(separatedBy: "O₂₃,₂₃:\n").last)
        #expect(last.contains("k₂₂  k₂₃  k₂₄⎥") && last.contains("k₄₂  k₄₃  k₄₄⎦"))
        #expect(run.output.utf8.count < 4000)
        let full = runTool("placements --input 28x28 --kernel 5x5 --full")
        #expect(full.output.split(separator: "\n").filter { $0.hasSuffix(":") }.count == 576)
        #expect(!full.output.contains("⋯"))
    }

    @Test("elided text is not held to the dense budget: placements of a 224×224 layer print")
    func placementsOfALargeLayer() {
        let run = runTool("placements --input 224x224 --kernel 7x7 --stride 2 --padding 3")
        #expect(run.exitCode == 0)
        #expect(run.output.contains("(12544 placements of 224 rows × 224 columns;"))
        let latex = runTool(
            "placements --input 224x224 --kernel 7x7 --stride 2 --padding 3 --format latex")
        #expect(latex.exitCode == 2 && latex.errors.contains("--max-cells"))
    }

    @Test("symbols: a large grid cut to its corners, many channels to the first and last three")
    func symbols() {
        let grid = runTool("symbols --of input --input 64x64 --kernel 3x3")
        let lines = grid.output.split(separator: "\n")
        #expect(lines.count == 1 + 7 + 1)
        #expect(lines[1] == "⎡ I₀₀    I₀₁    I₀₂   ⋯  I₀,₆₁   I₀,₆₂   I₀,₆₃ ⎤")
        #expect(
            runTool("symbols --of input --input 64x64 --kernel 3x3 --full").output.split(
                separator: "\n"
            ).count == 1 + 64)
        let kernel = runTool("symbols --of kernel --input 5x5 --kernel 3x3 --in-channels 128")
        let labels = kernel.output.split(separator: "\n").filter { $0.hasPrefix("channel ") }
        #expect(
            labels == [
                "channel 0:", "channel 1:", "channel 2:", "channel 125:", "channel 126:",
                "channel 127:",
            ])
        #expect(
            kernel.output.hasSuffix(
                "(128 grids of 3 rows × 3 columns; the first and last 3 grids are shown, --full prints every entry)\n"
            ))
        let small = runTool("symbols --of input --input 5x5 --kernel 3x3 --in-channels 3")
        #expect(!small.output.contains("⋮") && !small.output.contains("--full"))
    }

    @Test(
        "NumPy's rule on the whole stack: past 1000 cells, axes longer than 6 are cut",
        arguments: [
            (1, 10, 10, nil), (10, 10, 10, nil), (11, 10, 10, (6, true)), (112, 3, 3, (6, false)),
            (1, 64, 64, (1, true)), (2, 78, 78, (2, true)), (576, 28, 28, (6, true)),
            (40, 5, 5, nil), (167, 2, 3, (6, false)), (1, 1, 1001, (1, true)),
        ] as [(Int, Int, Int, (Int, Bool)?)])
    func stackRule(grids: Int, rows: Int, columns: Int, expected: (Int, Bool)?) {
        let cut = TextGridWriter.cut(grids: grids, rows: rows, columns: columns, .numpy)
        #expect(cut?.shownGrids == expected?.0)
        #expect(cut?.cornersOnly == expected?.1)
    }
}
