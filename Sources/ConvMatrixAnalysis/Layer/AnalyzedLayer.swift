import ConvMatrixCore

/// One linear layer the analysis can read: a convolution (matrix U) or a transposed
/// convolution (matrix T), both in the column convention `y = A·x` with inputs and outputs
/// flattened channel first, then row-major (PyTorch's layout).
///
/// Everything the analysis says about a layer is computed on the ``ConvMatrixCore/TapMatrix`` this type
/// builds; the geometry (strides, kernels, paddings per axis) is used only to *predict* what
/// the matrix shows, and each prediction is then checked on the matrix.
public enum AnalyzedLayer: Hashable, Sendable {
    /// A forward convolution, `y = U·x`.
    case convolution(Convolution)
    /// A transposed convolution, `z = T·y`.
    case transposed(TransposedConvolution)

    /// Input channels.
    public var inChannels: Int {
        switch self {
        case .convolution(let c): c.inChannels
        case .transposed(let t): t.inChannels
        }
    }

    /// Output channels.
    public var outChannels: Int {
        switch self {
        case .convolution(let c): c.outChannels
        case .transposed(let t): t.outChannels
        }
    }

    /// Groups.
    public var groups: Int {
        switch self {
        case .convolution(let c): c.groups
        case .transposed(let t): t.groups
        }
    }

    /// Spatial input extents.
    public var inputExtents: Extents {
        switch self {
        case .convolution(let c): c.inputExtents
        case .transposed(let t): t.inputExtents
        }
    }

    /// Spatial output extents.
    public var outputExtents: Extents {
        switch self {
        case .convolution(let c): c.outputExtents
        case .transposed(let t): t.outputExtents
        }
    }

    /// Entries of the flattened input, `C_in · Π n`.
    public var inputCount: Int { inChannels * inputExtents.count }
    /// Entries of the flattened output, `C_out · Π m`.
    public var outputCount: Int { outChannels * outputExtents.count }
    /// The number of spatial axes.
    public var rank: Int { inputExtents.rank }

    /// The weight layout (PyTorch's order; for a transposed layer `(C_in, C_out/g, k…)`).
    public var kernelLayout: KernelLayout {
        switch self {
        case .convolution(let c): c.kernelLayout
        case .transposed(let t): t.kernelLayout
        }
    }

    /// Whether this is a transposed convolution.
    public var isTransposed: Bool {
        if case .transposed = self { return true }
        return false
    }

    /// Per axis: kernel size, stride, dilation and padding before, as the layer uses them.
    public var axisGeometry: [AxisGeometry] {
        switch self {
        case .convolution(let c):
            c.axes.map {
                AxisGeometry(
                    kernel: $0.kernelSize, stride: $0.stride, dilation: $0.dilation,
                    paddingBefore: $0.padding.before, paddingAfter: $0.padding.after)
            }
        case .transposed(let t):
            t.axes.map {
                AxisGeometry(
                    kernel: $0.kernelSize, stride: $0.stride, dilation: $0.dilation,
                    paddingBefore: $0.padding.before, paddingAfter: $0.padding.after)
            }
        }
    }

    /// The padding mode (a transposed convolution always crops, which is zeros).
    public var paddingMode: PaddingMode {
        switch self {
        case .convolution(let c): c.paddingMode
        case .transposed: .zeros
        }
    }

    /// The layer's matrix, `U` or `T`, within `limits`.
    public func matrix(limits: ResourceLimits = .default) throws(SpecificationError) -> TapMatrix {
        switch self {
        case .convolution(let c): try c.unrolled(limits: limits)
        case .transposed(let t): try t.unrolled(limits: limits)
        }
    }

    /// The transposed layer whose overlap the analysis maps: for a convolution, the transposed
    /// convolution with matrix `Uᵀ` (outputs = this layer's inputs); for a transposed
    /// convolution, the layer itself.
    ///
    /// Returned as the per-axis geometry of a *scatter*: input `j` of the transposed layer
    /// lands at output `j·s + a·d − p_before`, for `m` inputs and `n` outputs per axis.
    public var scatterAxes: [ScatterAxis] {
        switch self {
        case .convolution(let c):
            c.axes.map {
                ScatterAxis(
                    inputs: $0.outputSize, outputs: $0.inputSize, kernel: $0.kernelSize,
                    stride: $0.stride, dilation: $0.dilation, paddingBefore: $0.padding.before)
            }
        case .transposed(let t):
            t.axes.map {
                ScatterAxis(
                    inputs: $0.inputSize, outputs: $0.outputSize, kernel: $0.kernelSize,
                    stride: $0.stride, dilation: $0.dilation, paddingBefore: $0.padding.before)
            }
        }
    }
}

/// The sizes of one axis of a layer.
public struct AxisGeometry: Hashable, Sendable {
    /// Kernel taps `k`.
    public let kernel: Int
    /// Stride `s`.
    public let stride: Int
    /// Dilation `d`.
    public let dilation: Int
    /// Padding before.
    public let paddingBefore: Int
    /// Padding after.
    public let paddingAfter: Int

    /// The sizes of one axis.
    public init(kernel: Int, stride: Int, dilation: Int, paddingBefore: Int, paddingAfter: Int) {
        self.kernel = kernel
        self.stride = stride
        self.dilation = dilation
        self.paddingBefore = paddingBefore
        self.paddingAfter = paddingAfter
    }

    /// The span of the dilated kernel, `d·(k − 1) + 1`.
    public var span: Int { dilation * (kernel - 1) + 1 }
}

/// One axis of a transposed convolution seen as a scatter: input `j` (`0 ≤ j < inputs`) sends
/// tap `a` to output `j·s + a·d − p_before` when that lies in `0 ≤ · < outputs`.
public struct ScatterAxis: Hashable, Sendable {
    /// Inputs `m` of the transposed layer.
    public let inputs: Int
    /// Outputs `n` of the transposed layer.
    public let outputs: Int
    /// Kernel taps `k`.
    public let kernel: Int
    /// Stride `s`.
    public let stride: Int
    /// Dilation `d`.
    public let dilation: Int
    /// Cropped positions before, `p_before`.
    public let paddingBefore: Int

    /// The geometry of one scatter axis.
    public init(
        inputs: Int, outputs: Int, kernel: Int, stride: Int, dilation: Int, paddingBefore: Int
    ) {
        self.inputs = inputs
        self.outputs = outputs
        self.kernel = kernel
        self.stride = stride
        self.dilation = dilation
        self.paddingBefore = paddingBefore
    }
}
