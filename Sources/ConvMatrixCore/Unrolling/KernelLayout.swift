/// Where kernel weights live: the flat index of a tap in PyTorch's weight tensor.
///
/// A convolution's weight has shape `(M, C/g, k₀, k₁, …)` and a transposed convolution's
/// `(C_in, C_out/g, k₀, …)`; both flatten row-major, so tap `(o, c, a)` (output channel, input
/// channel within the group, spatial position) is at `(o·(C/g) + c)·Πk + flat(a)`.
public struct KernelLayout: Hashable, Sendable {
    /// Leading channel axis of the weight tensor (M for a convolution).
    public let outerChannels: Int
    /// Second channel axis of the weight tensor (C/g for a convolution).
    public let innerChannels: Int
    /// Spatial kernel extents.
    public let spatial: Extents

    /// Creates a layout.
    public init(outerChannels: Int, innerChannels: Int, spatial: Extents) {
        self.outerChannels = outerChannels
        self.innerChannels = innerChannels
        self.spatial = spatial
    }

    /// The number of weights, `outer · inner · Πk`.
    public var count: Int { outerChannels * innerChannels * spatial.count }

    /// The flat index of tap `(outer, inner, position)`.
    public func tap(outer: Int, inner: Int, position: [Int]) -> Int {
        (outer * innerChannels + inner) * spatial.count + spatial.flatIndex(position)
    }

    /// The `(outer, inner, position)` of flat tap `t`.
    public func components(of t: Int) -> (outer: Int, inner: Int, position: [Int]) {
        let spatialCount = spatial.count
        let channelPair = t / spatialCount
        return (
            channelPair / innerChannels, channelPair % innerChannels,
            spatial.multiIndex(t % spatialCount)
        )
    }

    /// The weight shape `[outer, inner, k₀, k₁, …]`.
    public var shape: [Int] { [outerChannels, innerChannels] + spatial.sizes }
}

extension Convolution {
    /// The layout of this convolution's weight `(M, C/g, k…)`.
    public var kernelLayout: KernelLayout {
        KernelLayout(
            outerChannels: outChannels, innerChannels: inChannelsPerGroup, spatial: kernelExtents)
    }
}

extension TransposedConvolution {
    /// The layout of this layer's weight `(C_in, C_out/g, k…)`: the same flat order as the
    /// forward convolution's `(M, C/g, k…)`, so tap indices agree between T and U.
    public var kernelLayout: KernelLayout { forward.kernelLayout }
}
