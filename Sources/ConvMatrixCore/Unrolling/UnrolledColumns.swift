extension Convolution {
    /// Chosen columns of the unrolled matrix U (column convention), built without the rest of
    /// U, as the rows of `T = Uᵀ`: row `j` of the result is column `columns[j]` of
    /// ``unrolled(limits:)`` — the outputs that read input `columns[j]` and through which taps —
    /// entry for entry, with one row per chosen input and one column per output.
    ///
    /// Input `(c, q)` is read by output `(o, i)` through tap `(o, c − c₀, a)` when, on every
    /// axis, the padded position `i_t·s_t + a_t·d_t − p_t` reads `q_t` under the padding mode
    /// (`a` flipped for a true convolution), for every output channel `o` of `c`'s group. Each
    /// axis is inverted once — for each input position, its `(output, tap)` pairs, a few bytes
    /// per output position and tap of that axis — and a column is the Cartesian product of its
    /// axes' pairs, repeated over the output channels.
    ///
    /// An elided printout of `C = O·T` or of `∂E/∂x = Uᵀ·δ` needs a few of these columns: it
    /// builds those and not the 116 million entries of ResNet-50's first U.
    ///
    /// - Throws: the `memory` error when the columns (8 bytes an entry, at most
    ///   at most `(M/g)·Π_t 3k_t` a column) and the axis tables
    ///   do not fit in `limits`; an `input` error when a column is out of range.
    public func unrolledColumns(_ columns: [Int], limits: ResourceLimits = .default)
        throws(SpecificationError) -> TapMatrix
    {
        for column in columns where column < 0 || column >= inputCount {
            throw SpecificationError(
                .input, "column \(column) of U is outside 0…\(inputCount - 1)")
        }
        try TapMatrix.checkIndexRange(
            rows: outputCount, columns: inputCount, taps: weightCount, what: "U")
        // A column holds at most (M/g)·Π_t (pairs of one input position on axis t) entries;
        // a padded position meets at most k_t taps, and reflect padding folds at most three padded positions onto one input, so
        // (M/g)·Π_t 3k_t bounds it.
        let perColumn = CheckedArithmetic.product(
            [outChannelsPerGroup] + axes.map { 3 * $0.kernelSize })
        let axisTables = axes.reduce(Optional(0)) { total, axis in
            CheckedArithmetic.multiply(16, axis.kernelSize).flatMap {
                CheckedArithmetic.multiply(axis.outputSize, $0)
            }.flatMap { part in total.flatMap { CheckedArithmetic.add($0, part) } }
        }
        let bytes = perColumn.flatMap { CheckedArithmetic.multiply($0, columns.count) }
            .flatMap { CheckedArithmetic.multiply($0, 8) }
            .flatMap { entries in axisTables.flatMap { CheckedArithmetic.add(entries, $0) } }
        try limits.checkMemory(bytes, for: "\(columns.count) columns of U")
        // For each axis and input position: the (output offset, tap offset) pairs that read it.
        let inverse: [[[(output: Int, tap: Int)]]] = axes.indices.map { t in
            let axis = axes[t]
            let rule = AxisPairRule(
                axis: axis, mode: paddingMode, orientation: orientation, inputStride: 1,
                kernelStride: kernelExtents.strides[t])
            var table = [[(output: Int, tap: Int)]](repeating: [], count: axis.inputSize)
            let outputStride = outputExtents.strides[t]
            for i in 0..<axis.outputSize {
                rule.forEachPair(at: i) { tap, input in
                    table[Int(input)].append((i * outputStride, Int(tap)))
                }
            }
            return table
        }
        let spatialOutputs = outputExtents.count
        let spatialInputs = inputExtents.count
        let kernelCount = kernelExtents.count
        let channelsPerGroup = inChannelsPerGroup
        var builder = TapMatrix.RowBuilder(reservingRows: columns.count)
        for column in columns {
            let c = column / spatialInputs
            let position = inputExtents.multiIndex(column % spatialInputs)
            let combined = axisProduct(
                rank: axes.count, zero: (output: 0, tap: 0), pairs: { inverse[$0][position[$0]] },
                add: { ($0.output + $1.output, $0.tap + $1.tap) })
            let group = c / channelsPerGroup
            let channelInGroup = c % channelsPerGroup
            for o in (group * outChannelsPerGroup)..<((group + 1) * outChannelsPerGroup) {
                let tapBase = (o * channelsPerGroup + channelInGroup) * kernelCount
                for pair in combined {
                    builder.append(
                        column: o * spatialOutputs + pair.output, tap: tapBase + pair.tap)
                }
            }
            builder.endRow()
        }
        return builder.matrix(columnCount: outputCount, tapCount: weightCount)
    }

    /// The entries of U that carry tap `tap` (a weight `(o, c, a)` in PyTorch's order), as
    /// `(row, column)` = `(output, input)` pairs in increasing row: the outputs `(o, i)` of
    /// channel `o` whose window meets input channel `c₀(o) + c` at kernel position `a` inside
    /// the input (through the padding mode). `∂E/∂w = M(x)ᵀ·δ` sums `x_column·δ_row` over them;
    /// there are at most `Π_t m_t` of them, built without U.
    public func entries(ofTap tap: Int) -> [(row: Int, column: Int)] {
        guard tap >= 0, tap < weightCount else { return [] }
        let kernelCount = kernelExtents.count
        let channelsPerGroup = inChannelsPerGroup
        let o = tap / (channelsPerGroup * kernelCount)
        let c = (tap / kernelCount) % channelsPerGroup
        let position = kernelExtents.multiIndex(tap % kernelCount)
        // Per axis: the (output offset, input offset) pairs through this kernel position.
        let combined = axisProduct(
            rank: axes.count, zero: (output: 0, input: 0),
            pairs: { t in
                let rule = AxisPairRule(
                    axis: axes[t], mode: paddingMode, orientation: orientation, inputStride: 1,
                    kernelStride: 1)
                var pairs: [(output: Int, input: Int)] = []
                for i in 0..<axes[t].outputSize {
                    rule.forEachPair(at: i) { a, input in
                        if Int(a) == position[t] {
                            pairs.append(
                                (i * outputExtents.strides[t], Int(input) * inputExtents.strides[t])
                            )
                        }
                    }
                }
                return pairs
            }, add: { ($0.output + $1.output, $0.input + $1.input) })
        let rowBase = o * outputExtents.count
        let columnBase = ((o / outChannelsPerGroup) * channelsPerGroup + c) * inputExtents.count
        return combined.map { (rowBase + $0.output, columnBase + $0.input) }
            .sorted { ($0.row, $0.column) < ($1.row, $1.column) }
    }
}

