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
