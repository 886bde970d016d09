/// A convolution as a user describes it, before validation.
///
/// Per-axis fields (`stride`, `dilation`, explicit padding) hold either one value per spatial axis
/// or a single value used for every axis, as PyTorch's `stride=2` means `(2, 2)` in 2-D.
/// ``validated()`` checks every rule and resolves padding words, producing a ``Convolution``:
/// the only type the unrolling code accepts, so an invalid convolution can't be unrolled.
///
/// Layouts follow PyTorch: the input is `(in_channels, spatial…)` and the weight is
/// `(out_channels, in_channels / groups, kernel…)`.
public struct ConvolutionSpec: Hashable, Sendable {
    /// Spatial input extents (1, 2 or 3 axes, or more).
    public var inputSize: [Int]
    /// Spatial kernel extents; as many axes as `inputSize`.
    public var kernelSize: [Int]
    /// Stride per axis (or one for all).
    public var stride: [Int]
    /// Padding amounts or a padding word.
    public var padding: PaddingSpec
    /// Dilation per axis (or one for all).
    public var dilation: [Int]
    /// Input channels `C`.
    public var inChannels: Int
    /// Output channels `M`.
    public var outChannels: Int
    /// Groups `g`: input and output channels are split into `g` groups, output group `j` reading
    /// only input group `j`. Must divide both `C` and `M`.
    public var groups: Int
    /// What the padded positions contain.
    public var paddingMode: PaddingMode
    /// Cross-correlation (default) or true convolution.
    public var orientation: KernelOrientation
    /// Which rule `same` follows for strides above 1.
    public var sameRule: SameRule

    /// Creates a description; nothing is checked until ``validated()``.
    public init(
        inputSize: [Int], kernelSize: [Int], stride: [Int] = [1], padding: PaddingSpec = .zero,
        dilation: [Int] = [1], inChannels: Int = 1, outChannels: Int = 1, groups: Int = 1,
        paddingMode: PaddingMode = .zeros, orientation: KernelOrientation = .crossCorrelation,
        sameRule: SameRule = .pytorch
    ) {
        self.inputSize = inputSize
        self.kernelSize = kernelSize
        self.stride = stride
        self.padding = padding
        self.dilation = dilation
        self.inChannels = inChannels
        self.outChannels = outChannels
        self.groups = groups
        self.paddingMode = paddingMode
        self.orientation = orientation
        self.sameRule = sameRule
    }

    /// The worked example: a 5×5 input, a 3×3 kernel, stride 2, no padding (output 2×2); Dumoulin & Visin's "no padding, strides" case.
    public static let input5x5Kernel3x3Stride2 = ConvolutionSpec(
        inputSize: [5, 5], kernelSize: [3, 3], stride: [2])
}
