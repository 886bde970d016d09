import ConvMatrixCore

/// Whether a stack of forward, zero-padded convolutions is one convolution, and if not, where
/// it differs from the one it resembles.
///
/// Two layers (cross-correlation; Araujo et al., Distill 2019, §"Composing") compose to
///
///     y₂[i] = Σ_b Σ_a w₂[b]·w₁[a] · x[i·s₁s₂ + (b·d₂·s₁ + a·d₁) − (p₂·s₁ + p₁)],
///
/// a single convolution with kernel `K[e] = Σ_{b·d₂·s₁ + a·d₁ = e} w₂[b]·w₁[a]` (the
/// kernels convolved, the second upsampled by `s₁`), of span `d₁(k₁ − 1) + d₂(k₂ − 1)s₁ + 1`,
/// stride `s₁s₂` and padding `p₁ + s₁p₂` — with channels, `K[o, c, e] = Σ_m w₂[o, m, ·]·w₁[m, c, ·]`.
/// Folding layer by layer gives the kernel of any depth. The identity holds for every output
/// whose path never meets the *intermediate* zero padding: the single convolution reads the
/// input's padding, but the stack pads each intermediate map with zeros, so the boundary rows
/// where a window of a later layer overhangs its input differ. ``differingRows`` lists them,
/// found by comparing the two matrices term by term.
public struct SingleConvolution: Sendable {
    /// The single convolution (groups 1, dilation 1): kernel span, stride and padding.
    public let convolution: Convolution
    /// The outputs (flat rows) whose entries differ from the stack's composed matrix.
    public let differingRows: [Int]

    /// Whether the stack equals the single convolution on every row.
    public var isEqual: Bool { differingRows.isEmpty }

    /// Folds `stack` (forward layers with zero padding) into one convolution and compares it,
    /// row by row, with `composed`. Nil when a layer is transposed or not zero-padded, the
    /// folded kernel has more than `termLimit` terms, or the output sizes differ.
    public init?(_ stack: LayerStack, composed: ComposedMatrix, termLimit: Int = 2_000_000) {
        var convolutions: [Convolution] = []
        for layer in stack.layers {
            guard case .convolution(let c) = layer, c.paddingMode == .zeros else { return nil }
            convolutions.append(c)
        }
        let rank = stack.inputExtents.rank
        // The folded kernel: per (o, c) pair, per offset (flat over `extents`), a polynomial.
        typealias Polynomial = [UInt64: Int]
        var extents = [Int](repeating: 1, count: rank)
        var stride = [Int](repeating: 1, count: rank)
        var before = [Int](repeating: 0, count: rank)
        var after = [Int](repeating: 0, count: rank)
        var kernel: [[[Polynomial]]] = [[[[0: 1]]]]  // identity: 1 channel, offset 0
        var channels = (outer: 1, inner: 1)
        var terms = 0
        for (l, conv) in convolutions.enumerated() {
            let layout = conv.kernelLayout
            let newExtents = (0..<rank).map {
                (conv.axes[$0].kernelSize - 1) * conv.axes[$0].dilation * stride[$0] + extents[$0]
            }
            guard let newExtentsFlat = Extents(newExtents), let oldExtents = Extents(extents)
            else { return nil }
            let inner = l == 0 ? conv.inChannels : channels.inner
            var next = [[[Polynomial]]](
                repeating: [[Polynomial]](
                    repeating: [Polynomial](repeating: [:], count: newExtentsFlat.count),
                    count: inner), count: conv.outChannels)
            for o in 0..<conv.outChannels {
                let group = o / conv.outChannelsPerGroup
                for mInGroup in 0..<conv.inChannelsPerGroup {
                    let m = group * conv.inChannelsPerGroup + mInGroup
                    for bFlat in 0..<layout.spatial.count {
                        let b = layout.spatial.multiIndex(bFlat)
                        let position = (0..<rank).map {
                            conv.orientation == .convolution
                                ? conv.axes[$0].kernelSize - 1 - b[$0] : b[$0]
                        }
                        let tap = layout.tap(outer: o, inner: mInGroup, position: position)
                        let shift = UInt64(tap) * composed.radices[l]
                        for c in 0..<inner {
                            let source: [Polynomial] =
                                l == 0 ? [[0: 1]] : kernel[m][c]
                            if l == 0 && c != m { continue }
                            for eFlat in 0..<source.count where !source[eFlat].isEmpty {
                                let e =
                                    l == 0
                                    ? [Int](repeating: 0, count: rank)
                                    : oldExtents.multiIndex(eFlat)
                                let target = newExtentsFlat.flatIndex(
                                    (0..<rank).map {
                                        b[$0] * conv.axes[$0].dilation * stride[$0] + e[$0]
                                    })
                                for (monomial, coefficient) in source[eFlat] {
                                    next[o][c][target][monomial + shift, default: 0] += coefficient
                                    terms += 1
                                    if terms > termLimit { return nil }
                                }
                            }
                        }
                    }
                }
            }
            for t in 0..<rank {
                before[t] += conv.axes[t].padding.before * stride[t]
                after[t] += conv.axes[t].padding.after * stride[t]
                stride[t] *= conv.axes[t].stride
            }
            extents = newExtents
            kernel = next
            channels = (conv.outChannels, inner)
        }
        let spec = ConvolutionSpec(
            inputSize: stack.inputExtents.sizes, kernelSize: extents, stride: stride,
            padding: .explicit(
                (0..<rank).map { AxisPadding(before: before[$0], after: after[$0]) }),
            inChannels: channels.inner, outChannels: channels.outer)
        guard let single = try? spec.validated(), single.outputExtents == stack.outputExtents,
            let u = try? single.unrolled()
        else { return nil }
        convolution = single
        let layout = single.kernelLayout
        // Compare row by row.
        var differing: [Int] = []
        for r in 0..<u.rowCount {
            var scratch: [ComposedMatrix.Term] = []
            for i in u.rowStart[r]..<u.rowStart[r + 1] {
                let (o, c, position) = layout.components(of: Int(u.taps[i]))
                let polynomial = kernel[o][c][layout.spatial.flatIndex(position)]
                for (monomial, coefficient) in polynomial where coefficient != 0 {
                    scratch.append(
                        .init(column: u.columns[i], monomial: monomial, coefficient: coefficient))
                }
            }
            var columns: [Int32] = []
            var monomials: [UInt64] = []
            var coefficients: [Int] = []
            do {
                try ComposedMatrix.appendMerged(
                    &scratch, columns: &columns, monomials: &monomials, coefficients: &coefficients)
            } catch {
                return nil
            }
            let range = composed.rowStart[r]..<composed.rowStart[r + 1]
            if columns != Array(composed.columns[range])
                || monomials != Array(composed.monomials[range])
                || coefficients != Array(composed.coefficients[range])
            {
                differing.append(r)
            }
        }
        differingRows = differing
    }
}
