/// The field of a convolution description that an error is about.
///
/// The raw values of the layer's own fields are the layer-flag spellings (`LayerFlag` of
/// ConvMatrixLayerFlags, a module above this one), which the command line and the explorer's URL
/// fragment share; the other fields have plain names. Which option of a program a field
/// corresponds to is for that program to say.
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
    case kernelValues
    case inputValues
    case names
    /// The first printed index (`--index-base`).
    case indexBase
    /// A layer's bias values.
    case bias
    /// The upstream gradient δ's values.
    case outputGradient
    /// The size of a dense rendering (cells).
    case size
    /// Memory.
    case memory
}

/// The rule a ``SpecificationError`` breaks, with its numbers, for the rules a program may want
/// to explain in its own terms (which option raises a budget, which option changes a rule).
public enum SpecificationRule: Hashable, Sendable {
    /// `same` padding with a stride above 1 under PyTorch's rule; TensorFlow's SAME rule pads
    /// for any stride.
    case sameNeedsStrideOne(stride: Int)
    /// Work over the memory budget: the bytes needed (nil: more than an `Int` holds) and the
    /// budget.
    case memoryBudget(needed: Int?, budget: Int)
    /// A dense rendering over the cell limit: its size and the limit.
    case denseCellLimit(rows: Int, columns: Int, limit: Int)
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
    /// The rule broken, for the rules a caller may explain in its own terms; nil for the others.
    public let rule: SpecificationRule?

    /// Creates an error about `field` saying `message`, breaking `rule`.
    public init(_ field: SpecificationField, _ message: String, rule: SpecificationRule? = nil) {
        self.field = field
        self.message = message
        self.rule = rule
    }

    /// `field: message`, one line.
    public var description: String { "\(field.rawValue): \(message)" }
}
