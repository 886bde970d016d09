import ConvMatrixCore

/// A layer in one of the five frameworks' own words.
public enum FrameworkLayer: Hashable, Sendable {
    /// `torch.nn.Conv*d` / `ConvTranspose*d`.
    case pytorch(PyTorchLayer)
    /// `tf.nn.conv*d` / `conv*d_transpose`.
    case tensorflow(TensorFlowLayer)
    /// `keras.layers.Conv*D` / `Conv*DTranspose`.
    case keras(KerasLayer)
    /// `jax.lax.conv_general_dilated` / `conv_transpose`.
    case jax(JAXLayer)
    /// ONNX `Conv` / `ConvTranspose`.
    case onnx(ONNXLayer)

    /// Which framework.
    public var framework: Framework {
        switch self {
        case .pytorch: .pytorch
        case .tensorflow: .tensorflow
        case .keras: .keras
        case .jax: .jax
        case .onnx: .onnx
        }
    }

    /// Convolution or transposed convolution.
    public var direction: FrameworkDirection { apiLayer.direction }

    /// The layer's axes by its own framework's rules, or the rule it breaks.
    public func geometry(input: [Int], kernel: [Int]) throws(FrameworkError) -> FrameworkGeometry {
        try apiLayer.geometry(input: input, kernel: kernel)
    }

    /// The keyword arguments (or ONNX attributes), spelled as the API spells them.
    public var keywordArguments: [KeywordArgument] { apiLayer.keywordArguments }
}

/// What a framework makes of a layer given in another: the layer in its own words plus the
/// smallest extra operations (none when exact), or why it has none.
public enum FrameworkTranslation: Hashable, Sendable {
    /// The framework's layer and what it needs around it.
    case expressed(FrameworkLayer, ExtraOperations)
    /// A precise reason why the framework can't express the layer.
    case inexpressible(String)

    /// The translation of `target` into `framework`, by that framework's file alone.
    public static func translating(_ target: FrameworkGeometry, to framework: Framework)
        -> FrameworkTranslation
    {
        switch framework {
        case .pytorch: PyTorchLayer.expressing(target)
        case .tensorflow: TensorFlowLayer.expressing(target)
        case .keras: KerasLayer.expressing(target)
        case .jax: JAXLayer.expressing(target)
        case .onnx: ONNXLayer.expressing(target)
        }
    }

    /// Whether it is the exact equivalent, with no extra operation.
    public var isExact: Bool {
        if case .expressed(_, let extras) = self { return extras.isEmpty }
        return false
    }
}

extension ExtraOperations {
    /// No pad, no crop, and the kernel flipped or not.
    static func none(rank: Int, flipKernel: Bool) -> ExtraOperations {
        var extras = ExtraOperations.none(rank: rank)
        extras.flipKernel = flipKernel
        return extras
    }
}
