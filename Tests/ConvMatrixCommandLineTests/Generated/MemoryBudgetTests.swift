import Foundation
import Testing

/// Every command counts what it will build before building it: given a `--max-memory` its layer
/// exceeds, it answers with one line and exit code 2 — never by allocating first. Each run is a
/// process of the built binary under an address-space limit of the budget plus 250 MB, so a
/// command that allocates beyond its budget before checking dies here; and a command that fits
/// its budget stays near it (peak resident memory, measured by the kernel).
@Suite(
    "Memory budgets", .disabled(if: Sanitizer.isActive, "a sanitizer build uses 2–3× the memory"))
struct MemoryBudgetTests {
    /// A layer of 32,768 inputs, 30,752 outputs and a U of 2.2 million entries (18 MB).
    static let layer = "--input 64x64 --kernel 3x3 --in-channels 8 --out-channels 8"

    /// Runs `line` with `--max-memory budget` under an address-space limit of budget + 250 MB.
    static func run(_ line: String, budget: Int) throws -> ProcessOutcome {
        let executable = try #require(BuiltTool.executable)
        let scratch = FileManager.default.temporaryDirectory
            .appendingPathComponent(
                "convmatrix-memory-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let kilobytes = (budget + 250_000_000) / 1024
        let arguments =
            line.split(separator: " ").map(String.init) + ["--max-memory", "\(budget)B"]
        return BuiltTool.run(
            URL(fileURLWithPath: "/bin/sh"),
            ["-c", "ulimit -v \(kilobytes) 2>/dev/null; exec \"$0\" \"$@\"", executable.path]
                + arguments, scratch: scratch, id: 0, timeout: 60)
    }

    /// Each command with the layer, and the budget (bytes) its work exceeds: 1 MB is below the
    /// layer's elements; 16 MB admits the elements and refuses U, T or the check's vectors.
    static let refused: [(line: String, budget: Int, message: String)] = [
        ("unroll \(layer) --format mtx --pattern", 1_000_000, "a layer of 32768 inputs"),
        ("unroll \(layer) --format mtx --pattern", 16_000_000, "U (2214144 stored entries)"),
        ("transpose \(layer) --format mtx --pattern", 16_000_000, "T (2214144 stored entries)"),
        ("apply \(layer)", 1_000_000, "a layer of 32768 inputs"),
        // Elided text builds only the outputs it shows; LaTeX holds them all.
        ("apply \(layer) --format latex", 16_000_000, "U (2214144 stored entries)"),
        ("placements \(layer)", 1_000_000, "a layer of 32768 inputs"),
        ("symbols \(layer)", 1_000_000, "a layer of 32768 inputs"),
        ("symbols --of kernel \(layer)", 1_000_000, "a layer of 32768 inputs"),
        ("verify \(layer)", 16_000_000, "T (2214144 stored entries)"),
        ("equivalent \(layer)", 16_000_000, "U (2214144 stored entries)"),
        ("equivalent \(layer)", 64_000_000, "the equivalent convolution's matrix"),
        // Elided, the maps need a few rows and columns; --full needs all of them.
        // --full holds every link: counted by arithmetic before U is built.
        ("connectivity \(layer) --full", 16_000_000, "the connectivity map"),
        ("connectivity \(layer) --full", 64_000_000, "the connectivity map"),
        ("check \(layer)", 1_000_000, "a layer of 32768 inputs"),
        ("check \(layer)", 16_000_000, ""),
        // derive counts what it shows (600 B a shown term), never U: the budget must hold
        // its grids of 12×12 entries.
        ("derive \(layer)", 16_000_000, "a derivation showing 12×12 entries of up to 4 terms"),
        ("draw \(layer)", 1_000_000, "a layer of 32768 inputs"),
        ("draw --picture sparsity \(layer)", 1_000_000, "a layer of 32768 inputs"),
    ]

    @Test(
        "a budget the layer exceeds: one line naming --max-memory, exit 2, nothing built",
        arguments: refused.indices)
    func refusedOverBudget(index: Int) throws {
        let (line, budget, message) = Self.refused[index]
        let outcome = try Self.run(line, budget: budget)
        #expect(outcome.exitCode == 2, "\(line): \(outcome.errors.prefix(300))")
        #expect(outcome.outputBytes == 0)
        #expect(outcome.errors.hasPrefix("error: --max-memory: \(message)"), "\(outcome.errors)")
        #expect(outcome.errors.filter { $0 == "\n" }.count == 1)
    }

    /// Commands that fit a 64 MB budget on the layer (or refuse it), with their peak memory.
    static let fitting = [
        "unroll \(layer) --format mtx --pattern", "apply \(layer) --format latex",
        "apply \(layer)", "symbols \(layer)", "symbols --of output \(layer) --format latex",
        "check \(layer)",
        "connectivity --input 32x32 --kernel 3x3 --in-channels 4 --out-channels 4",
        "verify --input 32x32 --kernel 3x3 --in-channels 4 --out-channels 4",
        "equivalent --input 32x32 --kernel 3x3 --in-channels 4 --out-channels 4",
        "transpose --input 32x32 --kernel 3x3 --in-channels 4 --out-channels 4 --format json --kernel-values random",
        "draw --input 24x24 --kernel 3x3 --picture sparsity",
    ]

    @Test("a command that fits its budget stays near it", arguments: fitting)
    func staysNearBudget(line: String) throws {
        let budget = 64_000_000
        let baseline = try Self.run("shape --input 5x5 --kernel 3", budget: budget)
        let outcome = try Self.run(line, budget: budget)
        #expect(
            outcome.exitCode == 0 || outcome.exitCode == 2, "\(line): \(outcome.errors.prefix(300))"
        )
        if outcome.exitCode == 2 {
            #expect(outcome.errors.hasPrefix("error: --max-memory: "))
        }
        // The budget counts what a command builds; the process also holds its code, the output
        // buffer and short-lived copies: half the budget again, and 32 MB, are allowed on top.
        let allowed = baseline.peakBytes + budget * 3 / 2 + 32_000_000
        #expect(
            outcome.peakBytes <= allowed,
            "\(line): peak \(outcome.peakBytes / 1_000_000) MB under a budget of \(budget / 1_000_000) MB"
        )
    }
}
