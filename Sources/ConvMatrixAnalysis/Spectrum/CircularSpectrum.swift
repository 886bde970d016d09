import ConvMatrixCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The singular values of a circular, stride-1 convolution by the rule of Sedghi, Gupta & Long
/// ("The singular values of convolutional layers", ICLR 2019, Theorem 6).
///
/// Under circular padding with stride 1 and `p_before + p_after = d·(k − 1)` on every axis the
/// output has the input's size and `U = Σ_a k[·, ·, a] ⊗ P^{off(a)}`, a sum of cyclic shifts,
/// which the `D`-dimensional DFT `F` diagonalises block by block: for each frequency
/// `f = (f₀, f₁, …)`, `0 ≤ f_t < n_t`, the `C_out × C_in` matrix
///
///     K̂(f)[o, c] = Σ_a k[o, c, a] · exp(−2πi Σ_t f_t · off_t(a) / n_t),   off_t(a) = a_t·d_t
///
/// (zero outside each output channel's group; `a` flipped for a true convolution), and the
/// singular values of `U` are the union over `f` of the singular values of `K̂(f)`. The common
/// phase of `−p_before` drops out of singular values. Each complex `K̂(f)` is embedded as the
/// real `[[Re, −Im], [Im, Re]]`, whose singular values are those of `K̂(f)`, each twice.
public enum CircularSpectrum {
    /// Whether the rule applies to `conv`: circular padding, stride 1 and `2p = d(k − 1)`
    /// (`p_before + p_after`) on every axis.
    public static func applies(to conv: Convolution) -> Bool {
        conv.paddingMode == .circular
            && conv.axes.allSatisfy {
                $0.stride == 1 && $0.padding.total == $0.dilation * ($0.kernelSize - 1)
            }
    }

    /// Whether the work `Π n · weights` stays within 200 million multiply-adds.
    public static func isAffordable(_ conv: Convolution) -> Bool {
        let work = conv.inputExtents.count.multipliedReportingOverflow(by: conv.weightCount)
        return !work.overflow && work.partialValue <= 200_000_000
    }

    /// The singular values of `conv`'s U at `tapValues` by the DFT rule, descending.
    /// Only meaningful when ``applies(to:)``.
    public static func singularValues(_ conv: Convolution, tapValues: [Double]) -> [Double] {
        let layout = conv.kernelLayout
        let extents = conv.inputExtents
        let rank = conv.rank
        let m = conv.outChannels
        let c = conv.inChannels
        let perGroupIn = conv.inChannelsPerGroup
        let perGroupOut = conv.outChannelsPerGroup
        // Per tap position: its offset on each axis.
        let positions = (0..<layout.spatial.count).map { flat -> [Int] in
            let a = layout.spatial.multiIndex(flat)
            return (0..<rank).map { t in
                let tap =
                    conv.orientation == .convolution ? conv.axes[t].kernelSize - 1 - a[t] : a[t]
                return tap * conv.axes[t].dilation
            }
        }
        var values: [Double] = []
        values.reserveCapacity(extents.count * min(m, c))
        for frequencyFlat in 0..<extents.count {
            let f = extents.multiIndex(frequencyFlat)
            // Phase of each tap position.
            let phases = positions.map { off -> (Double, Double) in
                var angle = 0.0
                for t in 0..<rank {
                    let n = extents.sizes[t]
                    angle -= 2 * Double.pi * Double((f[t] * off[t]) % n) / Double(n)
                }
                return (cos(angle), sin(angle))
            }
            // Real embedding [[Re, −Im], [Im, Re]] of K̂(f), (2M) × (2C).
            var embedded = DenseMatrix(rowCount: 2 * m, columnCount: 2 * c)
            for o in 0..<m {
                let group = o / perGroupOut
                for inner in 0..<perGroupIn {
                    let channel = group * perGroupIn + inner
                    var re = 0.0
                    var im = 0.0
                    for p in 0..<positions.count {
                        let w = tapValues[
                            layout.tap(
                                outer: o, inner: inner, position: layout.spatial.multiIndex(p))]
                        re += w * phases[p].0
                        im += w * phases[p].1
                    }
                    embedded[o, channel] = re
                    embedded[o, c + channel] = -im
                    embedded[m + o, channel] = im
                    embedded[m + o, c + channel] = re
                }
            }
            let doubled = SingularValues.of(embedded)
            // Each value appears twice; keep every other one.
            values += stride(from: 0, to: doubled.count, by: 2).map { doubled[$0] }
        }
        values.sort(by: >)
        return values
    }
}
