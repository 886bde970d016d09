import Testing

/// `--standalone` says what the user wants, a whole LaTeX document, so it implies the format.
@Suite("--standalone implies the format")
struct StandaloneImpliesFormatTests {
    @Test(
        "the same document with or without the format spelled out",
        arguments: [
            ("derive --input 5x5 --kernel 3x3 --stride 2 --standalone", "--format latex"),
            ("draw --input 5x5 --kernel 3x3 --stride 2 --standalone", "--format tikz"),
        ])
    func implied(commandLine: String, format: String) {
        let implied = runTool(commandLine)
        let explicit = runTool("\(commandLine) \(format)")
        #expect(implied.exitCode == 0)
        #expect(implied.errors.isEmpty)
        #expect(implied.output.hasPrefix("\\documentclass"))
        #expect(implied.output == explicit.output)
    }
}
