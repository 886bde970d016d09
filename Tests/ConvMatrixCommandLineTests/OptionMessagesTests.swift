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
