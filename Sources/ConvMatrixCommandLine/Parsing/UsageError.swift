import ConvMatrix

/// A command line that can't be carried out as written: the message names the flag (or command)
/// and the rule, and is printed on one line with exit code 2.
public struct UsageError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The one-line message, e.g. `--stride: must be ≥ 1, got 0`.
    public let message: String

    /// Creates an error with `message`; control characters it quotes (a newline typed in a
    /// value) are escaped, so the message stays one line.
    public init(_ message: String) { self.message = OneLine.escaped(message) }

    /// An error about `flag` (given without the dashes).
    public init(flag: String, _ rule: String) { self.init("--\(flag): \(rule)") }

    /// The library's specification error, with its field written as the flag.
    public init(_ error: SpecificationError) {
        self.init(flag: error.field.rawValue, error.message)
    }

    /// The message.
    public var description: String { message }
}
