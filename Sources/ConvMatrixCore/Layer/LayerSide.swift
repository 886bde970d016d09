/// One side of a layer, its input or its output: `channels` planes of spatial `extents`,
/// flattened channel first, then row-major (PyTorch's layout).
///
/// A layer's matrix in the column convention has one row per entry of its output side and one
/// column per entry of its input side (``Layer/matrix(limits:)``).
public struct LayerSide: Hashable, Sendable {
    /// Channels (`C` of a convolution's input, `M` of its output).
    public let channels: Int
    /// Spatial extents of one channel.
    public let extents: Extents

    /// The side of `channels` planes of `extents`.
    public init(channels: Int, extents: Extents) {
        self.channels = channels
        self.extents = extents
    }

    /// Entries of the flattened side, `channels · Π extents`. Validation of the layer checks
    /// that this product fits an `Int`.
    public var count: Int { channels * extents.count }
}
