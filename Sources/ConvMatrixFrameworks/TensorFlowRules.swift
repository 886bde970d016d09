import ConvMatrixCore

/// A TensorFlow layer in TensorFlow's own words: `tf.nn.conv{1,2,3}d` or
/// `tf.nn.conv{1,2,3}d_transpose` with `strides`, `padding`, `output_shape`, `dilations`.
///
/// TensorFlow's rules (`tensorflow/core/framework/kernel_shape_util.cc`,
/// `tensorflow/python/ops/nn_ops.py`, the `tf.nn.conv2d_transpose` documentation):
/// - `SAME`: output `⌈i/s⌉`, `need = max((⌈i/s⌉ − 1)s + k_e − i, 0)`, `⌊need/2⌋` before;
/// - `VALID`: output `⌈(i − k_e + 1)/s⌉`, no padding;
/// - explicit `[[0, 0], [before, after], …, [0, 0]]`: `tf.nn.conv2d` and `conv2d_transpose`
///   only (the 1-D and 3-D functions take a string), and `conv2d_transpose` refuses it on the CPU
///   with dilations > 1;
/// - `conv*d_transpose` is the gradient of `conv*d`: `output_shape` is required, and it is
///   valid when the convolution of an input of that shape, with the same padding, has this
///   layer's input shape; the crop before is that convolution's padding before.
public struct TensorFlowLayer: Hashable, Sendable {
    /// `padding`.
    public enum Padding: Hashable, Sendable {
        /// `"SAME"`.
        case same
        /// `"VALID"`.
        case valid
        /// Explicit `[before, after]` per spatial axis (2-D only).
        case explicit([AxisPadding])
    }

    /// conv or conv_transpose.
    public var direction: FrameworkDirection
    /// `strides` per spatial axis (or one for all).
    public var strides: [Int]
    /// `padding`.
    public var padding: Padding
    /// `output_shape`, its spatial part (transposed only, required there).
    public var outputShape: [Int]?
    /// `dilations` per spatial axis (or one for all).
    public var dilations: [Int]

    /// Creates a layer; ``geometry(input:kernel:)`` checks it.
    public init(
        direction: FrameworkDirection, strides: [Int] = [1], padding: Padding = .valid,
        outputShape: [Int]? = nil, dilations: [Int] = [1]
    ) {
        self.direction = direction
        self.strides = strides
        self.padding = padding
        self.outputShape = outputShape
        self.dilations = dilations
    }

    /// The forward padding of one axis of `i` inputs.
    private func forwardPadding(
        _ t: Int, input i: Int, kernel k: Int, stride s: Int, dilation d: Int
    )
        -> AxisPadding
    {
        switch padding {
        case .same: SamePadding.forward(input: i, kernel: k, stride: s, dilation: d, lower: false)
        case .valid: AxisPadding(0)
        case .explicit(let pairs): pairs.count == 1 ? pairs[0] : pairs[t]
        }
    }

    /// The layer's axes by TensorFlow's rules, or the rule it breaks.
    public func geometry(input: [Int], kernel: [Int]) throws(FrameworkError) -> FrameworkGeometry {
        let rank = input.count
        let (s, d) = try ParameterCheck.axes(
            input: input, kernel: kernel, maxRank: 3, framework: .tensorflow,
            stride: (strides, "strides"), dilation: (dilations, "dilations"))
        if case .explicit(let pairs) = padding {
            guard rank == 2 else {
                throw FrameworkError(
                    "padding",
                    "explicit padding is accepted by tf.nn.conv2d and conv2d_transpose only; tf.nn.conv\(rank)d\(direction == .transposed ? "_transpose" : "") takes \"SAME\" or \"VALID\""
                )
            }
            guard pairs.count == 1 || pairs.count == rank else {
                throw FrameworkError(
                    "padding",
                    "expected one [before, after] pair per spatial axis, got \(pairs.count)")
            }
            if let bad = pairs.first(where: { $0.before < 0 || $0.after < 0 }) {
                throw FrameworkError("padding", "must be ≥ 0, got \(bad)")
            }
            try ParameterCheck.bounded(pairs.flatMap { [$0.before, $0.after] }, "padding")
            if direction == .transposed && d.contains(where: { $0 > 1 }) {
                throw FrameworkError(
                    "padding",
                    "explicit padding with dilations > 1 is refused by TensorFlow's CPU conv2d_transpose (\"Current CPU implementations do not yet support dilation rates larger than 1\"); use SAME or VALID"
                )
            }
        }
        var axes: [FrameworkAxis] = []
        switch direction {
        case .forward:
            if outputShape != nil {
                throw FrameworkError(
                    "output_shape",
                    "tf.nn.conv\(rank)d has no output_shape (conv\(rank)d_transpose has)")
            }
            for t in 0..<rank {
                axes.append(
                    try axis(
                        t, input: input[t], kernel: kernel[t], stride: s[t], dilation: d[t],
                        outputShape: nil))
            }
            try ParameterCheck.outputs(axes, blame: "padding")
        case .transposed:
            guard let outputShape else {
                throw FrameworkError(
                    "output_shape",
                    "is required by tf.nn.conv\(rank)d_transpose (the spatial sizes of the output)")
            }
            let o = try ParameterCheck.perAxis(outputShape, rank: rank, "output_shape", atLeast: 1)
            try ParameterCheck.bounded(o, "output_shape")
            for t in 0..<rank {
                axes.append(
                    try axis(
                        t, input: input[t], kernel: kernel[t], stride: s[t], dilation: d[t],
                        outputShape: o[t]))
            }
        }
        return FrameworkGeometry(direction: direction, axes: axes)
    }

