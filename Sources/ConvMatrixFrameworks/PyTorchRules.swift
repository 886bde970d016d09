import ConvMatrixCore

/// A PyTorch layer in PyTorch's own words: `torch.nn.Conv{1,2,3}d` or
/// `torch.nn.ConvTranspose{1,2,3}d` with `stride`, `padding`, `output_padding`, `dilation`
/// (zeros padding).
///
/// PyTorch's rules (torch.nn.Conv2d and torch.nn.ConvTranspose2d documentation;
/// `torch/nn/modules/conv.py`; `aten/src/ATen/native/Convolution.cpp`):
/// - Conv: `o = ⌊(i + 2p − k_e)/s⌋ + 1` with `k_e = d(k − 1) + 1`; `padding='valid'` is 0;
///   `padding='same'` is refused for any stride > 1 ("padding='same' is not supported for
///   strided convolutions") and pads `d(k − 1)` in total, `⌊total/2⌋` before (the extra one
///   after, `_conv_forward`'s `_reversed_padding_repeated_twice`);
/// - ConvTranspose: `o = (i − 1)s − 2p + d(k − 1) + a + 1`, the output padding `a` smaller than
///   the stride or the dilation ("output padding must be smaller than either stride or
///   dilation"), padding amounts only (no strings).
public struct PyTorchLayer: Hashable, Sendable {
    /// `padding`: amounts per axis (symmetric), or a word.
    public enum Padding: Hashable, Sendable {
        /// `padding=(p, …)`: `p` on both sides of each axis.
        case amounts([Int])
        /// `padding='valid'`.
        case valid
        /// `padding='same'`.
        case same
    }

    /// Conv or ConvTranspose.
    public var direction: FrameworkDirection
    /// `stride`, one per axis or one for all.
    public var stride: [Int]
    /// `padding`.
    public var padding: Padding
    /// `output_padding` (ConvTranspose only), one per axis or one for all.
    public var outputPadding: [Int]?
    /// `dilation`, one per axis or one for all.
    public var dilation: [Int]

    /// Creates a layer; ``geometry(input:kernel:)`` checks it.
    public init(
        direction: FrameworkDirection, stride: [Int] = [1], padding: Padding = .amounts([0]),
        outputPadding: [Int]? = nil, dilation: [Int] = [1]
    ) {
        self.direction = direction
        self.stride = stride
        self.padding = padding
        self.outputPadding = outputPadding
        self.dilation = dilation
    }

    /// The layer's axes by PyTorch's rules, or the rule it breaks.
    public func geometry(input: [Int], kernel: [Int]) throws(FrameworkError) -> FrameworkGeometry {
        let rank = input.count
        let (s, d) = try ParameterCheck.axes(
            input: input, kernel: kernel, maxRank: 3, framework: .pytorch,
            stride: (stride, "stride"), dilation: (dilation, "dilation"))
        var axes: [FrameworkAxis] = []
        switch direction {
        case .forward:
            if outputPadding != nil {
                throw FrameworkError(
                    "output_padding",
                    "torch.nn.Conv\(rank)d has no output_padding (ConvTranspose has)")
            }
            for t in 0..<rank {
                let pad: AxisPadding
                switch padding {
                case .valid: pad = AxisPadding(0)
                case .same:
                    if s.contains(where: { $0 > 1 }) {
                        throw FrameworkError(
                            "padding",
                            "'same' is not supported for strided convolutions (PyTorch), stride is \(s.map(String.init).joined(separator: "x"))"
                        )
                    }
                    let total = d[t] * (kernel[t] - 1)
                    pad = AxisPadding(before: total / 2, after: total - total / 2)
                case .amounts(let amounts):
                    let p = try ParameterCheck.perAxis(amounts, rank: rank, "padding", atLeast: 0)
                    try ParameterCheck.bounded(p, "padding")
                    pad = AxisPadding(p[t])
                }
                let span = input[t] + pad.total - (d[t] * (kernel[t] - 1) + 1)
                let output = span >= 0 ? span / s[t] + 1 : 0
                axes.append(
                    FrameworkAxis(
                        .forward, inputSize: input[t], kernelSize: kernel[t], stride: s[t],
                        dilation: d[t], offset: pad.before, outputSize: output))
            }
            try ParameterCheck.outputs(axes, blame: "padding")
        case .transposed:
            guard case .amounts(let amounts) = padding else {
                throw FrameworkError(
                    "padding",
                    "torch.nn.ConvTranspose\(rank)d takes padding amounts, not '\(padding == .same ? "same" : "valid")'"
                )
            }
            let p = try ParameterCheck.perAxis(amounts, rank: rank, "padding", atLeast: 0)
            let a = try ParameterCheck.perAxis(
                outputPadding ?? [0], rank: rank, "output_padding", atLeast: 0)
            try ParameterCheck.bounded(p, "padding")
            try ParameterCheck.bounded(a, "output_padding")
            for t in 0..<rank {
                guard a[t] < s[t] || a[t] < d[t] else {
                    throw FrameworkError(
                        "output_padding",
                        "must be smaller than either stride (\(s[t])) or dilation (\(d[t])), got \(a[t])\(rank > 1 ? " on axis \(t)" : "")"
                    )
                }
                let output = (input[t] - 1) * s[t] - 2 * p[t] + d[t] * (kernel[t] - 1) + a[t] + 1
                axes.append(
                    FrameworkAxis(
                        .transposed, inputSize: input[t], kernelSize: kernel[t], stride: s[t],
                        dilation: d[t], offset: p[t], outputSize: output))
            }
            try ParameterCheck.outputs(axes, blame: "padding")
        }
        return FrameworkGeometry(direction: direction, axes: axes)
    }

