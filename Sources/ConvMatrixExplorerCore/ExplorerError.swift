/// A layer the explorer can't show, as the command line would report it: one line,
/// `error: --stride: must be ≥ 1, got 0`, exactly what `convmatrix` prints on standard error.
public struct ExplorerError: Error, Equatable, Sendable {
    /// The whole line, starting with `error: `.
    public let line: String

    /// An error whose line is `error: ` followed by `message`.
    public init(message: String) { self.line = "error: " + message }

    /// An error about `flag` (without dashes): `error: --flag: rule`.
    public init(flag: String, _ rule: String) { self.init(message: "--" + flag + ": " + rule) }
}
