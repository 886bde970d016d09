extension Convolution {
    /// Chosen rows of the unrolled matrix U (column convention, one row per output `(o, i)`),
    /// built without the others: row `j` of the result is row `rows[j]` of ``unrolled(limits:)``,
    /// entry for entry.
    ///
    /// A check of a large layer samples rows instead of storing all of U (ResNet's 56×56, 64→64
    /// stage layer has 116 million entries): row `(o, i)` holds, for every input channel `c` of
    /// `o`'s group and every kernel position `a` whose padded position
    /// `i·s + a·d − p_before` reads input `q` on every axis, the entry `(c, q)` with tap
    /// `(o, c − c₀, a)` (`a` flipped for a true convolution). The per-axis tables are those of
    /// ``unrolled(limits:)``, a few bytes per output position and tap of each axis.
    ///
    /// - Throws: the `memory` error when the rows (8 bytes an entry, at most `(C/g)·Πk` a row)
    ///   and the axis tables do not fit in `limits`; an `input` error when a row is out of range.
    public func unrolledRows(_ rows: [Int], limits: ResourceLimits = .default)
        throws(SpecificationError) -> TapMatrix
    {
        for row in rows where row < 0 || row >= outputCount {
            throw SpecificationError(.input, "row \(row) of U is outside 0…\(outputCount - 1)")
        }
        let perRow = CheckedArithmetic.multiply(inChannelsPerGroup, kernelExtents.count)
        let bytes = perRow.flatMap { CheckedArithmetic.multiply($0, rows.count) }
            .flatMap { CheckedArithmetic.multiply($0, 8) }
            .flatMap { entries in axisTableBytes.flatMap { CheckedArithmetic.add(entries, $0) } }
        try limits.checkMemory(bytes, for: "\(rows.count) rows of U")
        try TapMatrix.checkIndexRange(
            rows: outputCount, columns: inputCount, taps: weightCount, what: "U")
        let connections = axes.indices.map { AxisConnections(pairRule(axis: $0)) }
        let spatialOutputs = outputExtents.count
        let spatialInputs = inputExtents.count
        let kernelCount = kernelExtents.count
        let channelsPerGroup = inChannelsPerGroup
        var builder = TapMatrix.RowBuilder(reservingRows: rows.count)
        for row in rows {
            let o = row / spatialOutputs
            let index = outputExtents.multiIndex(row % spatialOutputs)
            // The (tap, input) offsets of spatial position `index`: one pair per axis, summed.
            let combined = axisProduct(
                rank: axes.count, zero: (tap: 0, input: 0),
                pairs: { connections[$0].links(at: index[$0]) },
                add: { ($0.tap + $1.tap, $0.input + $1.input) })
            let firstChannel = (o / outChannelsPerGroup) * channelsPerGroup
            for c in 0..<channelsPerGroup {
                let columnBase = (firstChannel + c) * spatialInputs
                let tapBase = (o * channelsPerGroup + c) * kernelCount
                for pair in combined {
                    builder.append(column: columnBase + pair.input, tap: tapBase + pair.tap)
                }
            }
            builder.endRow()
        }
        return builder.matrix(columnCount: inputCount, tapCount: weightCount)
    }
}

extension Convolution {
    /// The number of entries ``unrolled(limits:)`` stores, counted by arithmetic without
    /// building anything: `M · (C/g) · Π_t (pairs of axis t)`; nil when it overflows `Int`.
    public var unrolledEntryCount: Int? {
        let pairs = CheckedArithmetic.product(
            axes.map { AxisConnections.linkCount(axis: $0, mode: paddingMode) })
        return pairs.flatMap { CheckedArithmetic.product([$0, outChannels, inChannelsPerGroup]) }
    }
}
