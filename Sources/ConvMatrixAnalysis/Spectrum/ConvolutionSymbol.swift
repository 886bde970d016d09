import ConvMatrixCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The symbol of a (strided) convolution: how it acts on plane waves, used to start the power
/// iteration of ``OperatorNorm`` close to the top singular vector.
///
/// A plane wave `x[c, q] = v_c·e^{iθ·q}` (θ per axis) goes through tap `a` of a convolution
/// with stride `s`, dilation `d` and padding `p` (ignoring the borders) to
/// `y[o, i] = e^{isθ·i} · (Ŵ(θ)v)_o` with `Ŵ(θ)[o, c] = Σ_a w[o, c, a]·e^{iθ·(a·d − p)}`.
/// The `s^D` aliases `θ_j = (ω + 2πj)/s` land on the same output frequency `ω`, so on the span
/// of those waves `U` acts as the `C_out × (C_in·s^D)` matrix `A(ω) = [Ŵ(θ₀) ⋯ Ŵ(θ_{s^D−1})]`.
/// For stride 1 and circular padding this is the rule of Sedghi, Gupta & Long (ICLR 2019); with
/// strides it is its polyphase form. The largest singular value of `A(ω)` over `ω` is the
/// norm of the layer on an unbounded input, and its right singular vector, as a sum of plane
/// waves, is the top singular vector up to the borders.
///
/// ``startVector(_:tapValues:)`` maximises `σ_max(A(ω))` over a grid refined three times, and
/// returns that wave times the lowest Dirichlet mode `Π_t sin(π(q_t + 1)/(n_t + 1))`, the
/// envelope that zero padding favours.
public enum ConvolutionSymbol {
    /// `σ_max(A(ω))²` and the top right singular vector (real and imaginary parts of each
    /// `(alias, channel)` component) by power iteration on the real embedding of `AᴴA`.
    static func top(_ conv: Convolution, taps: [Double], omega: [Double]) -> (
        value: Double, vector: [Double], thetas: [[Double]]
    ) {
        let rank = conv.rank
        let layout = conv.kernelLayout
        let strides = conv.axes.map(\.stride)
        let aliasCount = strides.reduce(1, *)
        let m = conv.outChannels
        let c = conv.inChannels
        let columns = c * aliasCount
        // Aliases.
        var thetas: [[Double]] = []
        for j in 0..<aliasCount {
            var rest = j
            var theta = [Double](repeating: 0, count: rank)
            for t in (0..<rank).reversed() {
                let jt = rest % strides[t]
                rest /= strides[t]
                theta[t] = (omega[t] + 2 * Double.pi * Double(jt)) / Double(strides[t])
            }
            thetas.append(theta)
        }
        // A(ω): re, im, m × columns.
        var re = [Double](repeating: 0, count: m * columns)
        var im = [Double](repeating: 0, count: m * columns)
        let positions = (0..<layout.spatial.count).map { layout.spatial.multiIndex($0) }
        for (j, theta) in thetas.enumerated() {
            let phases = positions.map { a -> (Double, Double) in
                var angle = 0.0
                for t in 0..<rank {
                    let tap =
                        conv.orientation == .convolution ? conv.axes[t].kernelSize - 1 - a[t] : a[t]
                    angle +=
                        theta[t] * Double(tap * conv.axes[t].dilation - conv.axes[t].padding.before)
                }
                return (cos(angle), sin(angle))
            }
            for o in 0..<m {
                let group = o / conv.outChannelsPerGroup
                for inner in 0..<conv.inChannelsPerGroup {
                    let channel = group * conv.inChannelsPerGroup + inner
                    var r = 0.0
                    var i = 0.0
                    let base = layout.tap(outer: o, inner: inner, position: positions[0])
                    for p in 0..<positions.count {
                        let w = taps[base + p]
                        r += w * phases[p].0
                        i += w * phases[p].1
                    }
                    re[o * columns + j * c + channel] = r
                    im[o * columns + j * c + channel] = i
                }
            }
        }
        // Power iteration on the embedding E = [[Re, −Im], [Im, Re]] (2m × 2·columns).
        var v = (0..<(2 * columns)).map { 1 + 0.1 * Double($0 % 7) }
        var value = 0.0
        for _ in 0..<200 {
            var y = [Double](repeating: 0, count: 2 * m)
            for o in 0..<m {
                var a = 0.0
                var b = 0.0
                for k in 0..<columns {
                    let xr = v[k]
                    let xi = v[columns + k]
                    a += re[o * columns + k] * xr - im[o * columns + k] * xi
                    b += im[o * columns + k] * xr + re[o * columns + k] * xi
                }
                y[o] = a
                y[m + o] = b
            }
            var z = [Double](repeating: 0, count: 2 * columns)
            for o in 0..<m {
                for k in 0..<columns {
                    let a = y[o]
                    let b = y[m + o]
                    z[k] += re[o * columns + k] * a + im[o * columns + k] * b
                    z[columns + k] += -im[o * columns + k] * a + re[o * columns + k] * b
                }
            }
            let norm = z.reduce(0) { $0 + $1 * $1 }.squareRoot()
            guard norm > 0 else { break }
            let next = norm
            v = z.map { $0 / norm }
            if abs(next - value) <= 1e-13 * next {
                value = next
                break
            }
            value = next
        }
        return (value, v, thetas)
    }