    /// The keyword arguments: `stride`, `padding`, `output_padding` (ConvTranspose), `dilation`.
    public var keywordArguments: [KeywordArgument] {
        var arguments = [KeywordArgument("stride", .integers(stride))]
        switch padding {
        case .amounts(let p): arguments.append(KeywordArgument("padding", .integers(p)))
        case .valid: arguments.append(KeywordArgument("padding", .string("valid")))
        case .same: arguments.append(KeywordArgument("padding", .string("same")))
        }
        if direction == .transposed {
            arguments.append(KeywordArgument("output_padding", .integers(outputPadding ?? [0])))
        }
        arguments.append(KeywordArgument("dilation", .integers(dilation)))
        return arguments
    }

    /// The PyTorch layer closest to `target`: exact when PyTorch's rules give it, otherwise with
    /// the smallest pad before and crop after (PyTorch's padding is symmetric, its
    /// output padding smaller than the stride or dilation).
    static func expressing(_ target: FrameworkGeometry) -> FrameworkTranslation {
        let rank = target.rank
        guard rank <= 3 else {
            return .inexpressible("PyTorch has Conv1d, Conv2d and Conv3d only (\(rank) axes)")
        }
        let flip = target.kernelFlipped
        switch target.direction {
        case .forward:
            var found: [AxisExpression<Int>] = []
            for axis in target.axes {
                let amax = axis.after + axis.stride - 1
                let candidates = Set([axis.offset, amax, axis.after, 0, min(axis.offset, amax)])
                    .filter { $0 >= 0 }.sorted()
                let best = ExpressionSearch.best(
                    axis,
                    candidates: candidates.map {
                        ($0, ExpressionSearch.forwardPad(axis, before: $0, after: $0))
                    },
                    rules: { p, n in PyTorchLayer.axis(forward: axis, padding: p, input: n) })
                guard let best else {
                    return .inexpressible(
                        "no PyTorch padding reaches it with a pad and crop of inputs up to 2^31 − 1 positions"
                    )
                }
                found.append(best)
            }
            // padding='same' when amounts need an extra operation and 'same' is exact (stride 1,
            // an odd total padded after).
            if found.contains(where: { $0.cost > 0 }) {
                let same = PyTorchLayer(
                    direction: .forward, stride: target.stride, padding: .same,
                    dilation: target.dilation)
                if let geometry = try? same.geometry(
                    input: target.inputSize, kernel: target.kernelSize),
                    geometry.axes == target.axes
                {
                    return .expressed(.pytorch(same), .none(rank: rank, flipKernel: flip))
                }
            }
            let layer = PyTorchLayer(
                direction: .forward, stride: target.stride,
                padding: .amounts(found.map(\.parameter)), dilation: target.dilation)
            return .expressed(
                .pytorch(layer),
                ExtraOperations(
                    prePad: found.map(\.pad), postCrop: found.map(\.crop), flipKernel: flip))
        case .transposed:
            var found: [AxisExpression<(p: Int, a: Int)>] = []
            for axis in target.axes {
                let aLimit = max(axis.stride, axis.dilation) - 1
                let r = axis.after
                var ps = Set([axis.offset, min(axis.offset, r + aLimit), r, 0])
                ps = ps.filter { $0 >= 0 }
                var candidates: [((p: Int, a: Int), AxisPadding)] = []
                for p in ps.sorted() {
                    for a in Set([0, aLimit, min(max(p - r, 0), aLimit)]).sorted() {
                        let outputs = axis.fullScatter - 2 * p + a
                        candidates.append(
                            (
                                (p, a),
                                ExpressionSearch.transposedPad(
                                    axis, before: p, outputsWithoutPad: outputs)
                            ))
                    }
                }
                let best = ExpressionSearch.best(
                    axis, candidates: candidates,
                    rules: { pa, m in
                        PyTorchLayer.axis(
                            transposed: axis, padding: pa.p, outputPadding: pa.a, input: m)
                    })
                guard let best else {
                    return .inexpressible(
                        "no PyTorch padding reaches it with a pad and crop of inputs up to 2^31 − 1 positions"
                    )
                }
                found.append(best)
            }
            let layer = PyTorchLayer(
                direction: .transposed, stride: target.stride,
                padding: .amounts(found.map(\.parameter.p)),
                outputPadding: found.map(\.parameter.a), dilation: target.dilation)
            return .expressed(
                .pytorch(layer),
                ExtraOperations(
                    prePad: found.map(\.pad), postCrop: found.map(\.crop), flipKernel: flip))
        }
    }

    /// One forward axis by PyTorch's rules with padding `p` on `n` inputs (nil if refused).
    static func axis(forward like: FrameworkAxis, padding p: Int, input n: Int) -> FrameworkAxis? {
        let layer = PyTorchLayer(
            direction: .forward, stride: [like.stride], padding: .amounts([p]),
            dilation: [like.dilation])
        return try? layer.geometry(input: [n], kernel: [like.kernelSize]).axes[0]
    }

    /// One transposed axis by PyTorch's rules (nil if refused).
    static func axis(
        transposed like: FrameworkAxis, padding p: Int, outputPadding a: Int, input m: Int
    )
        -> FrameworkAxis?
    {
        let layer = PyTorchLayer(
            direction: .transposed, stride: [like.stride], padding: .amounts([p]),
            outputPadding: [a], dilation: [like.dilation])
        return try? layer.geometry(input: [m], kernel: [like.kernelSize]).axes[0]
    }
}
