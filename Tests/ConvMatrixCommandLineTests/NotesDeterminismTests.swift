import Foundation
import Testing

/// The same command prints the same bytes every time: documents and pictures can be committed
/// and diffed. Two runs in one process share Swift's per-process hash seed, so the runs compared
/// here are separate processes of the built binary (each with its own random seed for `Set` and
/// `Dictionary` order) and the in-process run.
@Suite("Course notes are deterministic")
struct NotesDeterminismTests {
    @Test(
        "separate processes print identical output",
        arguments: [
            "derive --input 5x5 --kernel 3x3 --stride 2 --format latex --standalone",
            "derive --input 4x4 --kernel 3x3 --in-channels 2 --out-channels 2 --format markdown --lang es",
            "derive --input 5x5 --kernel 3x3 --padding 1 --padding-mode circular --format text",
            "draw --input 5x5 --kernel 3x3 --stride 2 --format svg",
            "draw --input 4x4 --kernel 2x2 --in-channels 2 --picture sparsity --format tikz --standalone",
            "unroll --input 4x4 --kernel 3x3 --padding 1 --padding-mode reflect --format json --kernel-values random",
            "connectivity --input 5x5 --kernel 3x3 --stride 2 --format markdown",
        ])
    func identical(commandLine: String) throws {
        let executable = try #require(BuiltTool.executable)
        let scratch = FileManager.default.temporaryDirectory
            .appendingPathComponent("convmatrix-determinism-\(getpid())-\(commandLine.hashValue)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let arguments = commandLine.split(separator: " ").map(String.init)
        let runs = (0..<3).map { id in
            BuiltTool.run(
                executable, arguments, scratch: scratch, id: id, timeout: 60, keep: 1 << 26)
        }
        let inProcess = runTool(commandLine)
        #expect(inProcess.exitCode == 0)
        #expect(!inProcess.output.isEmpty)
        for run in runs {
            #expect(run.exitCode == 0)
            #expect(run.outputBytes == inProcess.output.utf8.count)
            #expect(run.output == inProcess.output)
        }
    }
}
