import ConvMatrixCore

/// The output-size arithmetic of a transposed convolution, one line per axis with its numbers:
/// `n = (m − 1)·s − p_before − p_after + d·(k − 1) + a + 1`.
public struct TransposedShapeReport: Sendable {
    /// The formula, then one line per axis.
    public let lines: [String]

    /// The report for `layer`.
    public init(_ layer: TransposedConvolution, style s: TextStyle) {
        var lines = [
            "Output size per axis: n = (m \(s.minus) 1)\(s.dot)s \(s.minus) p_before \(s.minus) p_after + d\(s.dot)(k \(s.minus) 1) + a + 1"
        ]
        for (name, axis) in zip(ShapeReport.axisNames(rank: layer.rank), layer.axes) {
            lines.append(
                "  \(name): (\(axis.inputSize) \(s.minus) 1)\(s.dot)\(axis.stride) \(s.minus) \(axis.padding.before) \(s.minus) \(axis.padding.after) + \(axis.dilation)\(s.dot)(\(axis.kernelSize) \(s.minus) 1) + \(axis.outputPadding) + 1 = \(axis.outputSize)"
            )
        }
        self.lines = lines
    }
}
