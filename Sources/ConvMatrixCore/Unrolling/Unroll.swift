extension Convolution {
    /// The unrolled matrix U in the column convention (`y = U·x`): one row per output
    /// `(o, i)` and one column per input `(c, q)`, both flattened channel-first then row-major
    /// (PyTorch's tensor layout); entry `(r, c)` is the sum of the kernel taps that connect input
    /// `c` to output `r`.
    ///
    /// By the definition of the layer,
    ///
    ///     U[(o, i), (c, q)] = Σ { k[o, c − c₀(o), a] : source(i·s + a·d − p_before) = q }
    ///
    /// with `a` ranging over kernel positions (flipped for a true convolution), `c₀(o)` the first
    /// input channel of `o`'s group, and `c` restricted to that group. The row convention of seed
    /// 004 (`X·U = O`) is the transpose of this matrix.
    ///
    /// The number of stored entries is known before anything is allocated,
    /// `M · (C/g) · Π_t (Σ_i |links_t(i)|)`; it is checked against `limits` (8 bytes per entry).
    /// Each spatial output position's list of `(tap, input)` pairs is computed once and shared by
    /// all channel pairs, which keeps the inner loop a copy with two additions.
    public func unrolled(limits: ResourceLimits = .default) throws(SpecificationError) -> TapMatrix
    {
        // Everything is counted, and the budget checked, before anything is built.
        let linkCounts = axes.map { AxisConnections.linkCount(axis: $0, mode: paddingMode) }
        let perChannelPair = CheckedArithmetic.product(linkCounts)
        let stored = perChannelPair.flatMap {
            CheckedArithmetic.product([$0, outChannels, inChannelsPerGroup])
        }
        // CSR (8 bytes an entry, 8 a row), the shared (tap, input) lists (16 bytes a pair plus an
        // array header per spatial output), and the per-axis tables.
        let axisTables = axes.reduce(Optional(0)) { total, axis in
            CheckedArithmetic.multiply(16, axis.kernelSize).flatMap {
                CheckedArithmetic.multiply(axis.outputSize, $0 + 32)
            }.flatMap { part in total.flatMap { CheckedArithmetic.add($0, part) } }
        }
        let bytes = [
            stored.flatMap { CheckedArithmetic.multiply($0, 8) },
            CheckedArithmetic.multiply(outputCount + 1, 8),
            perChannelPair.flatMap { CheckedArithmetic.multiply($0, 16) },
            CheckedArithmetic.multiply(outputExtents.count, 32), axisTables,
        ].reduce(Optional(0)) { total, part in
            total.flatMap { t in part.flatMap { CheckedArithmetic.add(t, $0) } }
        }
        try limits.checkMemory(
            bytes, for: "U (\(stored.map(String.init) ?? "too many") stored entries)")
        try TapMatrix.checkIndexRange(
            rows: outputCount, columns: inputCount, taps: weightCount, what: "U")
        let connections = axes.indices.map { t in
            AxisConnections(
                axis: axes[t], mode: paddingMode, orientation: orientation,
                inputStride: inputExtents.strides[t], kernelStride: kernelExtents.strides[t])
        }
        let storedCount = stored ?? 0
        let spatialOutputs = outputExtents.count
        let sorted = paddingMode != .zeros

        // Row lengths: every row of spatial position i has (C/g)·Π_t |links_t(i_t)| entries.
        var spatialLinks = [[(tap: Int, input: Int)]](repeating: [], count: spatialOutputs)
        for flat in 0..<spatialOutputs {
            let index = outputExtents.multiIndex(flat)
            var combined: [(tap: Int, input: Int)] = [(0, 0)]
            for t in axes.indices {
                let links = connections[t].links[index[t]]
                combined = combined.flatMap { base in
                    links.map { (base.tap + $0.tap, base.input + $0.input) }
                }
            }
            if sorted { combined.sort { ($0.input, $0.tap) < ($1.input, $1.tap) } }
            spatialLinks[flat] = combined
        }
        var rowStart = [Int](repeating: 0, count: outputCount + 1)
        for o in 0..<outChannels {
            for flat in 0..<spatialOutputs {
                let row = o * spatialOutputs + flat
                rowStart[row + 1] = rowStart[row] + inChannelsPerGroup * spatialLinks[flat].count
            }
        }
        var columns = [Int32](repeating: 0, count: storedCount)
        var taps = [Int32](repeating: 0, count: storedCount)
        let inputPerChannel = inputExtents.count
        let kernelPerPair = kernelExtents.count
        columns.withUnsafeMutableBufferPointer { columnBuffer in
            taps.withUnsafeMutableBufferPointer { tapBuffer in
                for flat in 0..<spatialOutputs {
                    let links = spatialLinks[flat]
                    for o in 0..<outChannels {
                        var position = rowStart[o * spatialOutputs + flat]
                        let group = o / outChannelsPerGroup
                        for cInGroup in 0..<inChannelsPerGroup {
                            let columnBase =
                                (group * inChannelsPerGroup + cInGroup) * inputPerChannel
                            let tapBase = (o * inChannelsPerGroup + cInGroup) * kernelPerPair
                            for link in links {
                                columnBuffer[position] = Int32(
                                    truncatingIfNeeded: columnBase + link.input)
                                tapBuffer[position] = Int32(truncatingIfNeeded: tapBase + link.tap)
                                position += 1
                            }
                        }
                    }
                }
            }
        }
        return TapMatrix(
            rowCount: outputCount, columnCount: inputCount, tapCount: weightCount,
            rowStart: rowStart, columns: columns, taps: taps)
    }
}
