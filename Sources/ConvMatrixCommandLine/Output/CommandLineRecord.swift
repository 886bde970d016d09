/// The command line a file came from, written into its header (`.mtx` comments, the JSON
/// `command` field): every option as given, kernel values included, so that the file says how
/// to make it again.
enum CommandLineRecord {
    /// `convmatrix <command> --flag value …`, options in the order given, under their canonical
    /// names, words in their one spelling. Random values record their seed (`--seed 1` when it
    /// was left at its default). `--quiet` is left out: it changes what standard error shows,
    /// never the file.
    static func line(_ command: String, _ arguments: ParsedArguments) -> String {
        var parts = ["convmatrix", command]
        for (name, value) in arguments.given where name != Options.quiet.name {
            parts.append("--\(name)")
            if let value { parts.append(quoted(value)) }
        }
        let random = [Options.kernelValues, Options.inputValues].contains {
            arguments.value($0) == "random"
        }
        if random && arguments.value(Options.seed) == nil { parts += ["--seed", "1"] }
        return parts.joined(separator: " ")
    }

    /// A value as a POSIX shell reads it back: bare when it holds only safe characters, else
    /// in single quotes.
    static func quoted(_ value: String) -> String {
        let safe = value.allSatisfy {
            $0.isASCII && ($0.isLetter || $0.isNumber || "-_.,:/+=x@%".contains($0))
        }
        if safe && !value.isEmpty { return value }
        return "'"
            + value.split(separator: "'", omittingEmptySubsequences: false).joined(
                separator: "'\\''")
            + "'"
    }
}
