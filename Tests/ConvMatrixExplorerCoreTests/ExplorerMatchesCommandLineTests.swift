import ConvMatrixCore
import ConvMatrixExplorerCore
import Testing

/// The explorer page computes with the C ABI tested here; these tests hold it to the command
/// line: the same matrix entry for entry, the same sizes, the same error line.
@Suite("Explorer against the command line")
struct ExplorerMatchesCommandLineTests {
    /// Compares one layer: a matrix equal to `unroll`'s (or `transpose`'s) JSON export, or the
    /// same one-line error as `convmatrix explore` prints.
    @discardableResult
    func compare(_ pairs: [(String, String)]) throws -> Bool {
        let answer = callExplorer(pairs)
        let transposed = pairs.contains { $0.0 == "transposed" && $0.1 == "1" }
        let explore = runTool(commandLine("explore", pairs))
        let described = pairs.map { "\($0.0)=\($0.1)" }.joined(separator: "&")
        if let line = answer.errorLine {
            #expect(explore.code == 2, "\(described)")
            // The command line prints the page's line (some rules add a hint naming a flag).
            #expect(explore.errors.hasPrefix(line), "\(described)")
            #expect(explore.errors.hasSuffix("\n"))
            #expect(explore.errors.dropLast().firstIndex(of: "\n") == nil)
            let other = runTool(commandLine(transposed ? "transpose" : "unroll", pairs))
            #expect(other.code == 2 && other.errors == explore.errors, "\(described)")
            #expect(explore.output.isEmpty)
            return false
        }
        #expect(explore.code == 0, "\(described): \(explore.errors)")
        #expect(answer.readAllWords, "\(described)")
        let command = transposed ? "transpose" : "unroll"
        let cli = runTool(
            commandLine(command, pairs) + ["--format", "json", "--convention", "column"])
        #expect(cli.code == 0, "\(described): \(cli.errors)")
        let expected = try cliEntries(cli.output)
        #expect(answer.rows == expected.rows && answer.columns == expected.columns, "\(described)")
        #expect(answer.entries.count == expected.entries.count, "\(described)")
        for (pair, taps) in answer.entries {
            #expect(expected.entries[pair] == taps, "\(described) at \(pair)")
        }
        // The term counts are the entries counted by row and by column.
        for r in 0..<answer.rows {
            let count = answer.entries.filter { $0.key.row == r }.reduce(0) { $0 + $1.value.count }
            #expect(answer.outputTerms[r] == count)
        }
        for c in 0..<answer.columns {
            let count = answer.entries.filter { $0.key.column == c }.reduce(0) {
                $0 + $1.value.count
            }
            #expect(answer.inputTerms[c] == count)
        }
        return true
    }

    @Test(
        "the course examples",
        arguments: [
            [("input", "5x5"), ("kernel", "3x3"), ("stride", "2")],
            [("input", "5x5"), ("kernel", "3x3"), ("padding", "1")],
            [("input", "7x7"), ("kernel", "3x3"), ("dilation", "2")],
            [("input", "6x6"), ("kernel", "3x3"), ("padding", "1"), ("padding-mode", "reflect")],
            [("input", "5"), ("kernel", "3"), ("padding", "same"), ("padding-mode", "circular")],
            [
                ("input", "4x4"), ("kernel", "3x3"), ("padding", "1"), ("in-channels", "4"),
                ("out-channels", "2"), ("groups", "2"),
            ],
            [
                ("input", "2x2"), ("kernel", "3x3"), ("stride", "2"), ("padding", "1"),
                ("output-padding", "1"), ("transposed", "1"),
            ],
            [
                ("input", "3x3"), ("kernel", "4x4"), ("stride", "2"), ("padding", "1"),
                ("transposed", "1"),
            ],
            [("input", "5x5"), ("kernel", "3x3"), ("flip", "1")],
            [("input", "6x6"), ("kernel", "2x2"), ("average-pool", "1")],
            [("input", "5x7"), ("kernel", "5"), ("padding", "same")],
        ])
    func examples(_ pairs: [(String, String)]) throws {
        try compare(pairs)
    }

    @Test("300 random convolutions: the same U or the same error")
    func randomConvolutions() throws {
        var g = Generator(state: 12)
        var drawn = 0
        for _ in 0..<300 where try compare(RandomLayers.forward(using: &g)) { drawn += 1 }
        // Most random layers are valid; the rest compare their error lines.
        #expect(drawn > 150 && drawn < 300)
    }

    @Test("200 random transposed layers: the same T or the same error")
    func randomTransposed() throws {
        var g = Generator(state: 34)
        var drawn = 0
        for _ in 0..<200 where try compare(RandomLayers.transposed(using: &g)) { drawn += 1 }
        #expect(drawn > 100 && drawn < 200)
    }

    @Test(
        "bad values get the command line's line",
        arguments: [
            [("input", "5x5"), ("kernel", "3x3"), ("stride", "0")],
            [("input", "5x5"), ("kernel", "7x7")],
            [("input", "<img src=x onerror=alert(1)>"), ("kernel", "3x3")],
            [("input", "5x5"), ("kernel", "3x3"), ("padding", "\"><script>alert(1)</script>")],
            [("input", "5x5"), ("kernel", "3x3"), ("padding-mode", "javascript:alert(1)")],
            [("input", "5x5"), ("kernel", "3x3"), ("padding", "same"), ("stride", "2x")],
            [("input", "99999999999999999999"), ("kernel", "3")],
            [("input", "4x4"), ("kernel", "3x3"), ("in-channels", "3"), ("groups", "2")],
            [
                ("input", "2x2"), ("kernel", "3x3"), ("stride", "2"), ("output-padding", "2"),
                ("transposed", "1"),
            ],
            [("input", "5x5"), ("kernel", "3x3"), ("output-padding", "1")],
            [("input", "5x5"), ("kernel", "3x3"), ("padding", "5"), ("padding-mode", "reflect")],
            [("input", "5x5"), ("kernel", "3"), ("padding", "full"), ("stride", "0")],
            [("input", "4x4"), ("kernel", "2"), ("average-pool", "1"), ("groups", "2")],
        ])
    func badValues(_ pairs: [(String, String)]) throws {
        let answer = callExplorer(pairs)
        #expect(answer.errorLine?.hasPrefix("error: --") == true)
        try compare(pairs)
    }
}
