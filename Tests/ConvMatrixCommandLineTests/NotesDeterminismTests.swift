import Testing

/// The same command prints the same bytes every time: documents and pictures can be committed
/// and diffed.
@Suite("Course notes are deterministic")
struct NotesDeterminismTests {
    @Test(
        "two runs print identical output",
        arguments: [
            "derive --input 5x5 --kernel 3x3 --stride 2 --format latex --standalone",
            "derive --input 4x4 --kernel 3x3 --in-channels 2 --out-channels 2 --format markdown --lang es",
            "derive --input 5x5 --kernel 3x3 --padding 1 --padding-mode circular --format text",
            "draw --input 5x5 --kernel 3x3 --stride 2 --format svg",
            "draw --input 4x4 --kernel 2x2 --in-channels 2 --picture sparsity --format tikz --standalone",
        ])
    func identical(commandLine: String) {
        let first = runTool(commandLine)
        let second = runTool(commandLine)
        #expect(first.exitCode == 0)
        #expect(first.output == second.output)
    }
}