    /// Axis `t` by TensorFlow's rules; `outputShape` is nil for a convolution.
    func axis(
        _ t: Int, input i: Int, kernel k: Int, stride s: Int, dilation d: Int, outputShape: Int?
    ) throws(FrameworkError) -> FrameworkAxis {
        guard let o = outputShape else {
            let pad = forwardPadding(t, input: i, kernel: k, stride: s, dilation: d)
            return FrameworkAxis(
                .forward, inputSize: i, kernelSize: k, stride: s, dilation: d, offset: pad.before,
                outputSize: SamePadding.outputs(
                    input: i, padding: pad, kernel: k, stride: s, dilation: d))
        }
        let pad = forwardPadding(t, input: o, kernel: k, stride: s, dilation: d)
        let back = SamePadding.outputs(input: o, padding: pad, kernel: k, stride: s, dilation: d)
        guard back == i else {
            throw FrameworkError(
                "output_shape",
                "\(o) is not a size this layer can produce on axis \(t): the convolution maps \(o) back to \(back), not to the input size \(i)\(TensorFlowLayer.validHint(input: i, kernel: k, stride: s, dilation: d, padding: padding, axis: t))"
            )
        }
        return FrameworkAxis(
            .transposed, inputSize: i, kernelSize: k, stride: s, dilation: d, offset: pad.before,
            outputSize: o)
    }

    /// "; valid: 5…6" — the output sizes that the convolution maps back to `input`.
    static func validHint(
        input m: Int, kernel k: Int, stride s: Int, dilation d: Int, padding: Padding, axis t: Int
    ) -> String {
        let ke = d * (k - 1) + 1
        let range: ClosedRange<Int>?
        switch padding {
        case .same: range = ((m - 1) * s + 1)...(m * s)
        case .valid: range = ((m - 1) * s + ke)...(m * s + ke - 1)
        case .explicit(let pairs):
            let p = pairs.count == 1 ? pairs[0] : pairs[t]
            let low = max(1, (m - 1) * s + ke - p.total)
            let high = m * s + ke - 1 - p.total
            range = low <= high ? low...high : nil
        }
        guard let range else { return "; no output_shape gives it with this padding" }
        return range.count == 1
            ? "; the only valid size is \(range.lowerBound)"
            : "; valid sizes are \(range.lowerBound)…\(range.upperBound)"
    }

    /// The keyword arguments: `strides`, `padding`, `output_shape` (transposed), `dilations`.
    /// Explicit padding is written as TensorFlow takes it for NHWC: `[[0, 0], [b, a], …, [0, 0]]`.
    public var keywordArguments: [KeywordArgument] {
        var arguments = [KeywordArgument("strides", .integers(strides))]
        switch padding {
        case .same: arguments.append(KeywordArgument("padding", .string("SAME")))
        case .valid: arguments.append(KeywordArgument("padding", .string("VALID")))
        case .explicit(let pairs):
            arguments.append(
                KeywordArgument(
                    "padding", .pairs([[0, 0]] + pairs.map { [$0.before, $0.after] } + [[0, 0]])))
        }
        if let outputShape {
            arguments.append(KeywordArgument("output_shape", .integers(outputShape)))
        }
        arguments.append(KeywordArgument("dilations", .integers(dilations)))
        return arguments
    }

    /// The choices of `padding` tried for a layer of `rank` axes: the words, and explicit pairs in
    /// 2-D.
    private enum Choice: CaseIterable { case same, valid, explicit }

