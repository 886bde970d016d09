import ConvMatrixCore

/// The overlap of a transposed convolution: for every output position, how many inputs reach
/// it — the count behind the checkerboard artifacts of Odena, Dumoulin & Olah ("Deconvolution
/// and Checkerboard Artifacts", Distill 2016).
///
/// ## The rule per axis, with dilation
/// Along one axis the transposed layer sends input `j` (`0 ≤ j < m`) through tap `a`
/// (`0 ≤ a < k`) to output `o = j·s + a·d − p`. Output `o` is therefore reached once for each
/// tap `a` with
///
///     a·d ≡ o + p (mod s)   and   0 ≤ (o + p − a·d)/s ≤ m − 1.
///
/// Write `g = gcd(d, s)` and `s' = s/g`. If `g ∤ (o + p)` no tap reaches `o`. Otherwise the
/// congruence reduces to `a ≡ a₀(o) (mod s')` with `a₀ = ((o + p)/g)·(d/g)⁻¹ mod s'`, which
/// holds for `⌈(k − a₀)/s'⌉` taps. Away from the borders (where the second condition never
/// binds) the count per axis is thus periodic in `o` with period `s`, taking the values
/// `⌊k/s'⌋` and `⌈k/s'⌉` on the positions with `g | (o + p)` and 0 elsewhere: it is **uniform
/// exactly when `g = 1` and `s | k`** (for `d = 1`: when the stride divides the kernel size),
/// and then every interior output is reached `k/s` times. At the borders the range condition
/// removes the taps whose input would lie outside `0…m−1`.
///
/// In `D` dimensions an output `(o₀, o₁, …)` is reached by one input per combination of
/// per-axis taps, so the counts *multiply*: `count(o) = (C_in/g_groups)·Π_t count_t(o_t)`,
/// the first factor being the input channels of the output's group.
///
/// `init(layer:matrix:)` computes these counts from the rule and also reads them from the
/// matrix of the transposed layer (the row counts of `T`, equivalently the column counts of
/// `U`); ``matchesMatrix`` says whether the two agree at every position.
public struct TransposedOverlap: Hashable, Sendable {
    /// The rule on one axis.
    public struct AxisRule: Hashable, Sendable {
        /// The scatter geometry of the axis.
        public let axis: ScatterAxis
        /// `gcd(d, s)`.
        public let gcd: Int
        /// The count at every output position of the axis, borders included, from the rule.
        public let counts: [Int]
        /// The counts of one period `o + p ≡ 0, 1, …, s − 1 (mod s)` away from the borders (for
        /// a stride above 4096, the counts of the residues the taps hit, then a 0).
        public let interiorPeriod: [Int]

        /// Whether the interior counts are all equal: `gcd(d, s) = 1` and `s/gcd | k`.
        public var interiorUniform: Bool { Set(interiorPeriod).count == 1 }
        /// Whether the stride divides the kernel size (the rule of Odena et al. for `d = 1`).
        public var strideDividesKernel: Bool { axis.kernel % axis.stride == 0 }

        /// The rule on `axis`.
        public init(_ axis: ScatterAxis) {
            self.axis = axis
            let s = axis.stride
            let d = axis.dilation
            gcd = Self.gcd(d, s)
            counts = (0..<axis.outputs).map { o in
                (0..<axis.kernel).reduce(0) { total, a in
                    let t = o + axis.paddingBefore - a * d
                    guard t >= 0, t % s == 0, t / s < axis.inputs else { return total }
                    return total + 1
                }
            }
            if s <= 4096 {
                interiorPeriod = (0..<s).map { residue in
                    (0..<axis.kernel).filter { a in ((residue - a * d) % s + s) % s == 0 }.count
                }
            } else {
                // A long period: the counts of the residues the taps hit, and a 0 for the
                // residues they miss (there are more residues than taps).
                var hits: [Int: Int] = [:]
                for a in 0..<axis.kernel { hits[(a * d) % s, default: 0] += 1 }
                interiorPeriod =
                    hits.keys.sorted().compactMap { hits[$0] } + (hits.count < s ? [0] : [])
            }
        }

        static func gcd(_ a: Int, _ b: Int) -> Int { b == 0 ? a : gcd(b, a % b) }

        /// Positions `o` whose count the borders do not affect: every tap that satisfies the
        /// congruence has its input in range, i.e. `(k − 1)·d ≤ o + p ≤ (m − 1)·s`.
        public var interiorPositions: ClosedRange<Int>? {
            let low = max(0, (axis.kernel - 1) * axis.dilation - axis.paddingBefore)
            let high = min(axis.outputs - 1, (axis.inputs - 1) * axis.stride - axis.paddingBefore)
            return low <= high ? low...high : nil
        }
    }

    /// The rule per axis.
    public let axes: [AxisRule]
    /// The input channels of each output channel's group, `C_in/g`, the factor in front.
    public let channelFactor: Int
    /// Output channels of the transposed layer.
    public let outputChannels: Int
    /// The counts read from the matrix, one per output of the transposed layer, flat.
    public let counts: CountSummary
    /// The counts the rule predicts, flat (same order).
    public let predicted: [Int]

    /// The overlap of `layer`'s transposed layer, whose counts are the column counts of the
    /// forward matrix `U` (`layer` a convolution) or the row counts of `T` (`layer` transposed);
    /// `matrix` is the layer's own matrix.
    public init(layer: Layer, fans: FanCounts) {
        axes = layer.scatterAxes.map(AxisRule.init)
        // The scatter runs from the sources of a transposed map to its targets: a convolution's
        // outputs back to its inputs (U's columns), a transposed layer's inputs to its outputs.
        let (sources, targets) =
            layer.isTransposed
            ? (layer.inputSide, layer.outputSide) : (layer.outputSide, layer.inputSide)
        channelFactor = sources.channels / layer.groups
        outputChannels = targets.channels
        counts = layer.isTransposed ? fans.fanIn : fans.fanOut
        let extents = Extents(axes.map(\.axis.outputs))
        let spatial = extents?.count ?? 0
        var predicted = [Int](repeating: 0, count: spatial * outputChannels)
        if let extents {
            for flat in 0..<spatial {
                let index = extents.multiIndex(flat)
                var product = channelFactor
                for t in axes.indices { product *= axes[t].counts[index[t]] }
                for channel in 0..<outputChannels { predicted[channel * spatial + flat] = product }
            }
        }
        self.predicted = predicted
    }

    /// Whether the counts read from the matrix equal the rule's at every position.
    public var matchesMatrix: Bool { predicted == counts.counts }

    /// Whether the interior counts (positions away from the borders on every axis) are all
    /// equal, as read from the matrix. When some axis has fewer interior positions than its
    /// stride (too few to show a period), whether all counts are equal.
    public var uniform: Bool {
        let ranges = axes.map(\.interiorPositions)
        let wideEnough = zip(ranges, axes).allSatisfy { range, axis in
            (range?.count ?? 0) >= axis.axis.stride
        }
        guard wideEnough, let extents = Extents(axes.map(\.axis.outputs))
        else { return counts.isUniform }
        var seen: Int?
        let spatial = extents.count
        for flat in 0..<counts.counts.count {
            let index = extents.multiIndex(flat % spatial)
            let inside = index.indices.allSatisfy { ranges[$0]?.contains(index[$0]) ?? false }
            guard inside else { continue }
            if let value = seen, value != counts.counts[flat] { return false }
            seen = counts.counts[flat]
        }
        return true
    }

    /// Whether the rule says the interior is uniform (every axis interior-uniform).
    public var ruleSaysUniform: Bool { axes.allSatisfy(\.interiorUniform) }
}
