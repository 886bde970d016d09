import Foundation
import Testing

/// The whole output of a fixed set of command lines, recorded: what every command prints (standard
/// output, standard error and exit code) for a spread of layers and formats. A change of design
/// that must change no output (moving code between modules, a new layer model) is checked against
/// it; a change that alters output on purpose re-records it, and `git diff` of the recording is
/// what is reviewed.
///
/// The command lines are `GoldenCommandLines.all`; the recording is
/// `Fixtures/golden/outputs.txt`, one section a command line:
///
///     ### convmatrix unroll --input 5x5 --kernel 3x3 --stride 2
///     exit 0
///     --- output
///     …
///     --- errors
///     …
///
/// Run with `CONVMATRIX_UPDATE_GOLDEN=1` to record it anew.
@Suite("Golden outputs")
struct GoldenOutputTests {
    static let path = "golden/outputs.txt"

    static var updating: Bool {
        ProcessInfo.processInfo.environment["CONVMATRIX_UPDATE_GOLDEN"] == "1"
    }

    /// The section of one command line.
    static func section(_ line: String) -> String {
        let run = runTool(DocExamplesTests.words(line))
        return """
            ### convmatrix \(line)
            exit \(run.exitCode)
            --- output
            \(run.output)
            --- errors
            \(run.errors)

            """
    }

    /// The recording split into sections keyed by command line.
    static func recorded(_ text: String) -> [String: String] {
        var sections: [String: String] = [:]
        for chunk in text.components(separatedBy: "\n### convmatrix ").enumerated() {
            var body = chunk.element
            if chunk.offset == 0 {
                guard body.hasPrefix("### convmatrix ") else { continue }
                body.removeFirst("### convmatrix ".count)
            }
            let line = String(body.prefix { $0 != "\n" })
            sections[line] = "### convmatrix " + body + (body.hasSuffix("\n") ? "" : "\n")
        }
        return sections
    }

    @Test("the command lines are a few hundred, each once")
    func commandLines() {
        let lines = GoldenCommandLines.all
        #expect(lines.count >= 300)
        #expect(Set(lines).count == lines.count)
    }

    @Test("every command line prints what was recorded")
    func outputsAsRecorded() throws {
        let lines = GoldenCommandLines.all
        if Self.updating {
            let text = lines.map(Self.section).joined(separator: "\n")
            let url = TestFiles.repositoryRoot.appendingPathComponent(
                "Tests/ConvMatrixCommandLineTests/Fixtures/\(Self.path)")
            try text.write(to: url, atomically: true, encoding: .utf8)
            return
        }
        let sections = Self.recorded(try TestFiles.fixture(Self.path))
        #expect(sections.count == lines.count, "the recording has other command lines: re-record")
        var differing: [String] = []
        for line in lines where sections[line] != Self.section(line) {
            differing.append(line)
        }
        #expect(
            differing.isEmpty,
            "\(differing.count) command lines print otherwise than recorded, first: \(differing.prefix(5).joined(separator: " | "))"
        )
    }
}
