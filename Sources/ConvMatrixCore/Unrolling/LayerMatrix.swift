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
    public let layer: Layer
    /// The convention the matrix is written in.
    public let convention: MatrixConvention
    /// Whether the transpose of the layer's matrix is shown (the matrix of the transposed map).
    public let transposed: Bool

    /// Creates the description of `layer`'s matrix in `convention`, transposed on request.
    public init(_ layer: Layer, convention: MatrixConvention, transposed: Bool = false) {
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
            ? (layer.outputSide.count, layer.inputSide.count)
            : (layer.inputSide.count, layer.outputSide.count)
    }

    /// The size of one channel block `(rows, columns)` when the layer has channels: the matrix
    /// is then a grid of blocks, one per (input channel, output channel) pair.
    public var blocks: (rows: Int, columns: Int)? {
        guard layer.hasChannels else { return nil }
        let output = layer.outputSide.extents.count
        let input = layer.inputSide.extents.count
        return rowsAreOutputs ? (output, input) : (input, output)
    }

    /// Whether the product the matrix takes part in maps the layer's outputs back to its
    /// inputs (the transposed map), rather than inputs to outputs.
    public var mapsOutputsToInputs: Bool { transposed }

    /// The printed matrix, built within `limits`.
    public func matrix(limits: ResourceLimits = .default) throws(SpecificationError) -> TapMatrix {
        let stored = try layer.matrix(limits: limits)
        return isFlipped ? stored.transposed() : stored
    }

    /// The printed matrix made from the column-convention matrix `stored` (already built).
    public func matrix(from stored: TapMatrix) -> TapMatrix {
        isFlipped ? stored.transposed() : stored
    }
}
