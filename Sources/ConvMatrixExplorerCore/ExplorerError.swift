import ConvMatrixCore

/// A layer the explorer can't show, as the command line would report it: one line,
/// `error: --stride: must be ≥ 1, got 0`, exactly what `convmatrix` prints on standard error.
public struct ExplorerError: Error, Equatable, Sendable {
    /// The whole line, starting with `error: `.
    public let line: String

    /// An error whose line is `error: ` followed by `message`.
    public init(message: String) { self.line = "error: " + message }

    /// An error about `flag` (without dashes): `error: --flag: rule`.
    public init(flag: String, _ rule: String) { self.init(message: "--" + flag + ": " + rule) }

    /// A rule of the library broken while building the page's answer. The layer's fields are
    /// spelled as the layer flags; a budget has no flag in the page (its budget is fixed), so it
    /// is blamed on the input, the size that makes a layer large.
    public init(_ error: SpecificationError) {
        switch error.field {
        case .memory, .size:
            self.init(
                flag: "input",
                error.message + "; the page's budget is fixed: choose a smaller layer")
        default:
            self.init(flag: error.field.rawValue, error.message)
        }
    }
}
