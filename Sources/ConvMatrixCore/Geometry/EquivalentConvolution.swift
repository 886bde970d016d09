/// The direct convolution that computes a transposed convolution (Dumoulin & Visin, "A guide to
/// convolution arithmetic for deep learning", 2016, §4).
///
/// Along each axis of a transposed convolution with input `m`, kernel `k`, stride `s`, padding
/// `p_before`/`p_after`, dilation `d` and output padding `a`:
/// 1. insert `s − 1` zeros between input elements: `m̃ = (m − 1)·s + 1` positions;
/// 2. pad `d·(k − 1) − p_before` before and `d·(k − 1) − p_after + a` after — a negative amount
///    means cropping that many positions of the zero-inserted input instead;
/// 3. cross-correlate with stride 1, the same dilation, and the kernel rotated by 180°, its channel
///    axes swapped (`w̃[c, m, a] = w[m, c, K − 1 − a]`, group by group).
/// The result has `m̃ + pad_before + pad_after − d·(k − 1) = n` positions: the transposed
/// convolution's output size.
public struct EquivalentConvolution: Sendable {
    /// Zeros inserted between neighbouring inputs on each axis (`s − 1`).
    public let insertedZeros: [Int]
    /// The padding `d·(k − 1) − p` before and `d·(k − 1) − p + a` after, per axis; negative
    /// values crop.
    public let signedPadding: [(before: Int, after: Int)]
    /// Positions cropped from the zero-inserted input per axis (where the signed padding is
    /// negative).
    public let cropping: [AxisPadding]
    /// The direct convolution on the zero-inserted, cropped input: stride 1, the padding's
    /// non-negative part, the same dilation, the flipped kernel, channels swapped.
    public let convolution: Convolution
    /// The transposed convolution it reproduces.
    public let transposed: TransposedConvolution

    /// The equivalent direct convolution of `transposed`.
    public init(_ transposed: TransposedConvolution) throws(SpecificationError) {
        var zeros: [Int] = []
        var signed: [(before: Int, after: Int)] = []
        var crops: [AxisPadding] = []
        var inputs: [Int] = []
        var paddings: [AxisPadding] = []
        for axis in transposed.axes {
            let span = axis.dilation * (axis.kernelSize - 1)
            let before = span - axis.padding.before
            let after = span - axis.padding.after + axis.outputPadding
            let crop = AxisPadding(before: max(0, -before), after: max(0, -after))
            zeros.append(axis.stride - 1)
            signed.append((before: before, after: after))
            crops.append(crop)
            inputs.append((axis.inputSize - 1) * axis.stride + 1 - crop.total)
            paddings.append(AxisPadding(before: max(0, before), after: max(0, after)))
        }
        let spec = ConvolutionSpec(
            inputSize: inputs, kernelSize: transposed.kernelExtents.sizes, stride: [1],
            padding: .explicit(paddings), dilation: transposed.axes.map { $0.dilation },
            inChannels: transposed.inChannels, outChannels: transposed.outChannels,
            groups: transposed.groups,
            orientation: transposed.orientation == .convolution ? .crossCorrelation : .convolution)
        self.insertedZeros = zeros
        self.signedPadding = signed
        self.cropping = crops
        self.convolution = try spec.validated()
        self.transposed = transposed
    }

    /// The tap of the transposed convolution's weight `(C_in, C_out/g, k…)` that tap `t` of
    /// ``convolution``'s weight `(C_out, C_in/g, k…)` stands for: channels swapped within the
    /// group. (The 180° rotation is carried by ``convolution``'s orientation, so positions agree.)
    public func originalTap(_ t: Int) -> Int {
        let layout = convolution.kernelLayout
        let (outer, inner, position) = layout.components(of: t)
        let outPerGroup = convolution.outChannelsPerGroup
        let inPerGroup = convolution.inChannelsPerGroup
        let group = outer / outPerGroup
        let originalOuter = group * inPerGroup + inner
        let originalInner = outer % outPerGroup
        return transposed.kernelLayout.tap(
            outer: originalOuter, inner: originalInner, position: position)
    }

    /// The matrix of the whole pipeline — zero insertion, cropping, padding, the direct
    /// convolution — on the transposed convolution's input, in the column convention and with
    /// the transposed convolution's taps: it must equal T entry by entry.
    public func composedMatrix(limits: ResourceLimits = .default) throws(SpecificationError)
        -> TapMatrix
    {
        let direct = try convolution.unrolled(limits: limits)
        // The triplets of the composition (24 bytes each) and their CSR come on top of U.
        try limits.checkMemory(
            CheckedArithmetic.multiply(direct.storedCount, 32).flatMap {
                CheckedArithmetic.add($0, direct.columnCount * 8)
            }, for: "the equivalent convolution's matrix")
        try TapMatrix.checkIndexRange(
            rows: direct.rowCount, columns: transposed.inputCount,
            taps: transposed.kernelLayout.count,
            what: "the equivalent convolution's matrix")
        let dilatedInput = convolution.inputExtents
        // Column of the direct convolution reading zero-inserted position q ↦ original input j
        // with j·s − crop_before = q on every axis, or nothing when q is an inserted zero.
        var original = [Int](repeating: -1, count: direct.columnCount)
        let channels = convolution.inChannels
        for c in 0..<channels {
            for flat in 0..<dilatedInput.count {
                let q = dilatedInput.multiIndex(flat)
                var j: [Int] = []
                for (t, axis) in transposed.axes.enumerated() {
                    let shifted = q[t] + cropping[t].before
                    guard shifted % axis.stride == 0 else { break }
                    j.append(shifted / axis.stride)
                }
                guard j.count == q.count else { continue }
                original[c * dilatedInput.count + flat] =
                    c * transposed.inputExtents.count + transposed.inputExtents.flatIndex(j)
            }
        }
        var triplets: [(row: Int, column: Int, tap: Int)] = []
        triplets.reserveCapacity(direct.storedCount)
        for r in 0..<direct.rowCount {
            for entry in direct.entries(inRow: r) where original[entry.column] >= 0 {
                triplets.append((r, original[entry.column], originalTap(entry.tap)))
            }
        }
        return TapMatrix(
            rowCount: direct.rowCount, columnCount: transposed.inputCount,
            tapCount: transposed.kernelLayout.count, triplets: triplets)
    }
}
