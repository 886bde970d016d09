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
    /// input channel of `o`'s group, and `c` restricted to that group. The row convention
    /// (`X·U = O`) is the transpose of this matrix.
    ///
    /// The number of stored entries is known before anything is allocated,
    /// `M · (C/g) · Π_t (Σ_i |links_t(i)|)`; it is checked against `limits` (8 bytes per entry
    /// and at most 8 per row, the matrix itself: nothing else grows with the layer). The rows'
    /// offsets keep at most 4 bytes a row, none when every row holds as many entries
    /// (``RowStarts``).
    ///
    /// How it is built, and why it is right:
    /// - Each leading axis's `(tap, input)` pairs are tabulated once (`AxisConnections`, a few
    ///   bytes per output position of that axis); the last axis, walked fastest, computes them
    ///   at each position (`AxisPairRule`), so that no table grows with a long 1-D signal.
    /// - The pairs of spatial position `i = (i₀, …, i_{N−1})` are the Cartesian product of its
    ///   axes' pairs, offsets added: tap `a` meets input `q` exactly when every `a_t` meets
    ///   `q_t`, and row-major flat offsets are sums over axes. They are formed in a scratch
    ///   buffer of at most `Π_t max_i |links_t(i)|` pairs, reused from one position to the next,
    ///   so memory does not grow with the number of spatial outputs (it did when each position
    ///   kept a list of its own: 36 bytes an entry at 2048×2048).
    /// - Under zero padding the product is already in canonical order: within an axis `q`
    ///   grows with `a`, and the outer axis varies slowest, as in row-major order. Other modes
    ///   fold positions back onto the input, so the scratch is sorted by `(input, tap)`.
    /// - Every output channel `o` and input channel `c` of its group then copy the scratch with
    ///   two added constants (`c`'s first column, `(o, c)`'s first tap); the channels of one
    ///   row follow each other, so the row stays sorted by column.
    /// - Rows are visited in the order they are stored when there is one output channel, and
    ///   in `(i, o)` order otherwise (one scratch per spatial position); in both cases every
    ///   row's range comes from `rowStart`, filled in a first pass from the same counts.
    ///
    /// Time is linear in the number of entries plus rows; the property tests compare the result
    /// with the definition (`ReferenceConvolution`) entry by entry and in canonical order.
    public func unrolled(limits: ResourceLimits = .default) throws(SpecificationError) -> TapMatrix
    {
        // Everything is counted, and the budget checked, before anything is built.
        let linkCounts = axes.map { AxisConnections.linkCount(axis: $0, mode: paddingMode) }
        let perChannelPair = CheckedArithmetic.product(linkCounts)
        let stored = perChannelPair.flatMap {
            CheckedArithmetic.product([$0, outChannels, inChannelsPerGroup])
        }
        // CSR (8 bytes an entry, at most 8 a row), the per-axis tables and the scratch (16 bytes a pair).
        let scratch = CheckedArithmetic.product(kernelExtents.sizes).flatMap {
            CheckedArithmetic.multiply($0, 16)
        }
        let bytes = [
            stored.flatMap { CheckedArithmetic.multiply($0, 8) },
            CheckedArithmetic.multiply(outputCount + 1, 8), axisTableBytes, scratch,
        ].reduce(Optional(0)) { total, part in
            total.flatMap { t in part.flatMap { CheckedArithmetic.add(t, $0) } }
        }
        try limits.checkMemory(
            bytes, for: "U (\(stored.map(String.init) ?? "too many") stored entries)")
        try TapMatrix.checkIndexRange(
            rows: outputCount, columns: inputCount, taps: weightCount, what: "U")
        // Tables for the leading axes; the last axis, walked fastest, by its rule.
        let rules = axes.indices.map { pairRule(axis: $0) }
        let leading = rules.dropLast().map { AxisConnections($0) }
        let spatialOutputs = outputExtents.count
        let odometer = SpatialOdometer(leading, last: rules[rules.count - 1])

        // Pass 1, row lengths: every row of spatial position i has (C/g)·Π_t |links_t(i_t)|
        // entries. Rows that all hold as many need no table; the others get 32-bit offsets
        // (64-bit past 2³² entries), built in place (RowStarts).
        var firstCount: Int? = nil
        var uniform = true
        odometer.forEachPairCount { _, count in
            if let first = firstCount {
                if count != first { uniform = false }
            } else {
                firstCount = count
            }
        }
        func offsets<T: FixedWidthInteger>(_: T.Type) -> [T] {
            var rowStart = [T](repeating: 0, count: outputCount + 1)
            rowStart.withUnsafeMutableBufferPointer { rowStart in
                odometer.forEachPairCount { flat, count in
                    for o in 0..<outChannels {
                        rowStart[o * spatialOutputs + flat + 1] = T(
                            truncatingIfNeeded: inChannelsPerGroup * count)
                    }
                }
                for row in 0..<outputCount { rowStart[row + 1] &+= rowStart[row] }
            }
            return rowStart
        }
        let rowStart: RowStarts
        if uniform {
            rowStart = RowStarts(rows: outputCount, step: inChannelsPerGroup * (firstCount ?? 0))
        } else if let stored, UInt32(exactly: stored) != nil {
            rowStart = RowStarts(narrow: offsets(UInt32.self))
        } else {
            rowStart = RowStarts(offsets(Int.self))
        }
        let total = rowStart[outputCount]

        // A matrix with no entries keeps empty arrays: `Array(unsafeUninitializedCapacity: 0)`
        // writes its count into the one empty-array storage that every thread shares, which
        // ThreadSanitizer reports as a data race when two layers are unrolled at once.
        guard total > 0 else {
            return TapMatrix(
                rowCount: outputCount, columnCount: inputCount, tapCount: weightCount,
                rowStart: rowStart, columns: [], taps: [])
        }

        // Pass 2, the entries. Every slot of both arrays is written exactly once: rows are
        // disjoint, and each gets exactly the count pass 1 gave it.
        let inputPerChannel = Int32(truncatingIfNeeded: inputExtents.count)
        let kernelPerPair = Int32(truncatingIfNeeded: kernelExtents.count)
        let groupChannels = Int32(truncatingIfNeeded: inChannelsPerGroup)
        var taps: [Int32] = []
        let columns = [Int32](unsafeUninitializedCapacity: total) { columnBuffer, columnCount in
            taps = [Int32](unsafeUninitializedCapacity: total) { tapBuffer, tapCount in
                do {
                    odometer.forEachPosition(sorted: paddingMode != .zeros) {
                        flat, pairTaps, pairInputs in
                        for o in 0..<outChannels {
                            var position = rowStart[o * spatialOutputs + flat]
                            let group = Int32(truncatingIfNeeded: o / outChannelsPerGroup)
                            let pair = Int32(truncatingIfNeeded: o) * groupChannels
                            for c in 0..<groupChannels {
                                // Below 2³¹: columns and taps were checked to fit Int32.
                                let columnBase = (group * groupChannels + c) * inputPerChannel
                                let tapBase = (pair + c) * kernelPerPair
                                for p in 0..<pairTaps.count {
                                    columnBuffer[position] = columnBase &+ pairInputs[p]
                                    tapBuffer[position] = tapBase &+ pairTaps[p]
                                    position += 1
                                }
                            }
                        }
                    }
                }
                tapCount = total
            }
            columnCount = total
        }
        return TapMatrix(
            rowCount: outputCount, columnCount: inputCount, tapCount: weightCount,
            rowStart: rowStart, columns: columns, taps: taps)
    }
}

extension Convolution {
    /// The `(tap, input)` pairs of axis `t` in U's flat offsets: a tap times the kernel's
    /// row-major stride on that axis, an input position times the input's.
    func pairRule(axis t: Int) -> AxisPairRule {
        AxisPairRule(
            axis: axes[t], mode: paddingMode, orientation: orientation,
            inputStride: inputExtents.strides[t], kernelStride: kernelExtents.strides[t])
    }

    /// The bytes of the per-axis `(tap, input)` tables (``AxisConnections``) that
    /// ``unrolled(limits:)`` and ``unrolledRows(_:limits:)`` build, at most:
    /// `Σ_t m_t·(8·k_t + 8)`, 8 bytes a pair for at most `k_t` pairs and one 8-byte start per
    /// output position `i_t`; nil past `Int`.
    var axisTableBytes: Int? {
        axes.reduce(Optional(0)) { total, axis in
            CheckedArithmetic.multiply(8, axis.kernelSize).flatMap {
                CheckedArithmetic.multiply(axis.outputSize, $0 + 8)
            }.flatMap { part in total.flatMap { CheckedArithmetic.add($0, part) } }
        }
    }
}
