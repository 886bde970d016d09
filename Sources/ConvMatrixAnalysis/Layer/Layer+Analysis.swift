import ConvMatrixCore

/// The geometry the analysis reads from a layer.
///
/// Everything the analysis says about a layer is computed on its matrix
/// (``ConvMatrixCore/Layer/matrix(limits:)``, U or T in the column convention `y = A·x`, inputs
/// and outputs flattened channel first, then row-major); the geometry below (strides, kernels,
/// paddings per axis) is used only to *predict* what the matrix shows, and each prediction is
/// then checked on the matrix.
extension Layer {
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
