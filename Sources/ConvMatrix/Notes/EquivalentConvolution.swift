/// The direct convolution that computes a transposed convolution (Dumoulin & Visin, "A guide to
/// convolution arithmetic for deep learning", §4): along every axis
///
/// - insert `s − 1` zeros between consecutive inputs (`m` inputs become `(m − 1)·s + 1`);
/// - pad `d·(k − 1) − p_before` before and `d·(k − 1) − p_after + a` after (`a` the output
///   padding); a negative amount means that many positions are *cropped* instead;
/// - slide the kernel, rotated 180°, with stride 1 and the same dilation `d`;
/// - swap the channel roles: the transposed layer's `M` input channels are read, `C` written.
///
/// The result has `(m − 1)·s + 1 + d·(k − 1) − p_before − p_after + a − d·(k − 1)`
/// `= (m − 1)·s − p_before − p_after + d·(k − 1) + a + 1` outputs: PyTorch's ConvTranspose size.
public struct EquivalentConvolution: Hashable, Sendable {
    /// One axis of the equivalent convolution.
    public struct Axis: Hashable, Sendable {
        /// Inputs of the transposed layer, `m`.
        public let inputSize: Int
        /// Zeros inserted between consecutive inputs, `s − 1`.
        public let insertedZeros: Int
        /// Inputs after zero insertion, `(m − 1)·s + 1`.
        public let dilatedInputSize: Int
        /// `d·(k − 1) − p_before`; negative means cropping.
        public let paddingBefore: Int
        /// `d·(k − 1) − p_after + a`; negative means cropping.
        public let paddingAfter: Int
        /// Kernel taps `k` (rotated 180°).
        public let kernelSize: Int
        /// Dilation `d`, unchanged.
        public let dilation: Int
        /// Outputs: `dilatedInputSize + paddingBefore + paddingAfter − d·(k − 1)`.
        public let outputSize: Int
    }

    /// The axes, outermost first.
    public let axes: [Axis]
    /// Channels read: the transposed layer's input channels.
    public let inChannels: Int
    /// Channels written: the transposed layer's output channels.
    public let outChannels: Int
    /// Groups, unchanged.
    public let groups: Int

    /// Whether some padding is negative, so the direct convolution crops instead of padding.
    public var crops: Bool { axes.contains { $0.paddingBefore < 0 || $0.paddingAfter < 0 } }

    /// The equivalent direct convolution of `layer`.
    public init(_ layer: TransposedConvolution) {
        axes = layer.axes.map { axis in
            let reach = axis.dilation * (axis.kernelSize - 1)
            let dilated = (axis.inputSize - 1) * axis.stride + 1
            let before = reach - axis.padding.before
            let after = reach - axis.padding.after + axis.outputPadding
            return Axis(
                inputSize: axis.inputSize, insertedZeros: axis.stride - 1,
                dilatedInputSize: dilated, paddingBefore: before, paddingAfter: after,
                kernelSize: axis.kernelSize, dilation: axis.dilation,
                outputSize: dilated + before + after - reach)
        }
        inChannels = layer.inChannels
        outChannels = layer.outChannels
        groups = layer.groups
    }
}
