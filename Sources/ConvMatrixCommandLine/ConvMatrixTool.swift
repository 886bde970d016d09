import ConvMatrix

/// The `convmatrix` command: dispatches to a subcommand, prints help, and turns errors into one
/// line on standard error with exit code 2.
///
/// The executable forwards its arguments here; tests call ``run(_:output:errors:)`` directly.
public enum ConvMatrixTool {
    /// The version `convmatrix --version` prints.
    public static let version = "0.1.0"

    /// The subcommands, in the order help lists them.
    static let commands: [any Command] = [
        UnrollCommand(), TransposeCommand(), ApplyCommand(), PlacementsCommand(), SymbolsCommand(),
        VerifyCommand(), EquivalentCommand(), ConnectivityCommand(), ShapeCommand(), CheckCommand(),
        DeriveCommand(), DrawCommand(), ExploreCommand(), BackwardCommand(), FrameworksCommand(),
        AnalyzeCommand(), ComposeCommand(),
    ]

    /// Runs `convmatrix` with `arguments` (without the program name) and returns the exit code:
    /// 0 success, 1 a failed check, 2 a usage error. Usage errors write one line to `errors` and
    /// nothing to `output`. Runs detached from any terminal (``Console/detached``): no progress
    /// line, and a binary format goes to `output` when it takes bytes.
    public static func run(
        _ arguments: [String], output: inout some TextOutputStream,
        errors: inout some TextOutputStream
    ) -> Int32 {
        run(arguments, output: &output, errors: &errors, console: .detached)
    }

    /// ``run(_:output:errors:)`` on `console`: the executable passes ``Console/standard``, so
    /// that a GIF is refused only on a terminal and long work shows its progress on one.
    public static func run(
        _ arguments: [String], output: inout some TextOutputStream,
        errors: inout some TextOutputStream, console: Console
    ) -> Int32 {
        do {
            let result = try dispatch(arguments, output: &output, console: console)
            for warning in result.warnings { errors.write(warning + "\n") }
            return result.exitCode
        } catch {
            errors.write("error: \(error.message)\n")
            return 2
        }
    }

    /// The options `convmatrix` itself takes before any command.
    static let topLevelOptions = ["help", "version", "generate-completion-script"]

    private static func dispatch(
        _ arguments: [String], output: inout some TextOutputStream, console: Console
    ) throws(UsageError) -> CommandResult {
        guard let first = arguments.first else {
            return try DefaultExample.run(output: &output)
        }
        switch first {
        case "--help", "-h":
            output.write(generalHelp)
            return CommandResult()
        case "--version":
            output.write("convmatrix \(version)\n")
            return CommandResult()
        case "--generate-completion-script":
            let shells = CompletionScript.Shell.allCases.map(\.rawValue).joined(separator: "|")
            guard arguments.count == 2 else {
                throw UsageError(
                    flag: "generate-completion-script", "expects one shell, <\(shells)>")
            }
            let names = CompletionScript.Shell.allCases.map(\.rawValue)
            guard
                let shell = CompletionScript.Shell(
                    rawValue: OptionDefinition.word(arguments[1], among: names) ?? arguments[1])
            else {
                throw UsageError(
                    flag: "generate-completion-script",
                    "expected <\(shells)>, got '\(arguments[1])'")
            }
            output.write(CompletionScript.script(for: shell, commands: commands))
            return CommandResult()
        case "help":
            guard arguments.count <= 2 else {
                throw UsageError(
                    "help takes at most one command name, got \(arguments.count - 1) arguments")
            }
            guard arguments.count == 2 else {
                output.write(generalHelp)
                return CommandResult()
            }
            output.write(try command(named: arguments[1]).helpText)
            return CommandResult()
        default:
            break
        }
        // A leading option means the default command, unroll, unless it is a slip of one of
        // convmatrix's own (--verison).
        if first.hasPrefix("-") { try refuseMisspeltTopLevelOption(first) }
        let (command, rest) =
            first.hasPrefix("-")
            ? (UnrollCommand() as any Command, arguments)
            : (try command(named: first), Array(arguments.dropFirst()))
        let parsed = try ParsedArguments(
            rest, allowed: command.options + [Options.help], command: command.name)
        if parsed.has(Options.help) {
            output.write(command.helpText)
            return CommandResult()
        }
        if let command = command as? any ConsoleCommand {
            return try command.run(parsed, output: &output, console: console)
        }
        return try command.run(parsed, output: &output)
    }

    /// Refuses a leading option that is no option of `unroll` (the default command) but is
    /// close to one `convmatrix` takes itself: `--verison` gets "did you mean --version?".
    private static func refuseMisspeltTopLevelOption(_ argument: String) throws(UsageError) {
        var name = String(argument.drop(while: { $0 == "-" }))
        if let equals = name.firstIndex(of: "=") { name = String(name[..<equals]) }
        let unroll = UnrollCommand().options + [Options.help]
        let known = Set(unroll.flatMap { [$0.name] + $0.aliases } + topLevelOptions)
        // `--input` is unroll's; `-input` and `-version` are a dash short, and said so below.
        let typedWell = argument.hasPrefix("--") && known.contains(name)
        guard !typedWell,
            let close = Suggestion.closest(to: name, in: topLevelOptions + unroll.map(\.name)),
            topLevelOptions.contains(close)
        else { return }
        throw UsageError(
            "unknown option '\(argument)'; did you mean --\(close)? (see 'convmatrix --help')")
    }

    private static func command(named name: String) throws(UsageError) -> any Command {
        guard let command = commands.first(where: { $0.name == name }) else {
            if let close = Suggestion.closest(to: name, in: commands.map(\.name)) {
                throw UsageError(
                    "unknown command '\(name)'; did you mean '\(close)'? (see 'convmatrix --help')")
            }
            // `convmatrix version`: an option of convmatrix's own, typed as a command.
            if let close = Suggestion.closest(to: name, in: topLevelOptions), name.count > 3 {
                throw UsageError(
                    "unknown command '\(name)'; did you mean '--\(close)'? (see 'convmatrix --help')"
                )
            }
            throw UsageError(
                "unknown command '\(name)'; the commands are \(commands.map(\.name).joined(separator: ", ")) (see 'convmatrix --help')"
            )
        }
        return command
    }

    /// `convmatrix --help`.
    static var generalHelp: String {
        let width = commands.map(\.name.count).max() ?? 0
        let list = commands.map {
            "  \($0.name)\(String(repeating: " ", count: width - $0.name.count))  \($0.abstract)"
        }
        return """
            OVERVIEW: Show a convolution as a matrix: the unrolled matrix U, its transpose (the
            transposed convolution), and the symbolic products that connect inputs and outputs.

            USAGE: convmatrix [<command>] --input <size> --kernel <size> [options]
                   convmatrix            (the example: 5×5 input, 3×3 kernel, stride 2)

            COMMANDS (unroll when omitted):
            \(list.joined(separator: "\n"))

            Run 'convmatrix help <command>' or 'convmatrix <command> --help' for its options.
            Shell completion: convmatrix --generate-completion-script bash|zsh|fish.
            Axes are joined by x (5x5); a padding axis is p or before:after (0:1x1:0).
            Exit codes: 0 success, 1 a check failed, 2 a usage error.

            """
    }
}
