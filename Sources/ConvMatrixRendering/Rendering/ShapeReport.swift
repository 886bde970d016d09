import ConvMatrixCore

/// The output-size arithmetic of a convolution written out step by step with its numbers, as
/// `convmatrix shape` prints it, plus warnings for input positions no window reaches.
public struct ShapeReport: Sendable {
    /// The report's lines.
    public let lines: [String]
    /// Warnings (not errors): for example stride 3 on a 4×4 input with kernel 2 never reads
    /// rows and columns 2 and 3.
    public let warnings: [String]

    /// The report for `conv`.
    public init(_ conv: Convolution, style: TextStyle) {
        let s = style
        var lines = ["Convolution: \(LayerDescription.describe(conv, style: s))", ""]
        lines.append(
            "Output size per axis: m = \(s.floor("(n + p_before + p_after \(s.minus) d\(s.dot)(k \(s.minus) 1) \(s.minus) 1) / s")) + 1"
        )
        if case .same = conv.requestedPadding {
            lines.append(
                "same padding: total = max((\(s.ceil("n/s")) \(s.minus) 1)\(s.dot)s + d\(s.dot)(k \(s.minus) 1) + 1 \(s.minus) n, 0), before = \(s.floor("total/2")), after = total \(s.minus) before (the odd position at the end)"
            )
        } else if case .full = conv.requestedPadding {
            lines.append("full padding: d\(s.dot)(k \(s.minus) 1) on both sides")
        }
        var warnings: [String] = []
        let names = ShapeReport.axisNames(rank: conv.rank)
        if case .same = conv.requestedPadding {
            for (t, axis) in conv.axes.enumerated() {
                let outputs = (axis.inputSize + axis.stride - 1) / axis.stride
                lines.append(
                    "  \(names[t]): total = max((\(outputs) \(s.minus) 1)\(s.dot)\(axis.stride) + \(axis.dilation)\(s.dot)(\(axis.kernelSize) \(s.minus) 1) + 1 \(s.minus) \(axis.inputSize), 0) = \(axis.padding.total), so \(axis.padding.before) before and \(axis.padding.after) after"
                )
            }
        }
        for (t, axis) in conv.axes.enumerated() {
            let p = axis.padding
            let numerator = axis.inputSize + p.total - axis.dilatedKernelSize
            lines.append(
                "  \(names[t]): m = \(s.floor("(\(axis.inputSize) + \(p.before) + \(p.after) \(s.minus) \(axis.dilation)\(s.dot)(\(axis.kernelSize) \(s.minus) 1) \(s.minus) 1) / \(axis.stride)")) + 1"
                    + " = \(s.floor("\(numerator) / \(axis.stride)")) + 1 = \(numerator / axis.stride) + 1 = \(axis.outputSize)"
            )
            let unreached = axis.unreachedInputRanges
            if !unreached.isEmpty {
                let count = unreached.reduce(0) { $0 + $1.count }
                let list = ShapeReport.runs(unreached, style: s)
                let partial =
                    axis.unreachedInputsAreComplete
                    ? "" : " (interior gaps of an axis this long are not searched)"
                warnings.append(
                    "warning: \(names[t]): no window reaches input position\(count > 1 ? "s" : "") \(list) of 0\(s.ascii ? ".." : "…")\(axis.inputSize - 1) (stride \(axis.stride), kernel span \(axis.dilatedKernelSize)); they do not affect the output\(partial)"
                )
            }
        }
        lines.append("")
        let channels =
            conv.hasChannels
            ? " (\(conv.outChannels) channel(s) of \(s.sizes(conv.outputExtents.sizes)))" : ""
        lines.append("Output: \(s.sizes(conv.outputExtents.sizes))\(channels)")
        lines.append(
            "U: \(conv.outputCount) outputs \(s.times) \(conv.inputCount) inputs (column convention), \(conv.weightCount) kernel weight(s)"
        )
        self.lines = lines
        self.warnings = warnings
    }

    /// Runs of positions written compactly: `2, 5–7, 9`; past 12 runs, `…` and the totals.
    public static func runs(_ runs: [ClosedRange<Int>], style: TextStyle) -> String {
        let shown = runs.prefix(12).map { run in
            run.count == 1
                ? "\(run.lowerBound)"
                : "\(run.lowerBound)\(style.ascii ? "-" : "–")\(run.upperBound)"
        }
        let total = runs.reduce(0) { $0 + $1.count }
        let more = runs.count > 12 ? ", … (\(total) positions in \(runs.count) runs)" : ""
        return shown.joined(separator: ", ") + more
    }

    /// `rows`, `columns` in 2-D; `depth`, `rows`, `columns` in 3-D; `length` in 1-D; `axis t` beyond.
    public static func axisNames(rank: Int) -> [String] { AxisNames.names(rank: rank) }
}
