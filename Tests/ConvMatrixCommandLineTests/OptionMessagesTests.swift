import Testing

@testable import ConvMatrixCommandLine

/// Messages that help a hurried user: a misspelled flag or command gets the closest name, and
/// the usage line lists the options declared required.
@Suite("Option messages")
struct OptionMessagesTests {
    static let misspellings: [(arguments: String, message: String)] = [
        (
            "unroll --input 5x5 --kernal 3x3",
            "error: unknown option '--kernal' for 'unroll'; did you mean --kernel? (see 'convmatrix unroll --help')\n"
        ),
        (
            "transpose --input 2x2 --kernel 3 --stride 2 --output_padding 1",
            "error: unknown option '--output_padding' for 'transpose'; did you mean --output-padding? (see 'convmatrix transpose --help')\n"
        ),
        (
            "unroll --input 5x5 --kernel 3x3 --strides 2",
            "error: unknown option '--strides' for 'unroll'; did you mean --stride? (see 'convmatrix unroll --help')\n"
        ),
        (
            "unroll --input 5x5 --kernel 3x3 --in-chanels 2",
            "error: unknown option '--in-chanels' for 'unroll'; did you mean --in-channels? (see 'convmatrix unroll --help')\n"
        ),
        (
            "unroll --input 5x5 --kernel 3x3 --frobnicate",
            "error: unknown option '--frobnicate' for 'unroll' (see 'convmatrix unroll --help')\n"
        ),
        (
            "unrol --input 5x5 --kernel 3",
            "error: unknown command 'unrol'; did you mean 'unroll'? (see 'convmatrix --help')\n"
        ),
        (
            "tranpose --input 5x5 --kernel 3",
            "error: unknown command 'tranpose'; did you mean 'transpose'? (see 'convmatrix --help')\n"
        ),
    ]

    @Test("a misspelling gets the closest name, on one line, exit code 2", arguments: misspellings)
    func misspelled(arguments: String, message: String) {
        let run = runTool(arguments)
        #expect(run.exitCode == 2)
        #expect(run.output.isEmpty)
        #expect(run.errors == message)
    }

    @Test(
        "suggestions within reach only",
        arguments: [
            ("kernal", "kernel"), ("kernel-value", "kernel-values"), ("strid", "stride"),
            ("dilatoin", "dilation"), ("OUTPUT_PADDING", "output-padding"), ("kern", "kernel"),
        ])
    func closest(typed: String, expected: String) {
        let names =
            Options.layer.map(\.name) + [Options.outputPadding.name, Options.kernelValues.name]
        #expect(Suggestion.closest(to: typed, in: names) == expected)
    }

    @Test("no suggestion for a word far from every name", arguments: ["x", "colour", "zzzzzz"])
    func noSuggestion(typed: String) {
        #expect(Suggestion.closest(to: typed, in: Options.layer.map(\.name)) == nil)
    }

    @Test(
        "edit distance",
        arguments: [("", "abc", 3), ("abc", "abc", 0), ("abc", "acb", 1), ("kitten", "sitting", 3)])
    func distance(a: String, b: String, expected: Int) {
        #expect(Suggestion.editDistance(Array(a), Array(b)) == expected)
        #expect(Suggestion.editDistance(Array(b), Array(a)) == expected)
    }

    @Test("the usage line lists the options declared required, for every command")
    func requiredInUsage() {
        for command in ConvMatrixTool.commands {
            let required = command.options.filter(\.isRequired)
            for option in required { #expect(command.usage.contains(option.synopsis)) }
            let optional = command.options.filter { !$0.isRequired && $0.valueName != nil }
            for option in optional { #expect(!command.usage.contains("--\(option.name) ")) }
        }
        #expect(
            UnrollCommand().usage
                == "convmatrix unroll --input <n|nxn|nxnxn> --kernel <k|kxk|kxkxk> [options]")
    }
}

/// Sizes are named by rows and columns (depth in 3-D), never "axis 0".
@Suite("Axis names in messages")
struct AxisNamesMessagesTests {
    @Test(
        "rows, columns and depth",
        arguments: [
            (
                "unroll --input 5x7 --kernel 3x9",
                "error: --kernel: kernel spans 9 columns but the padded input has 7; it must fit\n"
            ),
            (
                "unroll --input 4x5x5 --kernel 5x3x3",
                "error: --kernel: kernel spans 5 depth slices but the padded input has 4; it must fit\n"
            ),
            (
                "unroll --input 5 --kernel 7",
                "error: --kernel: kernel spans 7 positions but the padded input has 5; it must fit\n"
            ),
            (
                "unroll --input 5x5 --kernel 3x3 --stride 1x0",
                "error: --stride: must be ≥ 1, got 0 for the columns\n"
            ),
            (
                "unroll --input 4x4 --kernel 3 --padding 4x1 --padding-mode reflect",
                "error: --padding-mode: reflect needs padding < input size on each side (PyTorch's rule), got 4 with input 4 for the rows\n"
            ),
            (
                "unroll --input 99999999999999999999 --kernel 3",
                "error: --input: 99999999999999999999 is too large (the largest is 2147483647)\n"
            ),
        ])
    func named(commandLine: String, message: String) {
        let run = runTool(commandLine)
        #expect(run.exitCode == 2 && run.output.isEmpty)
        #expect(run.errors == message)
    }

    @Test("no message of the bad-input tables says 'axis'")
    func noAxis() {
        for (arguments, _) in BadInputTests.cases where !arguments.contains("x9x9x9x9") {
            #expect(!runTool(arguments).errors.contains("axis "), "\(arguments)")
        }
    }
}

/// Each command declares the formats it writes; its help lists them and others are refused.
@Suite("Formats per command")
struct FormatsPerCommandTests {
    @Test(
        "help and refusal follow the declaration",
        arguments: [
            ("unroll", "<text|latex|mtx|json|csv>"), ("transpose", "<text|latex|mtx|json|csv>"),
            ("apply", "<text|latex|mtx|json|csv>"), ("placements", "<text|latex>"),
            ("symbols", "<text|latex>"),
        ])
    func declared(command: String, formats: String) {
        #expect(runTool([command, "--help"]).output.contains("--format \(formats)"))
        if formats == "<text|latex>" {
            let run = runTool("\(command) --input 3 --kernel 2 --format csv")
            #expect(run.errors == "error: --format: expected <text|latex>, got 'csv'\n")
        }
    }
}
