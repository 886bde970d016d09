/// The output-size arithmetic of one spatial axis of a ``Layer``, in the layer's own input and
/// output: a convolution maps `n` input positions to
/// `m = ⌊(n + p_before + p_after − d·(k − 1) − 1)/s⌋ + 1` outputs; a transposed convolution maps
/// `m` inputs to `n = (m − 1)·s − p_before − p_after + d·(k − 1) + a + 1` outputs (PyTorch's
/// `Conv*d` and `ConvTranspose*d` documentation).
public struct LayerAxis: Hashable, Sendable {
    /// Input positions (the layer's own input).
    public let inputSize: Int
    /// Kernel taps `k`.
    public let kernelSize: Int
    /// Stride `s`.
    public let stride: Int
    /// Dilation `d`.
    public let dilation: Int
    /// Padding before and after, resolved from a word when one was given: added to the input of
    /// a convolution, cropped from the output of a transposed convolution.
    public let padding: AxisPadding
    /// Output padding `a` of a transposed convolution; 0 for a convolution.
    public let outputPadding: Int
    /// Output positions (the layer's own output).
    public let outputSize: Int

    /// The span `d·(k − 1) + 1` of the dilated kernel.
    public var dilatedKernelSize: Int {
        OutputSize.dilatedKernel(kernel: kernelSize, dilation: dilation)
    }
}

extension LayerAxis {
    /// The axis of a convolution, read in its own input and output (no output padding).
    public init(_ axis: ConvolutionAxis) {
        self.init(
            inputSize: axis.inputSize, kernelSize: axis.kernelSize, stride: axis.stride,
            dilation: axis.dilation, padding: axis.padding, outputPadding: 0,
            outputSize: axis.outputSize)
    }
}
