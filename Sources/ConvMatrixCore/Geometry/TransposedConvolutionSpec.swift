/// A transposed convolution as a user describes it, with PyTorch's `ConvTranspose*d` semantics.
///
/// Its input has `inputSize` positions per axis (the forward convolution's output size `m`) and
/// `inChannels` channels; its weight has PyTorch's layout `(in_channels, out_channels / groups,
/// kernel…)`; output position `j·s + a·d − p_before` receives `k[c, o, a]·x[c, j]` (the scatter
/// form). Its output has `n = (m − 1)·s − p_before − p_after + d·(k − 1) + a + 1` positions per
/// axis, `a` being the output padding.
public struct TransposedConvolutionSpec: Hashable, Sendable {
    /// Spatial input extents `m`.
    public var inputSize: [Int]
    /// Spatial kernel extents.
    public var kernelSize: [Int]
    /// Stride per axis (or one for all).
    public var stride: [Int]
    /// Padding amounts (the words `same` and `full` have no transposed meaning in PyTorch).
    public var padding: PaddingSpec
    /// Dilation per axis (or one for all).
    public var dilation: [Int]
    /// Output padding per axis (or one for all): extra positions at the end of the output, each
    /// smaller than the stride or the dilation of its axis (PyTorch's rule).
    public var outputPadding: [Int]
    /// Input channels (the forward convolution's output channels).
    public var inChannels: Int
    /// Output channels (the forward convolution's input channels).
    public var outChannels: Int
    /// Groups; must divide both channel counts.
    public var groups: Int
    /// Cross-correlation orientation of the forward convolution, or its flip.
    public var orientation: KernelOrientation

    /// Creates a description; nothing is checked until ``validated()``.
    public init(
        inputSize: [Int], kernelSize: [Int], stride: [Int] = [1], padding: PaddingSpec = .zero,
        dilation: [Int] = [1], outputPadding: [Int] = [0], inChannels: Int = 1,
        outChannels: Int = 1, groups: Int = 1, orientation: KernelOrientation = .crossCorrelation
    ) {
        self.inputSize = inputSize
        self.kernelSize = kernelSize
        self.stride = stride
        self.padding = padding
        self.dilation = dilation
        self.outputPadding = outputPadding
        self.inChannels = inChannels
        self.outChannels = outChannels
        self.groups = groups
        self.orientation = orientation
    }

    /// The transposed convolution of the 5×5 / 3×3 / stride 2 example: a 2×2 input, 3×3 kernel, stride 2 (output 5×5).
    public static let input2x2Kernel3x3Stride2 = TransposedConvolutionSpec(
        inputSize: [2, 2], kernelSize: [3, 3], stride: [2])
}
