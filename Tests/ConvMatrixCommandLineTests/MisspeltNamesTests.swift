import Testing

@testable import ConvMatrixCommandLine

/// "Did you mean …?" wherever a name can be mistyped: convmatrix's own options before any
/// command (`--verison`), an option typed with one dash (`-input`), an option typed as a command
/// (`version`), besides a command's options and the command names (OptionMessagesTests).
@Suite("Misspelt names get the closest one")
struct MisspeltNamesTests {
    static let lines: [(arguments: [String], message: String)] = [
        (
            ["--verison"],
            "error: unknown option '--verison'; did you mean --version? (see 'convmatrix --help')\n"
        ),
        (
            ["--versoin", "--input", "5"],
            "error: unknown option '--versoin'; did you mean --version? (see 'convmatrix --help')\n"
        ),
        (
            ["--hlep"],
            "error: unknown option '--hlep'; did you mean --help? (see 'convmatrix --help')\n"
        ),
        (
            ["--generate-completion-scrip", "bash"],
            "error: unknown option '--generate-completion-scrip'; did you mean --generate-completion-script? (see 'convmatrix --help')\n"
        ),
        (
            ["-version"],
            "error: unknown option '-version'; did you mean --version? (see 'convmatrix --help')\n"
        ),
        (
            ["version"],
            "error: unknown command 'version'; did you mean '--version'? (see 'convmatrix --help')\n"
        ),
        (
            ["unroll", "-input", "5", "--kernel", "3"],
            "error: unexpected argument '-input' for 'unroll'; options start with --; did you mean --input? (see 'convmatrix unroll --help')\n"
        ),
        (
            ["draw", "--input", "5", "--kernel", "3", "--quite"],
            "error: unknown option '--quite' for 'draw'; did you mean --quiet? (see 'convmatrix draw --help')\n"
        ),
        (
            ["help", "unrol"],
            "error: unknown command 'unrol'; did you mean 'unroll'? (see 'convmatrix --help')\n"
        ),
    ]

    @Test(
        "one line with the closest name, nothing on standard output, exit code 2", arguments: lines)
    func misspelt(arguments: [String], message: String) {
        let run = runTool(arguments)
        #expect(run.exitCode == 2)
        #expect(run.output.isEmpty)
        #expect(run.errors == message)
    }

    @Test("a leading option of the default command still means unroll")
    func defaultCommand() {
        #expect(runTool("--input 5 --kernel 3").exitCode == 0)
        #expect(
            runTool("--input 5 --kernal 3").errors
                == "error: unknown option '--kernal' for 'unroll'; did you mean --kernel? (see 'convmatrix unroll --help')\n"
        )
        #expect(runTool(["--version"]).output == "convmatrix \(ConvMatrixTool.version)\n")
    }
}
