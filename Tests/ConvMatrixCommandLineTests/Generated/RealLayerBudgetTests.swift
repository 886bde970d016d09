import Foundation
import Testing

/// `--max-memory` is a promise: on real network layers — ResNet-50's first layer and a 56×56,
/// 3×3, 64 → 64 block — every command that takes layer flags either answers or refuses at once
/// with one line naming the flag, and its peak resident memory (the kernel's count for the
/// child process, `ru_maxrss` from `wait4`) stays within the budget plus the fixed allowance
/// for the runtime that docs/command-line.md states (512 MiB). A test of the budget, not of
/// time.
///
/// Sanitizers use two to three times the memory; the test skips itself under them (``Sanitizer``).
/// Each case is a process of its own, measured by `wait4`, so cases run side by side.
@Suite("Real layers within --max-memory")
struct RealLayerBudgetTests {
    static let resnet =
        "--input 224x224 --kernel 7x7 --stride 2 --padding 3 --in-channels 3 --out-channels 64"
    static let block = "--input 56x56 --kernel 3x3 --padding 1 --in-channels 64 --out-channels 64"
    static let values = "--input-values random --kernel-values random --output-gradient random"

    /// The commands that take layer flags, with what each adds. (The exports that stream every
    /// entry — `unroll --format mtx` writes 2.1 GB here — are measured in docs/performance.md,
    /// not written to disk by a test.)
    static let commands = [
        "unroll", "transpose", "placements",
        "symbols", "check", "analyze", "draw --picture sparsity --format svg", "verify",
        "equivalent", "apply", "apply --transpose",
        "apply --input-values random --kernel-values random",
        "apply --transpose --input-values random --kernel-values random", "backward",
        "backward \(values)", "backward \(values) --bias random", "connectivity", "derive",
        "derive --style equations", "derive --format latex",
    ]

    /// `derive` in every style and format, with values and with `--sections`: each must print
    /// its elided document on both layers, not refuse.
    static let derivations = [
        "derive", "derive --style equations", "derive --format markdown",
        "derive --format latex --standalone", "derive --style equations --format latex",
        "derive --style equations --format markdown --lang es",
        "derive --input-values random --kernel-values random",
        "derive --style equations --input-values random --kernel-values random --format latex",
        "derive --sections unrolled,backward",
        "derive --style equations --sections forwardEquations",
    ]

    static let budget = 2 << 30
    static let allowance = 512 << 20

    @Test(
        "each command on both layers under --max-memory 2GiB answers or refuses, within it",
        .disabled(if: Sanitizer.isActive, "a sanitizer build uses 2–3× the memory"),
        arguments: commands.flatMap { [($0, resnet), ($0, block)] })
    func withinBudget(command: String, layer: String) throws {
        let outcome = try Self.run(command, on: layer)
        let line = "\(command) \(layer)"
        #expect(!outcome.timedOut, "\(line): still running after 20 minutes")
        #expect(
            outcome.exitCode == 0 || outcome.exitCode == 2,
            "\(line): \(outcome.signal.map { "signal \($0)" } ?? "") \(outcome.errors.prefix(300))")
        if outcome.exitCode == 2 {
            // Refused at once, in one line naming the flag: the budget, or a limit of its own
            // (a sparsity picture of 116 million dots is refused by --input's picture limit).
            #expect(outcome.errors.hasPrefix("error: --"), "\(line): \(outcome.errors)")
            #expect(outcome.errors.filter { $0 == "\n" }.count == 1)
            #expect(outcome.outputBytes == 0)
        }
        #expect(
            outcome.peakBytes <= Self.budget + Self.allowance,
            "\(line): peak \(outcome.peakBytes >> 20) MiB under a budget of 2 GiB")
    }

    @Test(
        "derive prints its elided document on both layers under --max-memory 2GiB, within it",
        .disabled(if: Sanitizer.isActive, "a sanitizer build uses 2–3× the memory"),
        arguments: derivations.flatMap { [($0, resnet), ($0, block)] })
    func deriveAnswers(command: String, layer: String) throws {
        let outcome = try Self.run(command, on: layer)
        let line = "\(command) \(layer)"
        #expect(outcome.exitCode == 0, "\(line): \(outcome.errors.prefix(300))")
        #expect(outcome.outputBytes > 0, "\(line): printed nothing")
        // An elided document of a few pages, not the layer's millions of entries.
        #expect(outcome.outputBytes < 2_000_000, "\(line): \(outcome.outputBytes) bytes")
        #expect(
            outcome.peakBytes <= Self.budget + Self.allowance,
            "\(line): peak \(outcome.peakBytes >> 20) MiB under a budget of 2 GiB")
    }

    /// Runs `command` on `layer` under `--max-memory 2GiB` in a scratch folder of its own, and
    /// reads what the child did: exit, output size, peak resident memory.
    static func run(_ command: String, on layer: String) throws -> ProcessOutcome {
        let executable = try #require(BuiltTool.executable)
        let scratch = FileManager.default.temporaryDirectory
            .appendingPathComponent(
                "convmatrix-real-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let arguments =
            "\(command) \(layer) --max-memory 2GiB".split(separator: " ").map(String.init)
        return BuiltTool.run(
            executable, arguments, scratch: scratch, id: 0, timeout: 1200, keep: 0)
    }
}
