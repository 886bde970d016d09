import Testing

/// `--format mtx|json|csv` on unroll, transpose and apply.
@Suite struct ExportFormatTests {
    @Test func matrixMarketOfTheChapterExample() {
        let run = runTool(
            "unroll --input 3x3 --kernel 2x2 --convention column --format mtx --kernel-values 0,1,2,3"
        )
        #expect(run.exitCode == 0)
        let lines = run.output.split(separator: "\n")
        #expect(lines.first == "%%MatrixMarket matrix coordinate real general")
        // The header records the whole command, kernel values included.
        #expect(
            lines.contains(
                "% convmatrix unroll --input 3x3 --kernel 2x2 --convention column --format mtx --kernel-values 0,1,2,3"
            ))
        #expect(lines.contains("4 9 16"))
        #expect(lines.contains("4 9 3.0"))
        #expect(lines.allSatisfy { $0.allSatisfy(\.isASCII) })
    }

    @Test func reflectPaddingSumsTapsPerEntry() {
        let run = runTool(
            "unroll --input 3 --kernel 3 --padding 1 --padding-mode reflect --convention column --format mtx --kernel-values 1,10,100"
        )
        // Output 0 reads x₁, x₀, x₁: entry (1, 2) is k₀ + k₂ = 101.
        #expect(run.output.contains("\n1 2 101.0\n"))
        // One line per entry of U, the taps meeting there summed: 7 entries, not 9 taps, and
        // no (row, column) twice.
        #expect(run.output.contains("\n3 3 7\n"))
        let entries = run.output.split(separator: "\n").filter { !$0.hasPrefix("%") }.dropFirst()
        #expect(entries.count == 7)
        #expect(
            Set(entries.map { $0.split(separator: " ").prefix(2).joined(separator: " ") }).count
                == 7)
    }

    @Test(
        "the header's command line reproduces the file, random values with their seed",
        arguments: [
            "unroll --input 4x4 --kernel 3x3 --padding 0:1x1:0 --format mtx --kernel-values 1/2,-3,0.25,1,2,3,4,5,6",
            "unroll --input 5x5 --kernel 3x3 --stride 2 --format mtx --kernel-values random",
            "transpose --transposed --input 2x2 --kernel 3x3 --stride 2 --output-padding 1 --format mtx --pattern --convention column",
            "apply --input 4 --kernel 2 --format json --kernel-values 1,2 --transpose",
            "unroll --transposed-layer --input 3 --kernel 3 --stride 2 --format mtx --kernel-values 1,1,1",
        ])
    func headerReproduces(commandLine: String) throws {
        let first = runTool(commandLine)
        #expect(first.exitCode == 0)
        let recorded: String
        if commandLine.contains("json") {
            let start = try #require(first.output.range(of: "\"command\": \""))
            let rest = first.output[start.upperBound...]
            recorded = String(rest[..<(try #require(rest.firstIndex(of: "\"")))])
        } else {
            let line = try #require(
                first.output.split(separator: "\n").first { $0.hasPrefix("% convmatrix ") })
            recorded = String(line.dropFirst(2))
        }
        #expect(recorded.hasPrefix("convmatrix "))
        let again = runTool(String(recorded.dropFirst("convmatrix ".count)))
        #expect(again.exitCode == 0)
        #expect(again.output == first.output)
    }

    @Test func patternNeedsNoValues() {
        let run = runTool(
            "transpose --transposed --input 2x2 --kernel 3x3 --stride 2 --format mtx --pattern")
        #expect(run.exitCode == 0)
        #expect(run.output.hasPrefix("%%MatrixMarket matrix coordinate pattern general\n"))
        #expect(run.output.contains("\n4 25 36\n"))
    }

    @Test func jsonListsEveryNonZero() {
        let run = runTool(
            "unroll --input 3 --kernel 2 --format json --convention column --kernel-values 1,-1")
        #expect(run.exitCode == 0)
        #expect(run.output.contains("\"shape\": [2, 3]"))
        #expect(
            run.output.contains(
                "{\"row\": 1, \"column\": 2, \"text\": \"k₁\", \"latex\": \"k_{1}\", \"taps\": [1], \"value\": -1.0}"
            ))
    }

    @Test func csvIsDense() {
        let run = runTool("unroll --input 3 --kernel 2 --format csv --convention column")
        #expect(run.output == "k₀,k₁,0\n0,k₀,k₁\n")
        let numbers = runTool(
            "unroll --input 3 --kernel 2 --format csv --convention column --kernel-values 1/2,-1")
        #expect(numbers.output == "0.5,-1.0,0\n0,0.5,-1.0\n")
    }

    @Test func applyExportsTheCoefficientMatrixAndTheGrid() {
        let mtx = runTool("apply --input 3 --kernel 2 --format mtx --kernel-values 1,2")
        #expect(mtx.output.contains("\n2 3 4\n"))
        let csv = runTool("apply --input 3 --kernel 2 --format csv")
        #expect(csv.output == "I₀·k₀ + I₁·k₁,I₁·k₀ + I₂·k₁\n")
    }

    @Test func textWithKernelValuesShowsNumbers() {
        let run = runTool("unroll --input 3 --kernel 2 --convention column --kernel-values 1/2,3")
        #expect(run.output.contains("1/2"))
        let plain = runTool("unroll --input 3 --kernel 2 --convention column")
        #expect(plain.output.contains("k₀"))
    }

    @Test(arguments: [
        ("unroll --input 3x3 --kernel 2x2 --format mtx", "--format: mtx needs --kernel-values"),
        (
            "transpose --transposed --input 2x2 --kernel 3x3 --format mtx",
            "--format: mtx needs --kernel-values"
        ),
        ("apply --input 3x3 --kernel 2x2 --format mtx", "--format: mtx needs --kernel-values"),
        (
            "unroll --input 3x3 --kernel 2x2 --format mtx --kernel-values 1,2,3",
            "expected 4 values (weight shape 1×1×2×2), got 3"
        ),
        (
            "unroll --input 3x3 --kernel 2x2 --format json --kernel-values 1,2,3,x",
            "'x' is not a number"
        ),
        (
            "unroll --input 3x3 --kernel 2x2 --format mtx --kernel-values 1,2,3,NaN",
            "NaN and infinity"
        ),
        (
            "unroll --input 3x3 --kernel 2x2 --format mtx --kernel-values 1,2,3,-inf",
            "NaN and infinity"
        ),
        (
            "unroll --input 40x40 --kernel 3x3 --format csv --max-cells 1000",
            "--max-cells: U would be a dense"
        ),
        (
            "unroll --input 3x3 --kernel 2x2 --format csv --pattern",
            "--pattern: applies to --format mtx only"
        ),
        (
            "placements --input 3x3 --kernel 2x2 --format json",
            "--format: expected <text|latex>, got 'json'"
        ),
        ("unroll --input 3x3 --kernel 2x2 --format xml", "--format: expected"),
    ])
    func badInputWritesNothing(_ commandLine: String, _ message: String) {
        let run = runTool(commandLine)
        #expect(run.exitCode == 2)
        #expect(run.output.isEmpty)
        #expect(run.errors.contains(message), "\(run.errors)")
        #expect(run.errors.split(separator: "\n").count == 1)
    }
}
