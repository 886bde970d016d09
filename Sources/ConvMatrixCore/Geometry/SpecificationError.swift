/// The field of a convolution description that an error is about.
///
/// The raw values are the command-line spellings without the leading `--`, so that the command
/// line can name the flag a user typed and the library can name the same field in its own terms.
public enum SpecificationField: String, Sendable, Hashable, CaseIterable {
    case input
    case kernel
    case stride
    case padding
    case dilation
    case outputPadding = "output-padding"
    case inChannels = "in-channels"
    case outChannels = "out-channels"
    case groups
    case paddingMode = "padding-mode"
    case kernelValues = "kernel-values"
    case inputValues = "input-values"
    case names
    case size = "max-cells"
    case memory = "max-memory"
}

/// A convolution description that breaks a rule, with a message a user can act on.
///
/// The message says the rule and the offending value, e.g. `must be ≥ 1, got 0`; `description`
/// prefixes the field: `stride: must be ≥ 1, got 0`. Every validation in the library reports
/// through this one type, so the command line can print it as a single line.
public struct SpecificationError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The field that breaks the rule.
    public let field: SpecificationField
    /// The rule and the value that breaks it, without the field name.
    public let message: String

    /// Creates an error about `field` saying `message`.
    public init(_ field: SpecificationField, _ message: String) {
        self.field = field
        self.message = message
    }

    /// `field: message`, one line.
    public var description: String { "\(field.rawValue): \(message)" }
}
