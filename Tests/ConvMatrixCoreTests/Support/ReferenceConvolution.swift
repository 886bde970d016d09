@testable import ConvMatrixCore

/// The definition of a convolution written as plainly as possible, independent of the library's
/// unrolling code: for every output, every tap, the padded input position it meets.
///
/// `y[o, i] = Σ_{c, a} k[o, c, a] · x̃[c₀ + c, i·s + a·d − p]`, with `x̃` the padded input built
/// position by position from the padding mode's textbook definition.
enum ReferenceConvolution {
    /// The padded axis: for padded coordinate `u` (0 ≤ u < n + p_before + p_after), the input
    /// index it holds, or nil for a zero.
    static func paddedAxis(n: Int, padding: AxisPadding, mode: PaddingMode) -> [Int?] {
        (0..<(n + padding.total)).map { u in
            let q = u - padding.before
            if q >= 0 && q < n { return q }
            switch mode {
            case .zeros: return nil
            case .replicate: return q < 0 ? 0 : n - 1
            case .circular: return q < 0 ? q + n : q - n
            case .reflect: return q < 0 ? -q : 2 * (n - 1) - q
            }
        }
    }

    /// Every `(row, column) → taps` of U in the column convention, taps sorted.
    static func entries(of conv: Convolution) -> [Pair: [Int]] {
        let padded = conv.axes.map {
            paddedAxis(n: $0.inputSize, padding: $0.padding, mode: conv.paddingMode)
        }
        var result: [Pair: [Int]] = [:]
        let cg = conv.inChannelsPerGroup
        for o in 0..<conv.outChannels {
            let group = o / conv.outChannelsPerGroup
            for outFlat in 0..<conv.outputExtents.count {
                let i = conv.outputExtents.multiIndex(outFlat)
                for c in 0..<cg {
                    for kFlat in 0..<conv.kernelExtents.count {
                        let a = conv.kernelExtents.multiIndex(kFlat)
                        var q: [Int] = []
                        for t in conv.axes.indices {
                            let u = i[t] * conv.axes[t].stride + a[t] * conv.axes[t].dilation
                            guard let source = padded[t][u] else { break }
                            q.append(source)
                        }
                        guard q.count == conv.rank else { continue }
                        let aUsed =
                            conv.orientation == .convolution
                            ? zip(a, conv.axes).map { $1.kernelSize - 1 - $0 } : a
                        let tap =
                            (o * cg + c) * conv.kernelExtents.count
                            + conv.kernelExtents.flatIndex(aUsed)
                        let row = o * conv.outputExtents.count + outFlat
                        let column =
                            (group * cg + c) * conv.inputExtents.count
                            + conv.inputExtents.flatIndex(q)
                        result[Pair(row: row, column: column), default: []].append(tap)
                    }
                }
            }
        }
        return result.mapValues { $0.sorted() }
    }

    /// U assembled plainly from ``entries(of:)``: one triplet per tap, sorted into rows by
    /// ``TapMatrix/init(rowCount:columnCount:tapCount:triplets:)``.
    static func matrix(of conv: Convolution) -> TapMatrix {
        var triplets: [(row: Int, column: Int, tap: Int)] = []
        for (pair, taps) in entries(of: conv) {
            for tap in taps { triplets.append((pair.row, pair.column, tap)) }
        }
        return TapMatrix(
            rowCount: conv.outputCount, columnCount: conv.inputCount, tapCount: conv.weightCount,
            triplets: triplets)
    }

    /// A matrix position.
    struct Pair: Hashable {
        let row: Int
        let column: Int
    }
}

extension TapMatrix {
    /// Every stored entry as `(row, column) → taps`.
    var entryDictionary: [ReferenceConvolution.Pair: [Int]] {
        var result: [ReferenceConvolution.Pair: [Int]] = [:]
        for r in 0..<rowCount {
            for e in entries(inRow: r) {
                result[ReferenceConvolution.Pair(row: r, column: e.column), default: []].append(
                    e.tap)
            }
        }
        return result
    }
}
