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
