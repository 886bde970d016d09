import Foundation
import Testing

@testable import ConvMatrixCommandLine

/// The built `convmatrix` binary, run as a separate process over a few thousand generated
/// command lines (``GeneratedCommandLines``), never crashes, traps or hangs, and answers bad
/// input the way the command line promises: one line on standard error, exit code 2, nothing on
/// standard output.
///
/// Each process runs under a 3 GB address-space limit, and every line of a command that has a
/// memory budget carries `--max-memory 256MB` unless the line sets its own: a command that
/// allocates far beyond its budget dies here instead of taking the machine's memory.
@Suite("Generated command lines")
struct GeneratedCommandLineTests {
    /// What went wrong with one line, or nil.
    static func problem(_ outcome: ProcessOutcome) -> String? {
        if outcome.timedOut { return "did not finish within the deadline (hang)" }
        if let signal = outcome.signal { return "killed by signal \(signal)" }
        guard let code = outcome.exitCode else { return "did not exit normally" }
        for trap in ["Fatal error", "fatal error", "Illegal instruction", "Current stack trace"]
        where outcome.errors.contains(trap) {
            return "trapped: \(outcome.errors.prefix(300))"
        }
        guard [0, 1, 2].contains(code) else { return "exit code \(code)" }
        if code != 0 && outcome.outputBytes > 0 {
            return "exit code \(code) with \(outcome.outputBytes) bytes on standard output"
        }
        if code == 2 {
            let lines = outcome.errors.split(separator: "\n", omittingEmptySubsequences: false)
            guard lines.count == 2, lines[1].isEmpty, lines[0].hasPrefix("error: ") else {
                return "usage error not on one line 'error: …': \(outcome.errors.prefix(300))"
            }
        }
        return nil
    }

    /// The line as it runs: with a memory budget when the command has one and the line none.
    static func prepared(_ line: [String]) -> [String] {
        guard
            let command = ConvMatrixTool.commands.first(where: { $0.name == line.first }),
            command.options.contains(where: { $0.name == "max-memory" }),
            !line.contains(where: { $0.hasPrefix("--max-memory") })
        else { return line }
        return line + ["--max-memory", "256MB"]
    }

    @Test("every generated command line exits 0, 1 or 2 without a crash, a trap or a hang")
    func generated() throws {
        let executable = try #require(
            BuiltTool.executable,
            "the convmatrix executable was not found next to the tests or in .build/debug")
        let scratch = FileManager.default.temporaryDirectory
            .appendingPathComponent("convmatrix-generated-\(getpid())")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let lines = GeneratedCommandLines.all().map(Self.prepared).map { line in
            line.map { $0.replacingOccurrences(of: "{scratch}", with: scratch.path) }
        }
        #expect(lines.count >= 2000)

        let queue = WorkQueue(count: lines.count)
        let results = ResultBox(count: lines.count)
        let workers = max(2, min(8, ProcessInfo.processInfo.activeProcessorCount * 2))
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            while let index = queue.take() {
                let outcome = BuiltTool.run(
                    URL(fileURLWithPath: "/bin/sh"),
                    ["-c", Self.limitScript, executable.path] + lines[index],
                    scratch: scratch, id: index, timeout: 20)
                results.set(index, outcome)
            }
        }
        var failures: [String] = []
        for (index, line) in lines.enumerated() {
            guard let outcome = results.get(index) else { continue }
            if let problem = Self.problem(outcome) {
                failures.append("convmatrix \(Self.quoted(line)): \(problem)")
            }
        }
        #expect(
            failures.isEmpty,
            "\(failures.count) failing lines:\n\(failures.prefix(40).joined(separator: "\n"))")
    }

    /// The shell line that limits the address space to 3 GB and runs the tool. Not under a
    /// sanitizer, whose shadow memory alone reserves more address space than that (a
    /// ThreadSanitizer build cannot start under the limit and exits with code 66).
    static let limitScript =
        Sanitizer.isActive
        ? "exec \"$0\" \"$@\"" : "ulimit -v 3000000 2>/dev/null; exec \"$0\" \"$@\""

    /// The arguments quoted for a shell, to reproduce a failure by pasting it.
    static func quoted(_ arguments: some Sequence<String>) -> String {
        arguments.map { argument in
            argument.allSatisfy { $0.isLetter || $0.isNumber || "-_=.,:/x×".contains($0) }
                && !argument.isEmpty
                ? argument : "'" + argument.replacingOccurrences(of: "'", with: "'\\''") + "'"
        }.joined(separator: " ")
    }

    @Test("the checks catch what they are for")
    func checksCanFail() {
        func outcome(code: Int32?, signal: Int32? = nil, out: Int = 0, err: String = "")
            -> ProcessOutcome
        {
            ProcessOutcome(
                exitCode: code, signal: signal, timedOut: false, outputBytes: out, output: "",
                errors: err, seconds: 0)
        }
        #expect(Self.problem(outcome(code: 0)) == nil)
        #expect(Self.problem(outcome(code: 2, err: "error: --x: y\n")) == nil)
        #expect(Self.problem(outcome(code: nil, signal: 4)) != nil)
        #expect(Self.problem(outcome(code: 2, out: 1, err: "error: --x: y\n")) != nil)
        #expect(Self.problem(outcome(code: 2, err: "error: a\nb\n")) != nil)
        #expect(Self.problem(outcome(code: 2, err: "oops\n")) != nil)
        #expect(Self.problem(outcome(code: 0, err: "Fatal error: Index out of range")) != nil)
        #expect(Self.problem(outcome(code: 3)) != nil)
        let hang = ProcessOutcome(
            exitCode: nil, signal: nil, timedOut: true, outputBytes: 0, output: "", errors: "",
            seconds: 20)
        #expect(Self.problem(hang) != nil)
    }

    @Test("the runner sees a crash of the built binary as a crash")
    func runnerSeesSignals() throws {
        let scratch = FileManager.default.temporaryDirectory
            .appendingPathComponent("convmatrix-runner-\(getpid())")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let shell = URL(fileURLWithPath: "/bin/sh")
        let killed = BuiltTool.run(
            shell, ["-c", "kill -ILL $$"], scratch: scratch, id: 0, timeout: 5)
        #expect(Self.problem(killed) != nil)
        let slow = BuiltTool.run(
            shell, ["-c", "sleep 5"], scratch: scratch, id: 1, timeout: 0.2)
        #expect(slow.timedOut)
        let executable = try #require(BuiltTool.executable)
        let ok = BuiltTool.run(
            executable, ["shape", "--input", "5x5", "--kernel", "3"], scratch: scratch, id: 2,
            timeout: 20)
        #expect(ok.exitCode == 0 && ok.outputBytes > 0)
    }
}

/// Outcomes by line, written by many threads.
final class ResultBox: @unchecked Sendable {
    private let lock = NSLock()
    private var outcomes: [ProcessOutcome?]

    init(count: Int) { outcomes = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ outcome: ProcessOutcome) {
        lock.lock()
        outcomes[index] = outcome
        lock.unlock()
    }

    func get(_ index: Int) -> ProcessOutcome? {
        lock.lock()
        defer { lock.unlock() }
        return outcomes[index]
    }
}
