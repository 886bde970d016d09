import ConvMatrix

/// A command line that can't be carried out as written: the message names the flag (or command)
/// and the rule, and is printed on one line with exit code 2.
public struct UsageError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The one-line message, e.g. `--stride: must be ≥ 1, got 0`.
    public let message: String

    /// Creates an error with `message`.
    public init(_ message: String) { self.message = message }

    /// An error about `flag` (given without the dashes).
    public init(flag: String, _ rule: String) { self.message = "--\(flag): \(rule)" }

    /// The library's specification error, with its field written as the flag and, for the
    /// budgets, how to change them (the library names no flag).
    public init(_ error: SpecificationError) {
        switch error.field {
        case .memory:
            self.init(
                flag: "max-memory", error.message + "; raise --max-memory or choose a smaller layer"
            )
        case .size:
            self.init(
                flag: "max-cells", error.message + "; raise --max-cells or use a sparse format")
        default:
            self.init(flag: error.field.rawValue, error.message)
        }
    }

    /// The message.
    public var description: String { message }
}
