import ConvMatrixCore

/// The layer the explorer shows: a convolution, or a transposed convolution given as itself
/// (PyTorch's `ConvTranspose*d`, the fragment's `transposed=1`).
///
/// "Input" and "output" always mean the layer's own: for a transposed layer, its input has the
/// forward convolution's output size `m` and its output the forward input size `n`.
public enum ExplorerLayer: Hashable, Sendable {
    /// A convolution `y = U·x`.
    case forward(Convolution)
    /// A transposed convolution `z = T·y`, `T = Uᵀ` of its forward convolution.
    case transposed(TransposedConvolution)

    /// Whether this is a transposed layer.
    public var isTransposed: Bool {
        if case .transposed = self { return true }
        return false
    }

    /// The layer's matrix in the column convention (row = output, column = input): U for a
    /// convolution, T for a transposed one — the matrices `unroll` and `transpose` print.
    public func matrix(limits: ResourceLimits) throws(SpecificationError) -> TapMatrix {
        switch self {
        case .forward(let conv): try conv.unrolled(limits: limits)
        case .transposed(let layer): try layer.unrolled(limits: limits)
        }
    }

    /// Input channels and spatial extents.
    public var input: (channels: Int, extents: Extents) {
        switch self {
        case .forward(let conv): (conv.inChannels, conv.inputExtents)
        case .transposed(let layer): (layer.inChannels, layer.inputExtents)
        }
    }

    /// Output channels and spatial extents.
    public var output: (channels: Int, extents: Extents) {
        switch self {
        case .forward(let conv): (conv.outChannels, conv.outputExtents)
        case .transposed(let layer): (layer.outChannels, layer.outputExtents)
        }
    }

    /// The weight layout `(outer, inner, k…)`: `(M, C/g, k…)` for a convolution,
    /// `(C_in, C_out/g, k…)` for a transposed one.
    public var kernelLayout: KernelLayout {
        switch self {
        case .forward(let conv): conv.kernelLayout
        case .transposed(let layer): layer.kernelLayout
        }
    }

    /// Groups.
    public var groups: Int {
        switch self {
        case .forward(let conv): conv.groups
        case .transposed(let layer): layer.groups
        }
    }

    /// Its inputs, outputs and weights, counted in 64-bit arithmetic (the same on the 32-bit
    /// WebAssembly host as on the command line's).
    public var elementCounts: LayerElementCounts {
        switch self {
        case .forward(let conv): LayerElementCounts(conv)
        case .transposed(let layer): LayerElementCounts(layer)
        }
    }
}
