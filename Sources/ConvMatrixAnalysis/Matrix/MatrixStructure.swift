import ConvMatrixCore

/// A structure a layer's matrix may have, named only after it has been checked entry by entry.
///
/// Rows and columns are grouped in channel blocks (output channel × input channel), each block
/// indexed by spatial positions flattened row-major. Within a block:
/// - ``toeplitz`` (1-D), ``doublyBlockToeplitz`` (2-D), ``multilevelToeplitz`` (3-D and up):
///   the entry at `(i, q)` depends only on `q − i` (per axis), i.e. moving one step along an
///   axis on both sides keeps the entry: `A[i + e_t, q + e_t] = A[i, q]` whenever both lie in
///   the block. In 2-D this is the doubly-block Toeplitz matrix of Dumoulin & Visin's guide:
///   Toeplitz blocks arranged in a Toeplitz pattern.
/// - ``stridedToeplitz``: the same with the column step equal to the stride
///   (`A[i + e_t, q + s_t·e_t] = A[i, q]`, a convolution with stride > 1), or the row step equal
///   to the stride for a transposed convolution (`T[o + s_t·e_t, j + e_t] = T[o, j]`).
/// - ``circulant`` (1-D), ``doublyBlockCirculant`` (2-D and up): square blocks whose entries
///   depend on `q − i` modulo the size (`A[(i + e_t) mod n, (q + e_t) mod n] = A[i, q]`): the
///   circular, stride-1 convolution whose output has the input's size (`2p = d(k − 1)`).
/// - ``blockDiagonalByGroups``: more than one group and every entry in a block whose output
///   channel and input channel belong to the same group.
public enum MatrixStructure: String, Hashable, Sendable, CaseIterable {
    case toeplitz
    case doublyBlockToeplitz = "doubly_block_toeplitz"
    case multilevelToeplitz = "multilevel_toeplitz"
    case stridedToeplitz = "strided_toeplitz"
    case circulant
    case doublyBlockCirculant = "doubly_block_circulant"
    case blockDiagonalByGroups = "block_diagonal_by_groups"

    /// Words for a report.
    public var phrase: String {
        switch self {
        case .toeplitz: "Toeplitz in every channel block"
        case .doublyBlockToeplitz: "doubly-block Toeplitz in every channel block"
        case .multilevelToeplitz: "multilevel (block-of-block) Toeplitz in every channel block"
        case .stridedToeplitz:
            "strided Toeplitz in every channel block (one step on one side is a stride on the other)"
        case .circulant: "circulant in every channel block"
        case .doublyBlockCirculant: "doubly-block circulant in every channel block"
        case .blockDiagonalByGroups: "block-diagonal by groups"
        }
    }

    /// Stored entries above which the entry-by-entry checks are skipped.
    public static let checkLimit = 5_000_000

    /// The structures `matrix` (the matrix of `layer`) has, each checked on every entry.
    /// Empty when the matrix has more than ``checkLimit`` stored entries.
    public static func detect(layer: Layer, matrix: TapMatrix) -> [MatrixStructure] {
        guard matrix.storedCount <= checkLimit else { return [] }
        let blocks = BlockIndexing(layer: layer)
        var found: [MatrixStructure] = []
        let rank = layer.rank
        let unit = (0..<rank).map { _ in (row: 1, column: 1) }
        if blocks.isShiftInvariant(matrix, steps: unit, wrapping: false) {
            found.append(
                rank == 1 ? .toeplitz : rank == 2 ? .doublyBlockToeplitz : .multilevelToeplitz)
        } else {
            let strides = layer.axes.map(\.stride)
            let steps =
                layer.isTransposed
                ? strides.map { (row: $0, column: 1) } : strides.map { (row: 1, column: $0) }
            if strides.contains(where: { $0 > 1 }),
                blocks.isShiftInvariant(matrix, steps: steps, wrapping: false)
            {
                found.append(.stridedToeplitz)
            }
        }
        if layer.inputSide.extents == layer.outputSide.extents,
            blocks.isShiftInvariant(matrix, steps: unit, wrapping: true)
        {
            found.append(rank == 1 ? .circulant : .doublyBlockCirculant)
        }
        if layer.groups > 1, blocks.isBlockDiagonal(matrix) { found.append(.blockDiagonalByGroups) }
        return found
    }
}

/// Row and column indices split into channel and spatial position.
struct BlockIndexing {
    let rowExtents: Extents
    let columnExtents: Extents
    let rowChannelsPerGroup: Int
    let columnChannelsPerGroup: Int

    init(layer: Layer) {
        rowExtents = layer.outputSide.extents
        columnExtents = layer.inputSide.extents
        rowChannelsPerGroup = layer.outputSide.channels / layer.groups
        columnChannelsPerGroup = layer.inputSide.channels / layer.groups
    }

    /// Whether every entry equals its neighbour one `steps[t]` further (and one back) on each
    /// axis, within the same channel block; with `wrapping`, positions wrap modulo the extents.
    func isShiftInvariant(
        _ matrix: TapMatrix, steps: [(row: Int, column: Int)], wrapping: Bool
    ) -> Bool {
        let rowSpatial = rowExtents.count
        let columnSpatial = columnExtents.count
        for r in 0..<matrix.rowCount {
            let rowChannel = r / rowSpatial
            let i = rowExtents.multiIndex(r % rowSpatial)
            var k = matrix.rowStart[r]
            let end = matrix.rowStart[r + 1]
            while k < end {
                let column = Int(matrix.columns[k])
                var taps: [Int32] = []
                while k < end && Int(matrix.columns[k]) == column {
                    taps.append(matrix.taps[k])
                    k += 1
                }
                let columnChannel = column / columnSpatial
                let q = columnExtents.multiIndex(column % columnSpatial)
                for t in steps.indices {
                    for direction in wrapping ? [1] : [1, -1] {
                        var i2 = i
                        var q2 = q
                        i2[t] += direction * steps[t].row
                        q2[t] += direction * steps[t].column
                        if wrapping {
                            i2[t] =
                                (i2[t] % rowExtents.sizes[t] + rowExtents.sizes[t])
                                % rowExtents.sizes[t]
                            q2[t] =
                                (q2[t] % columnExtents.sizes[t] + columnExtents.sizes[t])
                                % columnExtents.sizes[t]
                        } else if i2[t] < 0 || i2[t] >= rowExtents.sizes[t] || q2[t] < 0
                            || q2[t] >= columnExtents.sizes[t]
                        {
                            continue
                        }
                        let r2 = rowChannel * rowSpatial + rowExtents.flatIndex(i2)
                        let c2 = columnChannel * columnSpatial + columnExtents.flatIndex(q2)
                        let other = matrix.taps(row: r2, column: c2).map { Int32($0) }
                        if other != taps { return false }
                    }
                }
            }
        }
        return true
    }

    /// Whether every entry's row and column channels belong to the same group.
    func isBlockDiagonal(_ matrix: TapMatrix) -> Bool {
        let rowSpatial = rowExtents.count
        let columnSpatial = columnExtents.count
        for r in 0..<matrix.rowCount {
            let group = r / rowSpatial / rowChannelsPerGroup
            for k in matrix.rowStart[r]..<matrix.rowStart[r + 1]
            where Int(matrix.columns[k]) / columnSpatial / columnChannelsPerGroup != group {
                return false
            }
        }
        return true
    }
}