extension Layer {
    /// Chosen rows of the layer's matrix M in the column convention (U of a convolution, T of
    /// a transposed convolution): row `j` of the result is row `rows[j]` of ``matrix(limits:)``
    /// — the inputs that output reads and through which taps — built without the rest of M.
    ///
    /// A transposed layer's T is `Uᵀ` of its forward convolution with the forward outputs it
    /// does not read left out (``TransposedConvolution/forwardOutputsKept``), so its rows are
    /// columns of that U (``Convolution/unrolledColumns(_:limits:)``).
    public func matrixRows(_ rows: [Int], limits: ResourceLimits = .default)
        throws(SpecificationError) -> TapMatrix
    {
        switch self {
        case .convolution(let conv):
            return try conv.unrolledRows(rows, limits: limits)
        case .transposed(let layer):
            let columns = try layer.forward.unrolledColumns(rows, limits: limits)
            guard layer.forwardHasExtraOutputs else { return columns }
            return columns.keepingColumns(layer.forwardOutputsKept)
        }
    }

    /// Chosen columns of M (see ``matrixRows(_:limits:)``) as the rows of `Mᵀ`: row `j` of the
    /// result is column `columns[j]` of ``matrix(limits:)`` — the outputs that read that
    /// input, through which taps.
    public func matrixColumns(_ columns: [Int], limits: ResourceLimits = .default)
        throws(SpecificationError) -> TapMatrix
    {
        switch self {
        case .convolution(let conv):
            return try conv.unrolledColumns(columns, limits: limits)
        case .transposed(let layer):
            for column in columns where column < 0 || column >= layer.inputCount {
                throw SpecificationError(
                    .input, "column \(column) of T is outside 0…\(layer.inputCount - 1)")
            }
            let forwardOutputs = layer.forward.outputExtents
            let inputs = layer.inputExtents
            // Input (c, j) of the transposed layer is the forward output (c, j).
            let rows = columns.map { column in
                (column / inputs.count) * forwardOutputs.count
                    + forwardOutputs.flatIndex(inputs.multiIndex(column % inputs.count))
            }
            return try layer.forward.unrolledRows(rows, limits: limits)
        }
    }
}

extension Layer {
    /// At most how many entries ``matrix(limits:)`` stores, by arithmetic: U's count for a
    /// convolution, the forward convolution's for a transposed layer (its T is that Uᵀ less the
    /// forward outputs it does not read); nil past `Int`.
    public var entryCountBound: Int? { kernelConvolution.unrolledEntryCount }
}
