/// One keyword argument's value, as the framework's Python API (or ONNX attribute) takes it.
public enum KeywordValue: Hashable, Sendable {
    /// A string: `"same"`, `"SAME_UPPER"`.
    case string(String)
    /// A list of integers: `[2, 2]`.
    case integers([Int])
    /// A list of `[before, after]` pairs (JAX and TensorFlow explicit padding).
    case pairs([[Int]])
    /// `True` / `False`.
    case bool(Bool)
    /// Python's `None`.
    case none
}

/// A keyword argument: the API's name and its value.
public struct KeywordArgument: Hashable, Sendable {
    /// The parameter name, spelled as the API spells it (`output_padding`).
    public let name: String
    /// The value.
    public let value: KeywordValue

    /// Creates an argument.
    public init(_ name: String, _ value: KeywordValue) {
        self.name = name
        self.value = value
    }
}
