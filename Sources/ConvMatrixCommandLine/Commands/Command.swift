/// What a command reports besides what it printed.
struct CommandResult: Sendable {
    /// The process exit code: 0 success, 1 a check that failed (verify).
    var exitCode: Int32 = 0
    /// Lines for standard error that are not errors (`warning: …`).
    var warnings: [String] = []
}

/// One subcommand of `convmatrix`: its help and how it runs.
///
/// A command parses nothing itself: it receives checked options, calls the library, and prints.
/// It validates everything before writing its first byte, so a usage error leaves standard
/// output empty.
protocol Command: Sendable {
    /// The name typed after `convmatrix`.
    var name: String { get }
    /// One line saying what it does.
    var abstract: String { get }
    /// Example invocations and notes, shown by `--help`.
    var discussion: String { get }
    /// The options it accepts (besides `--help`).
    var options: [OptionDefinition] { get }
    /// Runs with `arguments`, writing the result to `output`.
    func run(_ arguments: ParsedArguments, output: inout some TextOutputStream) throws(UsageError)
        -> CommandResult
}

extension Command {
    /// `convmatrix unroll --input <…> --kernel <…> [options]`.
    var usage: String {
        let required = options.filter(\.isRequired)
        let rest = options.count > required.count ? " [options]" : ""
        return (["convmatrix", name] + required.map(\.synopsis)).joined(separator: " ") + rest
    }

    /// The full help text.
    var helpText: String {
        var lines = ["OVERVIEW: \(abstract)", "", "USAGE: \(usage)", "", "OPTIONS:"]
        let width = (options + [Options.help]).map(\.synopsis.count).max() ?? 0
        for option in options + [Options.help] {
            let pad = String(repeating: " ", count: width - option.synopsis.count)
            lines.append("  \(option.synopsis)\(pad)  \(option.help)")
        }
        if !discussion.isEmpty { lines += ["", discussion] }
        return lines.joined(separator: "\n") + "\n"
    }
}

/// A command that needs to know where it runs (``Console``): one that writes binary output
/// (a GIF goes to standard output unless that is a terminal) or reports progress on long work
/// (a line on standard error when that is a terminal, unless `--quiet`).
protocol ConsoleCommand: Command {
    /// Runs with `arguments` on `console`, writing the result to `output`.
    func run(
        _ arguments: ParsedArguments, output: inout some TextOutputStream, console: Console
    ) throws(UsageError) -> CommandResult
}

extension ConsoleCommand {
    /// Runs detached from any terminal: no progress, and binary output where `output` takes it.
    func run(_ arguments: ParsedArguments, output: inout some TextOutputStream) throws(UsageError)
        -> CommandResult
    {
        try run(arguments, output: &output, console: .detached)
    }

    /// The progress line of this run: drawn on `console` unless `--quiet` was given. Call
    /// ``ProgressLine/end()`` when the command is done (a `defer`).
    func progressLine(_ arguments: ParsedArguments, console: Console) -> ProgressLine {
        ProgressLine(console: console, quiet: arguments.has(Options.quiet))
    }
}
