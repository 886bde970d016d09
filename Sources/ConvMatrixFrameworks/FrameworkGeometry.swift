import ConvMatrixCore

/// Whether a layer is a convolution or a transposed convolution.
public enum FrameworkDirection: String, Hashable, Sendable {
    /// A convolution: output `i` reads inputs `i·s + a·d − offset`.
    case forward
    /// A transposed convolution: input `j` adds into outputs `j·s + a·d − offset`.
    case transposed
}

/// One spatial axis of a layer, in terms that every framework's rules reduce to.
///
/// A framework's padding words, pad lists and output sizes all come down to two numbers per
/// axis: where the first window starts (``offset``) and how many outputs there are
/// (``outputSize``). Two layers with the same axes have the same matrix, entry by entry:
/// - forward, tap `a` of output `i` reads input `q = i·s + a·d − offset` (zero when `q` lies
///   outside `0…n−1`): `offset` is the padding before the input;
/// - transposed, tap `a` sends input `j` to output `o = j·s + a·d − offset` (dropped when `o`
///   lies outside `0…n−1`): `offset` is the number of positions cropped from the start of the
///   full scatter, PyTorch's `padding`.
///
/// The padding *after* the input is not a separate number: on the forward side every `after` in
/// a window of `s` values gives the same outputs, and on the transposed side it is the output
/// size that says where the output ends.
public struct FrameworkAxis: Hashable, Sendable {
    /// Convolution or transposed convolution (which ``offset`` and ``after`` depend on).
    public let direction: FrameworkDirection
    /// Input positions.
    public let inputSize: Int
    /// Kernel taps `k`.
    public let kernelSize: Int
    /// Stride `s ≥ 1`.
    public let stride: Int
    /// Dilation `d ≥ 1`.
    public let dilation: Int
    /// The padding before the input (forward) or the crop before the output (transposed); may be
    /// negative (a crop of the input, or zeros before the output).
    public let offset: Int
    /// Output positions.
    public let outputSize: Int

    /// Creates an axis; the framework rules check the values before they build one.
    public init(
        _ direction: FrameworkDirection, inputSize: Int, kernelSize: Int, stride: Int,
        dilation: Int,
        offset: Int, outputSize: Int
    ) {
        self.direction = direction
        self.inputSize = inputSize
        self.kernelSize = kernelSize
        self.stride = stride
        self.dilation = dilation
        self.offset = offset
        self.outputSize = outputSize
    }

    /// `k_e = d·(k − 1) + 1`, the span of the dilated kernel.
    public var dilatedKernel: Int { dilation * (kernelSize - 1) + 1 }

    /// Transposed: `(m − 1)·s + k_e`, the length of the full scatter before any crop.
    public var fullScatter: Int { (inputSize - 1) * stride + dilatedKernel }

    /// Forward: the smallest padding after the input that gives ``outputSize`` outputs,
    /// `(m − 1)·s + k_e − n − offset`; every value up to `s − 1` more gives the same outputs.
    /// Transposed: the crop after the full scatter, `(m − 1)·s + k_e − offset − n` (negative when
    /// the output runs past the scatter, as an output padding makes it).
    public var after: Int {
        switch direction {
        case .forward: (outputSize - 1) * stride + dilatedKernel - inputSize - offset
        case .transposed: fullScatter - offset - outputSize
        }
    }
}

/// A layer as the framework rules see it: a direction, one ``FrameworkAxis`` per spatial axis,
/// and whether the kernel's taps are used in reverse.
///
/// This is what each framework's own rules produce from that framework's parameters
/// (`PyTorchLayer.geometry`, `TensorFlowLayer.geometry`, …), and what a translation must
/// reproduce. One input and one output channel: padding and output sizes do not depend on
/// channels.
public struct FrameworkGeometry: Hashable, Sendable {
    /// Convolution or transposed convolution.
    public let direction: FrameworkDirection
    /// The spatial axes, outermost first.
    public let axes: [FrameworkAxis]
    /// Whether tap `a` of each axis is used as tap `k − 1 − a` of PyTorch's orientation: JAX's
    /// `conv_transpose` with `transpose_kernel=False` (its default) does not flip the kernel, so
    /// the same weights give the PyTorch layer's kernel reversed.
    public let kernelFlipped: Bool

    /// Creates a geometry; every axis must have `direction`.
    public init(direction: FrameworkDirection, axes: [FrameworkAxis], kernelFlipped: Bool = false) {
        self.direction = direction
        self.axes = axes
        self.kernelFlipped = kernelFlipped
    }

    /// The number of spatial axes.
    public var rank: Int { axes.count }
    /// Input sizes per axis.
    public var inputSize: [Int] { axes.map(\.inputSize) }
    /// Output sizes per axis.
    public var outputSize: [Int] { axes.map(\.outputSize) }
    /// Kernel sizes per axis.
    public var kernelSize: [Int] { axes.map(\.kernelSize) }
    /// Strides per axis.
    public var stride: [Int] { axes.map(\.stride) }
    /// Dilations per axis.
    public var dilation: [Int] { axes.map(\.dilation) }
}
