/// Row (`X·U = O`) or column (`y = U·x`) convention for a layer's matrix.
///
/// In the column convention the matrix has one row per output and one column per input, and
/// the flattened input is a column vector on the right (`y = U·x`, the convention of most linear
/// algebra texts and of `torch.autograd.functional.jacobian`). In the row convention it is the
/// transpose: the flattened input is a row vector on the left (`X·U = O`), the convention of
/// the unrolling notes this tool reproduces.
public enum MatrixConvention: String, Sendable, Hashable, CaseIterable {
    /// Inputs × outputs; `X·U = O`.
    case row
    /// Outputs × inputs; `y = U·x`.
    case column
}

/// A layer whose matrix can be shown: a convolution (its matrix is U) or a transposed
/// convolution given as a layer of its own (its matrix is T, built from its scatter definition).
public enum UnrolledLayer: Hashable, Sendable {
    /// A convolution (PyTorch's `Conv*d`).
    case convolution(Convolution)
    /// A transposed convolution (PyTorch's `ConvTranspose*d`).
    case transposed(TransposedConvolution)

    /// Entries of the flattened input.
    public var inputCount: Int {
        switch self {
        case .convolution(let conv): conv.inputCount
        case .transposed(let layer): layer.inputCount
        }
    }

    /// Entries of the flattened output.
    public var outputCount: Int {
        switch self {
        case .convolution(let conv): conv.outputCount
        case .transposed(let layer): layer.outputCount
        }
    }

    /// Spatial input extents.
    public var inputExtents: Extents {
        switch self {
        case .convolution(let conv): conv.inputExtents
        case .transposed(let layer): layer.inputExtents
        }
    }

    /// Spatial output extents.
    public var outputExtents: Extents {
        switch self {
        case .convolution(let conv): conv.outputExtents
        case .transposed(let layer): layer.outputExtents
        }
    }

    /// Input channels.
    public var inChannels: Int {
        switch self {
        case .convolution(let conv): conv.inChannels
        case .transposed(let layer): layer.inChannels
        }
    }

    /// Output channels.
    public var outChannels: Int {
        switch self {
        case .convolution(let conv): conv.outChannels
        case .transposed(let layer): layer.outChannels
        }
    }

    /// Whether either side has more than one channel (the matrix is then made of channel blocks).
    public var hasChannels: Bool { inChannels > 1 || outChannels > 1 }

    /// The layout of the kernel weights the taps index (PyTorch's weight order of the layer).
    public var kernelLayout: KernelLayout {
        switch self {
        case .convolution(let conv): conv.kernelLayout
        case .transposed(let layer): layer.kernelLayout
        }
    }

    /// The layer's matrix in the column convention (one row per output, one column per input):
    /// U for a convolution, T for a transposed convolution.
    public func unrolled(limits: ResourceLimits = .default) throws(SpecificationError)
        -> TapMatrix
    {
        switch self {
        case .convolution(let conv): try conv.unrolled(limits: limits)
        case .transposed(let layer): try layer.unrolled(limits: limits)
        }
    }
}

/// Which matrix of a layer is shown, and how it is laid out: the layer's own matrix M (U of a
/// convolution, T of a transposed convolution) or its transpose Mᵀ, in the row or the column
/// convention.
///
/// The four cases, for a layer with `n` inputs and `m` outputs (M is `m × n` in the column
/// convention, where `y = M·x`):
///
/// | convention | transposed | printed | shape | product |
/// |---|---|---|---|---|
/// | column | no  | M   | m × n | `y = M·x` |
/// | column | yes | Mᵀ  | n × m | `x' = Mᵀ·y`, the transpose of the layer |
/// | row    | no  | Mᵀ  | n × m | `X·M = Y` (M written inputs × outputs) |
/// | row    | yes | M   | m × n | `Y·Mᵀ = C`, the transpose of the layer |
///
/// So the stored column-convention matrix is flipped exactly when `(convention == .row) !=
/// transposed`: the row convention flips once, asking for the transpose flips again.
public struct LayerMatrix: Hashable, Sendable {
    /// The layer.
    public let layer: UnrolledLayer
    /// The convention the matrix is written in.
    public let convention: MatrixConvention
    /// Whether the transpose of the layer's matrix is shown (the matrix of the transposed map).
    public let transposed: Bool

    /// Creates the description of `layer`'s matrix in `convention`, transposed on request.
    public init(_ layer: UnrolledLayer, convention: MatrixConvention, transposed: Bool = false) {
        self.layer = layer
        self.convention = convention
        self.transposed = transposed
    }

    /// Whether the printed matrix is the column-convention matrix transposed.
    public var isFlipped: Bool { (convention == .row) != transposed }

    /// Whether the rows of the printed matrix are the layer's outputs (else its inputs).
    public var rowsAreOutputs: Bool { !isFlipped }

    /// `(rows, columns)` of the printed matrix.
    public var shape: (rows: Int, columns: Int) {
        rowsAreOutputs
            ? (layer.outputCount, layer.inputCount) : (layer.inputCount, layer.outputCount)
    }

    /// The size of one channel block `(rows, columns)` when the layer has channels: the matrix
    /// is then a grid of blocks, one per (input channel, output channel) pair.
    public var blocks: (rows: Int, columns: Int)? {
        guard layer.hasChannels else { return nil }
        let output = layer.outputExtents.count
        let input = layer.inputExtents.count
        return rowsAreOutputs ? (output, input) : (input, output)
    }

    /// Whether the product the matrix takes part in maps the layer's outputs back to its
    /// inputs (the transposed map), rather than inputs to outputs.
    public var mapsOutputsToInputs: Bool { transposed }

    /// The printed matrix, built within `limits`.
    public func matrix(limits: ResourceLimits = .default) throws(SpecificationError) -> TapMatrix {
        let stored = try layer.unrolled(limits: limits)
        return isFlipped ? stored.transposed() : stored
    }

    /// The printed matrix made from the column-convention matrix `stored` (already built).
    public func matrix(from stored: TapMatrix) -> TapMatrix {
        isFlipped ? stored.transposed() : stored
    }
}