    /// The TensorFlow layer closest to `target`: exact when TensorFlow's rules give it, otherwise
    /// with the smallest pad before and crop after.
    static func expressing(_ target: FrameworkGeometry) -> FrameworkTranslation {
        let rank = target.rank
        guard rank <= 3 else {
            return .inexpressible("TensorFlow has conv1d, conv2d and conv3d only (\(rank) axes)")
        }
        var best: (layer: TensorFlowLayer, found: [AxisExpression<(AxisPadding?, Int?)>])?
        let explicitAllowed =
            rank == 2 && (target.direction == .forward || target.dilation.allSatisfy { $0 == 1 })
        for choice in Choice.allCases where choice != .explicit || explicitAllowed {
            var found: [AxisExpression<(AxisPadding?, Int?)>] = []
            for axis in target.axes {
                guard let expression = axisExpression(axis, choice) else { break }
                found.append(expression)
            }
            guard found.count == rank else { continue }
            let cost = found.reduce(0) { $0 + $1.cost }
            if let current = best, current.found.reduce(0, { $0 + $1.cost }) <= cost { continue }
            let padding: Padding
            switch choice {
            case .same: padding = .same
            case .valid: padding = .valid
            case .explicit: padding = .explicit(found.map { $0.parameter.0 ?? AxisPadding(0) })
            }
            let layer = TensorFlowLayer(
                direction: target.direction, strides: target.stride, padding: padding,
                outputShape: target.direction == .transposed
                    ? found.map { $0.parameter.1 ?? 0 } : nil,
                dilations: target.dilation)
            best = (layer, found)
        }
        guard let best else {
            return .inexpressible(
                "no TensorFlow padding and output_shape reach it with a pad and crop of inputs up to 2^31 − 1 positions"
            )
        }
        return .expressed(
            .tensorflow(best.layer),
            ExtraOperations(
                prePad: best.found.map(\.pad), postCrop: best.found.map(\.crop),
                flipKernel: target.kernelFlipped))
    }

    /// The cheapest expression of one axis with `choice`: the explicit pair (if any) and the
    /// output size (transposed).
    private static func axisExpression(_ axis: FrameworkAxis, _ choice: Choice)
        -> AxisExpression<(AxisPadding?, Int?)>?
    {
        let s = axis.stride
        let ke = axis.dilatedKernel
        switch axis.direction {
        case .forward:
            var candidates: [((AxisPadding?, Int?), AxisPadding)] = []
            switch choice {
            case .explicit:
                let before = axis.offset >= 0 ? axis.offset : ((axis.offset % s) + s) % s
                let after = max(0, axis.after)
                let pair = AxisPadding(before: before, after: after)
                candidates.append(
                    ((pair, nil), ExpressionSearch.forwardPad(axis, before: before, after: after)))
            case .valid:
                candidates.append(
                    ((nil, nil), ExpressionSearch.forwardPad(axis, before: 0, after: 0)))
                candidates += ExpressionSearch.smallPads(for: axis).map { ((nil, nil), $0) }
            case .same:
                candidates += ExpressionSearch.smallPads(for: axis).map { ((nil, nil), $0) }
            }
            return ExpressionSearch.best(axis, candidates: candidates) { parameter, n in
                let padding: Padding =
                    choice == .same
                    ? .same : choice == .valid ? .valid : .explicit([parameter.0 ?? AxisPadding(0)])
                return try? TensorFlowLayer(
                    direction: .forward, strides: [s], padding: padding, dilations: [axis.dilation]
                ).axis(
                    0, input: n, kernel: axis.kernelSize, stride: s, dilation: axis.dilation,
                    outputShape: nil)
            }
        case .transposed:
            // Output sizes to try on m' inputs: the valid ones that are ≥ n, at most 64.
            var candidates: [((AxisPadding?, Int?), AxisPadding)] = []
            let pads = ExpressionSearch.transposedPads(for: axis)
            for pad in pads {
                let m = axis.inputSize + pad.total
                let pairs: [AxisPadding?]
                let low: Int
                let high: Int
                switch choice {
                case .same:
                    pairs = [nil]
                    low = (m - 1) * s + 1
                    high = m * s
                case .valid:
                    pairs = [nil]
                    low = (m - 1) * s + ke
                    high = m * s + ke - 1
                case .explicit:
                    let before = axis.offset + pad.before * s
                    guard before >= 0 else { continue }
                    let o = axis.outputSize
                    let after = max(0, (m - 1) * s + ke - o - before)
                    pairs = [AxisPadding(before: before, after: after)]
                    low = o
                    high = o
                }
                let start = max(low, axis.outputSize)
                guard start <= high else { continue }
                for o in start...min(high, start + 63) {
                    for pair in pairs { candidates.append(((pair, o), pad)) }
                }
            }
            return ExpressionSearch.best(axis, candidates: candidates) { parameter, m in
                let padding: Padding =
                    choice == .same
                    ? .same : choice == .valid ? .valid : .explicit([parameter.0 ?? AxisPadding(0)])
                return try? TensorFlowLayer(
                    direction: .transposed, strides: [s], padding: padding,
                    dilations: [axis.dilation]
                ).axis(
                    0, input: m, kernel: axis.kernelSize, stride: s, dilation: axis.dilation,
                    outputShape: parameter.1 ?? 0)
            }
        }
    }
}
