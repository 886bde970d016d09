import ConvMatrixCore

/// The geometry the analysis reads from a layer.
///
/// Everything the analysis says about a layer is computed on its matrix
/// (``ConvMatrixCore/Layer/matrix(limits:)``, U or T in the column convention `y = A·x`, inputs
/// and outputs flattened channel first, then row-major); the geometry below (strides, kernels,
/// paddings per axis) is used only to *predict* what the matrix shows, and each prediction is
/// then checked on the matrix.
extension Layer {
    /// Per axis: kernel size, stride, dilation and padding before and after, as the layer uses
    /// them.
    public var axisGeometry: [AxisGeometry] {
        axes.map {
            AxisGeometry(
                kernel: $0.kernelSize, stride: $0.stride, dilation: $0.dilation,
                paddingBefore: $0.padding.before, paddingAfter: $0.padding.after)
        }
    }

    /// The transposed layer whose overlap the analysis maps: for a convolution, the transposed
    /// convolution with matrix `Uᵀ` (outputs = this layer's inputs); for a transposed
    /// convolution, the layer itself.
    ///
    /// Returned as the per-axis geometry of a *scatter*: input `j` of the transposed layer
    /// lands at output `j·s + a·d − p_before`, for `m` inputs and `n` outputs per axis.
    public var scatterAxes: [ScatterAxis] {
        axes.map {
            // A convolution's scatter runs from its outputs back to its inputs.
            let (inputs, outputs) =
                isTransposed ? ($0.inputSize, $0.outputSize) : ($0.outputSize, $0.inputSize)
            return ScatterAxis(
                inputs: inputs, outputs: outputs, kernel: $0.kernelSize, stride: $0.stride,
                dilation: $0.dilation, paddingBefore: $0.padding.before)
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
