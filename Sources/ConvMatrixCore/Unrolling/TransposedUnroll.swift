extension TransposedConvolution {
    /// The matrix T of this layer in the column convention (`z = T·y`): one row per output,
    /// one column per input, built from the scatter definition alone — input `(c, j)` sends
    /// `k[c, o − o₀, a]·y[c, j]` to output `(o, j·s + a·d − p_before)` when that position lies in
    /// `0…n−1` — and *not* from U, so that comparing it with Uᵀ (``verify``) checks something.
    public func unrolled(limits: ResourceLimits = .default) throws(SpecificationError) -> TapMatrix
    {
        let layout = kernelLayout
        let inChannelsPerGroup = inChannels / groups
        let outChannelsPerGroup = outChannels / groups
        // Everything is counted, and the budget checked, before anything is built.
        let perPair = CheckedArithmetic.product(
            axes.map {
                AxisConnections.landingCount(
                    count: $0.inputSize, kernel: $0.kernelSize, stride: $0.stride,
                    dilation: $0.dilation, offset: $0.padding.before, extent: $0.outputSize)
            })
        let stored = perPair.flatMap {
            CheckedArithmetic.product([$0, inChannels, outChannelsPerGroup])
        }
        // Triplets (24 bytes each), the CSR they become (8 bytes an entry, two row arrays) and
        // the per-axis landing tables.
        let axisTables = axes.reduce(0) { $0 + $1.inputSize * (32 + 16 * $1.kernelSize) }
        let bytes = [
            stored.flatMap { CheckedArithmetic.multiply($0, 32) },
            CheckedArithmetic.multiply(outputCount + 1, 16), axisTables,
        ].reduce(Optional(0)) { total, part in
            total.flatMap { t in part.flatMap { CheckedArithmetic.add(t, $0) } }
        }
        try limits.checkMemory(
            bytes, for: "T (\(stored.map(String.init) ?? "too many") stored entries)")
        try TapMatrix.checkIndexRange(
            rows: outputCount, columns: inputCount, taps: layout.count, what: "T")
        // Per axis and input position: the (tap offset, output offset) pairs that land inside.
        let landing: [[[(tap: Int, output: Int)]]] = axes.indices.map { t in
            let axis = axes[t]
            return (0..<axis.inputSize).map { j in
                (0..<axis.kernelSize).compactMap { a in
                    let position = j * axis.stride + a * axis.dilation - axis.padding.before
                    guard position >= 0 && position < axis.outputSize else { return nil }
                    let tap = orientation == .convolution ? axis.kernelSize - 1 - a : a
                    return (tap * layout.spatial.strides[t], position * outputExtents.strides[t])
                }
            }
        }
        var triplets: [(row: Int, column: Int, tap: Int)] = []
        triplets.reserveCapacity(stored ?? 0)
        for c in 0..<inChannels {
            let group = c / inChannelsPerGroup
            for jFlat in 0..<inputExtents.count {
                let j = inputExtents.multiIndex(jFlat)
                var combined: [(tap: Int, output: Int)] = [(0, 0)]
                for t in axes.indices {
                    combined = combined.flatMap { base in
                        landing[t][j[t]].map { (base.tap + $0.tap, base.output + $0.output) }
                    }
                }
                for oInGroup in 0..<outChannelsPerGroup {
                    let o = group * outChannelsPerGroup + oInGroup
                    let tapBase = (c * outChannelsPerGroup + oInGroup) * layout.spatial.count
                    for link in combined {
                        triplets.append(
                            (
                                o * outputExtents.count + link.output,
                                c * inputExtents.count + jFlat, tapBase + link.tap
                            ))
                    }
                }
            }
        }
        return TapMatrix(
            rowCount: outputCount, columnCount: inputCount, tapCount: layout.count,
            triplets: triplets)
    }
}
