/// What each framework's layer type (``PyTorchLayer``, ``TensorFlowLayer``, ``KerasLayer``,
/// ``JAXLayer``, ``ONNXLayer``) answers alike, so that ``FrameworkLayer`` asks it in one place
/// rather than once per framework.
protocol FrameworkAPILayer: Sendable {
    /// Convolution or transposed convolution.
    var direction: FrameworkDirection { get }
    /// The layer's axes by its framework's rules, or the rule it breaks.
    func geometry(input: [Int], kernel: [Int]) throws(FrameworkError) -> FrameworkGeometry
    /// The keyword arguments (or ONNX attributes), spelled as the API spells them.
    var keywordArguments: [KeywordArgument] { get }
}

extension PyTorchLayer: FrameworkAPILayer {}
extension TensorFlowLayer: FrameworkAPILayer {}
extension KerasLayer: FrameworkAPILayer {}
extension JAXLayer: FrameworkAPILayer {}
extension ONNXLayer: FrameworkAPILayer {}

extension FrameworkLayer {
    /// The framework's own layer, whichever it is.
    var apiLayer: any FrameworkAPILayer {
        switch self {
        case .pytorch(let layer): layer
        case .tensorflow(let layer): layer
        case .keras(let layer): layer
        case .jax(let layer): layer
        case .onnx(let layer): layer
        }
    }
}