    /// A start vector for the power iteration of `conv`'s `UᵀU` at `tapValues` (one value per
    /// input, unnormalised), or nil for layers with other padding modes than zeros, more than
    /// two spatial axes, or symbols larger than 4096 entries (the search would cost more than
    /// it saves).
    public static func startVector(_ conv: Convolution, tapValues: [Double]) -> [Double]? {
        let rank = conv.rank
        let aliases = conv.axes.reduce(1) { $0 * $1.stride }
        guard conv.paddingMode == .zeros, rank <= 2, tapValues.count == conv.weightCount,
            conv.outChannels * conv.inChannels * aliases <= 4096
        else { return nil }
        // Search ω on a grid, then refine around the best point three times.
        var best = (value: -1.0, omega: [Double](repeating: 0, count: rank))
        var step = 2 * Double.pi / 16
        var centre = [Double](repeating: Double.pi, count: rank)
        var span = 8
        for _ in 0..<4 {
            let side = 2 * span + 1
            var count = 1
            for _ in 0..<rank { count *= side }
            for flat in 0..<count {
                var rest = flat
                var omega = centre
                for t in 0..<rank {
                    omega[t] += Double(rest % side - span) * step
                    rest /= side
                }
                let value = top(conv, taps: tapValues, omega: omega).value
                if value > best.value { best = (value, omega) }
            }
            centre = best.omega
            step /= 4
            span = 4
        }
        let (_, vector, thetas) = top(conv, taps: tapValues, omega: best.omega)
        let c = conv.inChannels
        let columns = c * thetas.count
        let extents = conv.inputExtents
        var x = [Double](repeating: 0, count: conv.inputCount)
        for flat in 0..<extents.count {
            let q = extents.multiIndex(flat)
            var envelope = 1.0
            for t in 0..<rank {
                envelope *= sin(Double.pi * Double(q[t] + 1) / Double(extents.sizes[t] + 1))
            }
            for channel in 0..<c {
                var total = 0.0
                for (j, theta) in thetas.enumerated() {
                    var angle = 0.0
                    for t in 0..<rank { angle += theta[t] * Double(q[t]) }
                    let vr = vector[j * c + channel]
                    let vi = vector[columns + j * c + channel]
                    total += vr * cos(angle) - vi * sin(angle)
                }
                x[channel * extents.count + flat] = total * envelope
            }
        }
        return x
    }
}
