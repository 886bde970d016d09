import ConvMatrix
import Foundation
import Testing

@testable import ConvMatrixCommandLine

/// Progress is written to standard error only: the bytes on standard output are the same with a
/// progress line drawn, with `--quiet`, and with no terminal at all. The fake clock runs a tenth
/// of a second per reading, so that even a small export "takes" long enough to draw.
@Suite("Progress never reaches the output")
struct ProgressKeepsOutputTests {
    /// A terminal whose clock advances by `tick` at every reading.
    final class FastClockTerminal: @unchecked Sendable {
        var now = 0.0
        var written = ""
        let tick: Double
        init(tick: Double) { self.tick = tick }

        var console: Console {
            Console(
                outputIsTerminal: false, errorIsTerminal: true,
                writeError: { self.written += $0 },
                seconds: {
                    self.now += self.tick
                    return self.now
                })
        }
    }

    static func run(_ arguments: [String], console: Console) -> (
        code: Int32, output: [UInt8], errors: String
    ) {
        var output = BytesOutput()
        var errors = ""
        let code = ConvMatrixTool.run(arguments, output: &output, errors: &errors, console: console)
        return (code, output.bytes, errors)
    }

    static let commandLines: [(arguments: String, activity: String)] = [
        (
            "unroll --input 24x24 --kernel 3x3 --in-channels 2 --out-channels 2 --format mtx --kernel-values random",
            "writing Matrix Market"
        ),
        ("unroll --input 12x12 --kernel 3x3 --format json", "writing JSON"),
        ("unroll --input 12x12 --kernel 3x3 --format csv", "writing CSV"),
        (
            "transpose --input 16x16 --kernel 3x3 --stride 2 --format mtx --pattern",
            "writing Matrix Market"
        ),
        ("draw --input 6x6 --kernel 3x3 --picture sliding --format gif", "encoding the GIF"),
    ]

    @Test(
        "standard output is byte for byte the same with progress, with --quiet and detached",
        arguments: commandLines)
    func sameBytes(arguments: String, activity: String) {
        let words = arguments.split(separator: " ").map(String.init)
        let terminal = FastClockTerminal(tick: 0.1)
        let shown = Self.run(words, console: terminal.console)
        let quietTerminal = FastClockTerminal(tick: 0.1)
        let quiet = Self.run(words + ["--quiet"], console: quietTerminal.console)
        let detached = Self.run(words, console: .detached)
        #expect(shown.code == 0 && quiet.code == 0 && detached.code == 0, "\(shown.errors)")
        #expect(!shown.output.isEmpty)
        #expect(shown.output == detached.output)
        #expect(quiet.output == detached.output)
        // The line was drawn on the terminal, and erased at the end.
        #expect(terminal.written.contains("\r\(activity): "))
        #expect(terminal.written.hasSuffix("\r"))
        #expect(!terminal.written.contains("\n"))
        #expect(quietTerminal.written.isEmpty)
        // Nothing goes through the errors stream (which holds warnings and errors).
        #expect(shown.errors.isEmpty)
    }

    @Test("the executable, with standard error to a pipe, writes no progress")
    func notATerminal() throws {
        let run = try BinaryStandardOutputTests.runBuilt(
            ["unroll", "--input", "64x64", "--kernel", "3x3", "--format", "mtx", "--pattern"])
        #expect(run.code == 0)
        #expect(run.errors.isEmpty)
        #expect(!run.output.isEmpty)
    }

    @Test(
        "every command that can work long takes --quiet",
        arguments: ["unroll", "transpose", "draw", "check", "analyze", "frameworks"])
    func quietOption(command: String) {
        let found = ConvMatrixTool.commands.first { $0.name == command }
        #expect(found?.options.contains(Options.quiet) == true)
        #expect(found?.helpText.contains("--quiet") == true)
    }
}
