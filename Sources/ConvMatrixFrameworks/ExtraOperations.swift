import ConvMatrixCore

/// The operations a framework needs around its own layer to reproduce another framework's layer
/// exactly: zeros added to the layer's input first (``prePad``), and positions dropped from its
/// output afterwards (``postCrop``), per spatial axis.
///
/// Written as each framework writes them: `torch.nn.functional.pad` / `torch.narrow`,
/// `tf.pad` / slicing, `keras.layers.ZeroPadding2D` / `Cropping2D`, `jnp.pad` / slicing, ONNX
/// `Pad` / `Slice`. Both are exact: padded zeros add nothing, and a crop only drops outputs.
/// A third, rarer one reverses the kernel (``flipKernel``).
public struct ExtraOperations: Hashable, Sendable {
    /// Zeros before and after the input on each axis (all zero when none).
    public var prePad: [AxisPadding]
    /// Outputs dropped from the start and the end of each axis (all zero when none).
    public var postCrop: [AxisPadding]
    /// Whether the kernel must be reversed on every spatial axis first (a layer of JAX's
    /// `conv_transpose` with `transpose_kernel=False` in a framework that flips, or back).
    public var flipKernel: Bool

    /// Creates extra operations.
    public init(prePad: [AxisPadding], postCrop: [AxisPadding], flipKernel: Bool = false) {
        self.prePad = prePad
        self.postCrop = postCrop
        self.flipKernel = flipKernel
    }

    /// No extra operation on `rank` axes.
    public static func none(rank: Int) -> ExtraOperations {
        ExtraOperations(
            prePad: Array(repeating: AxisPadding(0), count: rank),
            postCrop: Array(repeating: AxisPadding(0), count: rank))
    }

    /// Whether a pad is needed.
    public var hasPrePad: Bool { prePad.contains { $0.total != 0 } }
    /// Whether a crop is needed.
    public var hasPostCrop: Bool { postCrop.contains { $0.total != 0 } }
    /// Whether nothing is needed.
    public var isEmpty: Bool { !hasPrePad && !hasPostCrop && !flipKernel }
    /// Positions padded plus positions cropped, over all axes: what "smallest" minimises.
    public var cost: Int { (prePad + postCrop).reduce(0) { $0 + $1.before + $1.after } }
}

extension FrameworkAxis {
    /// The axis of "pad the input by `pad`, apply this layer, crop `crop` from its output",
    /// seen from the unpadded input, where this axis is the layer's on the padded input:
    /// - forward: input `n − x − y`, offset `offset + x − u·s`, outputs `m − u − v`;
    /// - transposed: input `m − x − y`, offset `offset − x·s + u`, outputs `n − u − v`;
    /// with `x, y` the pad and `u, v` the crop. Nil when a size would drop below 1.
    public func composed(prePad pad: AxisPadding, postCrop crop: AxisPadding) -> FrameworkAxis? {
        let input = inputSize - pad.total
        let output = outputSize - crop.total
        guard input >= 1, output >= 1 else { return nil }
        let shifted: Int
        switch direction {
        case .forward: shifted = offset + pad.before - crop.before * stride
        case .transposed: shifted = offset - pad.before * stride + crop.before
        }
        return FrameworkAxis(
            direction, inputSize: input, kernelSize: kernelSize, stride: stride,
            dilation: dilation, offset: shifted, outputSize: output)
    }
}

extension TapMatrix {
    /// The block of rows `rows[t]` and columns `columns[t]` on every axis, where `outputs` and
    /// `inputs` are the per-axis extents of the rows and the columns (row-major): the matrix of
    /// "pad, apply, crop" when this is the matrix of the layer on the padded input, with the
    /// original input's columns and the kept outputs' rows.
    public func window(
        rows: [Range<Int>], of outputs: [Int], columns: [Range<Int>], of inputs: [Int]
    ) -> TapMatrix {
        let rowIndices = TapMatrix.flatIndices(rows, extents: outputs)
        let columnIndices = TapMatrix.flatIndices(columns, extents: inputs)
        var newColumn = [Int](repeating: -1, count: columnCount)
        for (j, c) in columnIndices.enumerated() { newColumn[c] = j }
        var triplets: [(row: Int, column: Int, tap: Int)] = []
        for (i, r) in rowIndices.enumerated() {
            for entry in entries(inRow: r) where newColumn[entry.column] >= 0 {
                triplets.append((i, newColumn[entry.column], entry.tap))
            }
        }
        return TapMatrix(
            rowCount: rowIndices.count, columnCount: columnIndices.count, tapCount: tapCount,
            triplets: triplets)
    }

    /// The row-major flat indices of the box `ranges` inside `extents`.
    static func flatIndices(_ ranges: [Range<Int>], extents: [Int]) -> [Int] {
        let strides = FrameworkArithmetic.rowMajorStrides(extents)
        var flat = [0]
        for t in ranges.indices {
            flat = flat.flatMap { base in ranges[t].map { base + $0 * strides[t] } }
        }
        return flat
    }
}
