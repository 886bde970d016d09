/// A layer whose matrix the package shows: a convolution (its matrix is U) or a transposed
/// convolution given as a layer of its own (its matrix is T, built from its scatter definition).
///
/// Every module reads a layer through this one type: its two sides (``inputSide``,
/// ``outputSide``), its weights (``kernelLayout``, ``groups``), its axes (``axes``) and its
/// matrix (``matrix(limits:)``). "Input" and "output" always mean the layer's own: a transposed
/// convolution whose forward convolution maps `n` positions to `m` has `m` inputs and `n`
/// outputs per axis, and channels swapped.
///
/// The matrix is written in the column convention, one row per output and one column per input,
/// with inputs and outputs flattened channel first, then row-major (PyTorch's layout):
///
/// - a convolution `y = U·x`, `U` of shape `(M·Π m) × (C·Π n)`;
/// - a transposed convolution `z = T·y`, `T` of shape `(C·Π n) × (M·Π m)`, with `T = Uᵀ` of
///   its ``TransposedConvolution/forward`` convolution (Dumoulin & Visin, *A guide to
///   convolution arithmetic for deep learning*, §4) when no output padding adds outputs.
///
/// So for every layer, `matrix.rowCount == outputSide.count` and
/// `matrix.columnCount == inputSide.count`.
///
/// ## Adding a kind of layer
///
/// Fixed-weight layers (pooling, upsampling, pixel shuffle) are linear maps too, with a matrix
/// in the same convention. Such a layer becomes a new case here with its validated geometry type
/// as payload, and only the `switch` statements of this file and of `Layer+*.swift` extensions
/// gain an arm: callers read the sides, the axes and the matrix, not the case, so they are not
/// rewritten. Code that needs one kind's own geometry asks for it with ``convolution`` or
/// ``transposedConvolution`` (nil for any other kind) rather than switching over every case.
public enum Layer: Hashable, Sendable {
    /// A convolution (PyTorch's `Conv*d`), `y = U·x`.
    case convolution(Convolution)
    /// A transposed convolution (PyTorch's `ConvTranspose*d`), `z = T·y`.
    case transposed(TransposedConvolution)

    /// The convolution, when this layer is one; nil otherwise.
    public var convolution: Convolution? {
        if case .convolution(let conv) = self { return conv }
        return nil
    }

    /// The transposed convolution, when this layer is one; nil otherwise.
    public var transposedConvolution: TransposedConvolution? {
        if case .transposed(let layer) = self { return layer }
        return nil
    }

    /// Whether this is a transposed convolution.
    public var isTransposed: Bool { transposedConvolution != nil }

    /// The input side: `C` channels of extents `n` for a convolution, `M` channels of extents
    /// `m` for a transposed convolution (its forward convolution's output side).
    public var inputSide: LayerSide {
        switch self {
        case .convolution(let conv):
            LayerSide(channels: conv.inChannels, extents: conv.inputExtents)
        case .transposed(let layer):
            LayerSide(channels: layer.inChannels, extents: layer.inputExtents)
        }
    }

    /// The output side: `M` channels of extents `m = ⌊(n + p_b + p_a − d·(k − 1) − 1)/s⌋ + 1`
    /// for a convolution, `C` channels of extents
    /// `n = (m − 1)·s − p_b − p_a + d·(k − 1) + a + 1` for a transposed convolution.
    public var outputSide: LayerSide {
        switch self {
        case .convolution(let conv):
            LayerSide(channels: conv.outChannels, extents: conv.outputExtents)
        case .transposed(let layer):
            LayerSide(channels: layer.outChannels, extents: layer.outputExtents)
        }
    }

    /// The number of spatial axes.
    public var rank: Int { inputSide.extents.rank }

    /// Whether either side has more than one channel (the matrix is then made of channel blocks,
    /// one per (input channel, output channel) pair).
    public var hasChannels: Bool { inputSide.channels > 1 || outputSide.channels > 1 }

    /// The convolution whose kernel this layer applies: the convolution itself, or the
    /// ``TransposedConvolution/forward`` convolution of a transposed one, which shares its weight
    /// tensor (`(C_in, C_out/g, k…)` is the forward `(M, C/g, k…)`), its groups and its
    /// orientation, and whose U gives T (`T = Uᵀ`, less any forward outputs T does not read).
    var kernelConvolution: Convolution {
        switch self {
        case .convolution(let conv): conv
        case .transposed(let layer): layer.forward
        }
    }

    /// Groups `g`: channel `c` of the input meets only the outputs of its group.
    public var groups: Int { kernelConvolution.groups }

    /// The layout of the kernel weights the taps index, in PyTorch's weight order of the layer:
    /// `(M, C/g, k…)` for a convolution, `(C_in, C_out/g, k…)` for a transposed one (the same
    /// flat order as its forward convolution's, so tap indices agree between T and U).
    public var kernelLayout: KernelLayout { kernelConvolution.kernelLayout }

    /// Whether the kernel is flipped (a true convolution) or not (a cross-correlation).
    public var orientation: KernelOrientation { kernelConvolution.orientation }

    /// How the input is padded: the convolution's mode; a transposed convolution crops its
    /// output instead, which is ``PaddingMode/zeros``.
    public var paddingMode: PaddingMode {
        switch self {
        case .convolution(let conv): conv.paddingMode
        case .transposed: .zeros
        }
    }

    /// The arithmetic of each spatial axis, outermost first.
    public var axes: [LayerAxis] {
        switch self {
        case .convolution(let conv): conv.axes.map(LayerAxis.init)
        case .transposed(let layer): layer.axes
        }
    }

    /// Its inputs, outputs and weights, counted in 64-bit arithmetic (the same on a 32-bit
    /// WebAssembly host as on a 64-bit one).
    public var elementCounts: LayerElementCounts {
        switch self {
        case .convolution(let conv): LayerElementCounts(conv)
        case .transposed(let layer): LayerElementCounts(layer)
        }
    }

    /// The layer's matrix in the column convention (one row per output, one column per input):
    /// U for a convolution, T for a transposed convolution, built within `limits`.
    public func matrix(limits: ResourceLimits = .default) throws(SpecificationError) -> TapMatrix {
        switch self {
        case .convolution(let conv): try conv.unrolled(limits: limits)
        case .transposed(let layer): try layer.unrolled(limits: limits)
        }
    }
}
