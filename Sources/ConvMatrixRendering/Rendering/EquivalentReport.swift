import ConvMatrixCore

/// The derivation of a transposed convolution's equivalent direct convolution, step by step with
/// its numbers, as `convmatrix equivalent` prints it.
public struct EquivalentReport: Sendable {
    /// The report's lines.
    public let lines: [String]

    /// The report for `equivalent`; `verified` says whether its composed matrix equals T.
    public init(_ equivalent: EquivalentConvolution, verified: Bool, style s: TextStyle) {
        let layer = equivalent.transposed
        let names = ShapeReport.axisNames(rank: layer.rank)
        var lines = [
            "Transposed convolution: \(LayerDescription.describe(layer, style: s))",
            "Equivalent direct convolution (Dumoulin & Visin 2016, \"A guide to convolution arithmetic\", section 4):",
            "",
            "1. Insert s \(s.minus) 1 zeros between neighbouring inputs: m\(s.arrow)(m \(s.minus) 1)\(s.dot)s + 1",
        ]
        for (t, axis) in layer.axes.enumerated() {
            lines.append(
                "   \(names[t]): \(axis.stride - 1) zero(s); \(axis.inputSize) \(s.arrow) (\(axis.inputSize) \(s.minus) 1)\(s.dot)\(axis.stride) + 1 = \((axis.inputSize - 1) * axis.stride + 1)"
            )
        }
        lines.append(
            "2. Pad d\(s.dot)(k \(s.minus) 1) \(s.minus) p_before before and d\(s.dot)(k \(s.minus) 1) \(s.minus) p_after + a after (a negative amount crops instead):"
        )
        for (t, axis) in layer.axes.enumerated() {
            let signed = equivalent.signedPadding[t]
            var line =
                "   \(names[t]): before \(axis.dilation)\(s.dot)(\(axis.kernelSize) \(s.minus) 1) \(s.minus) \(axis.padding.before) = \(signed.before), after \(axis.dilation)\(s.dot)(\(axis.kernelSize) \(s.minus) 1) \(s.minus) \(axis.padding.after) + \(axis.outputPadding) = \(signed.after)"
            let crop = equivalent.cropping[t]
            if crop.total > 0 {
                line +=
                    "; negative, so crop \(crop.before) position(s) at the start and \(crop.after) at the end of the zero-inserted input"
            }
            lines.append(line)
        }
        let flipped = layer.orientation == .crossCorrelation
        lines.append(
            "3. Cross-correlate with stride 1, dilation \(s.perAxis(layer.axes.map(\.dilation))), the kernel \(flipped ? (s.ascii ? "rotated by 180 degrees" : "rotated by 180°") : "unrotated (the forward kernel was already flipped)") and its channel axes swapped:"
        )
        lines.append(
            "   w\(s.ascii ? "~" : "̃")[c, m, a] = w[m, c, K \(s.minus) 1 \(s.minus) a] (within each of the \(layer.groups) group(s))"
        )
        let conv = equivalent.convolution
        lines.append("")
        lines.append("Equivalent convolution: \(LayerDescription.describe(conv, style: s))")
        lines.append(
            "Its output \(s.sizes(conv.outputExtents.sizes)) is the transposed convolution's output \(s.sizes(layer.outputExtents.sizes))."
        )
        lines.append(
            verified
                ? "Checked: zero insertion, cropping, padding and this convolution compose to the matrix T, entry by entry."
                : "MISMATCH: the composed matrix differs from T.")
        self.lines = lines
    }
}
