import ConvMatrix
import ConvMatrixLayerFlags

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

    /// The library's specification error, with its field written as the flag and, for the
    /// rules an option changes, which option (the library names no flag).
    public init(_ error: SpecificationError) {
        let flag = Self.flag(for: error.field)
        switch error.rule {
        case .memoryBudget?:
            self.init(flag: flag, error.message + "; raise --max-memory or choose a smaller layer")
        case .denseCellLimit?:
            self.init(flag: flag, error.message + "; raise --max-cells or use a sparse format")
        case .sameNeedsStrideOne?:
            self.init(flag: flag, error.message + " (--same-rule tensorflow)")
        case nil:
            self.init(flag: flag, error.message)
        }
    }

    /// A limit of a stack's composed matrix or supports, blamed on `--max-memory` (the budget a
    /// user raises), with how to raise it when the limit is the memory budget.
    init(_ limit: ComposedLimit) {
        self.init(
            flag: "max-memory",
            limit.description + (limit.isMemoryBudget ? "; " + Hints.stackMemory : ""))
    }

    /// The option (without dashes) that sets a field of the library's descriptions: the one
    /// place where library fields meet command-line names.
    static func flag(for field: SpecificationField) -> String {
        switch field {
        case .input, .kernel, .stride, .padding, .dilation, .outputPadding, .inChannels,
            .outChannels, .groups, .paddingMode:
            // The layer's fields are spelled as the layer flags (LayerFlag).
            field.rawValue
        case .kernelValues: "kernel-values"
        case .inputValues: "input-values"
        case .names: "names"
        case .indexBase: "index-base"
        case .bias: "bias"
        case .outputGradient: "output-gradient"
        case .size: "max-cells"
        case .memory: "max-memory"
        }
    }

    /// The message.
    public var description: String { message }
}
