import ConvMatrixCore

/// A Keras 3 layer in Keras's own words: `keras.layers.Conv{1,2,3}D` or
/// `keras.layers.Conv{1,2,3}DTranspose` with `strides`, `padding`, `output_padding`,
/// `dilation_rate`.
///
/// Keras's rules (Keras 3 sources: `keras/src/layers/convolutional/base_conv.py`,
/// `base_conv_transpose.py`, `keras/src/backend/common/backend_utils.py`,
/// `keras/src/utils/conv_utils.py` in Keras 2 as `deconv_output_length`):
/// - Conv: `same` is TensorFlow's SAME (output `⌈i/s⌉`, `⌊need/2⌋` before), `valid` no padding,
///   `causal` (Conv1D only) pads `d(k − 1)` before; `strides > 1` together with
///   `dilation_rate > 1` is refused;
/// - ConvTranspose, `output_padding` None: `valid` gives `i·s + max(k_e − s, 0)`, `same` gives
///   `i·s`; given, `(i − 1)s + k_e − 2·pad + a` with `pad = ⌊k_e/2⌋` (`same`) or 0 (`valid`);
///   `output_padding` strictly less than `strides`; `strides > 1` with `dilation_rate > 1`
///   refused. Where the output sits is the JAX backend's
///   `_convert_conv_transpose_padding_args_from_keras_to_jax`: `valid` pads the dilated input by
///   `k_e − 1` before; `same` by `min(⌈pad_len/2⌉, k_e − 1)` before, with
///   `pad_len = s + k_e − 2` (None) or `k_e + (k_e mod 2) − 2 + a`.
public struct KerasLayer: Hashable, Sendable {
    /// `padding`.
    public enum Padding: String, Hashable, Sendable {
        /// `"valid"`.
        case valid
        /// `"same"`.
        case same
        /// `"causal"` (Conv1D only).
        case causal
    }

    /// Conv or ConvTranspose.
    public var direction: FrameworkDirection
    /// `strides`, one per axis or one for all.
    public var strides: [Int]
    /// `padding`.
    public var padding: Padding
    /// `output_padding` (ConvTranspose only): nil is Keras's `None`.
    public var outputPadding: [Int]?
    /// `dilation_rate`, one per axis or one for all.
    public var dilationRate: [Int]

    /// Creates a layer; ``geometry(input:kernel:)`` checks it.
    public init(
        direction: FrameworkDirection, strides: [Int] = [1], padding: Padding = .valid,
        outputPadding: [Int]? = nil, dilationRate: [Int] = [1]
    ) {
        self.direction = direction
        self.strides = strides
        self.padding = padding
        self.outputPadding = outputPadding
        self.dilationRate = dilationRate
    }

    /// The layer's axes by Keras's rules, or the rule it breaks.
    public func geometry(input: [Int], kernel: [Int]) throws(FrameworkError) -> FrameworkGeometry {
        let rank = input.count
        let (s, d) = try ParameterCheck.axes(
            input: input, kernel: kernel, maxRank: 3, framework: .keras,
            stride: (strides, "strides"), dilation: (dilationRate, "dilation_rate"))
        if s.contains(where: { $0 > 1 }) && d.contains(where: { $0 > 1 }) {
            throw FrameworkError(
                "dilation_rate", "Keras refuses strides > 1 together with dilation_rate > 1")
        }
        let name = "Conv\(rank)D\(direction == .transposed ? "Transpose" : "")"
        var a: [Int]?
        switch direction {
        case .forward:
            if outputPadding != nil {
                throw FrameworkError("output_padding", "keras.layers.\(name) has no output_padding")
            }
            if padding == .causal && rank != 1 {
                throw FrameworkError("padding", "'causal' is for Conv1D only")
            }
        case .transposed:
            if padding == .causal {
                throw FrameworkError(
                    "padding", "keras.layers.\(name) takes 'valid' or 'same', not 'causal'")
            }
            if let outputPadding {
                let values = try ParameterCheck.perAxis(
                    outputPadding, rank: rank, "output_padding", atLeast: 0)
                for t in 0..<rank where values[t] >= s[t] {
                    throw FrameworkError(
                        "output_padding",
                        "must be strictly less than strides (\(s[t])), got \(values[t])\(rank > 1 ? " on axis \(t)" : "")"
                    )
                }
                a = values
            }
        }
        var axes: [FrameworkAxis] = []
        for t in 0..<rank {
            axes.append(
                axis(
                    input: input[t], kernel: kernel[t], stride: s[t], dilation: d[t],
                    outputPadding: a?[t]))
        }
        try ParameterCheck.outputs(axes, blame: "padding")
        return FrameworkGeometry(direction: direction, axes: axes)
    }

    /// One axis by Keras's rules (the checks done).
    func axis(input i: Int, kernel k: Int, stride s: Int, dilation d: Int, outputPadding a: Int?)
        -> FrameworkAxis
    {
        let ke = d * (k - 1) + 1
        switch direction {
        case .forward:
            let pad: AxisPadding
            switch padding {
            case .valid: pad = AxisPadding(0)
            case .same:
                pad = SamePadding.forward(input: i, kernel: k, stride: s, dilation: d, lower: false)
            case .causal: pad = AxisPadding(before: ke - 1, after: 0)
            }
            return FrameworkAxis(
                .forward, inputSize: i, kernelSize: k, stride: s, dilation: d, offset: pad.before,
                outputSize: SamePadding.outputs(
                    input: i, padding: pad, kernel: k, stride: s, dilation: d))
        case .transposed:
            let low: Int
            let high: Int
            if padding == .same {
                let length = a.map { ke + ke % 2 - 2 + $0 } ?? (s + ke - 2)
                low = min(length / 2 + length % 2, ke - 1)
                high = length - low
            } else {
                low = ke - 1
                high = ke - 1 + (a ?? (max(ke, s) - ke))
            }
            return FrameworkAxis(
                .transposed, inputSize: i, kernelSize: k, stride: s, dilation: d,
                offset: ke - 1 - low,
                outputSize: (i - 1) * s + low + high - ke + 2)
        }
    }

    /// The keyword arguments: `strides`, `padding`, `output_padding` (transposed), `dilation_rate`.
    public var keywordArguments: [KeywordArgument] {
        var arguments = [
            KeywordArgument("strides", .integers(strides)),
            KeywordArgument("padding", .string(padding.rawValue)),
        ]
        if direction == .transposed {
            arguments.append(
                KeywordArgument("output_padding", outputPadding.map { .integers($0) } ?? .none))
        }
        arguments.append(KeywordArgument("dilation_rate", .integers(dilationRate)))
        return arguments
    }

    /// The Keras layer closest to `target`: exact when Keras's rules give it, otherwise with the
    /// smallest `ZeroPadding` before and `Cropping` after; no layer when strides and dilation are
    /// both above 1.
    static func expressing(_ target: FrameworkGeometry) -> FrameworkTranslation {
        let rank = target.rank
        guard rank <= 3 else {
            return .inexpressible("Keras has Conv1D, Conv2D and Conv3D only (\(rank) axes)")
        }
        if target.stride.contains(where: { $0 > 1 }) && target.dilation.contains(where: { $0 > 1 })
        {
            return .inexpressible(
                "Keras refuses strides > 1 together with dilation_rate > 1 (strides \(target.stride.map(String.init).joined(separator: "x")), dilation \(target.dilation.map(String.init).joined(separator: "x")))"
            )
        }
        var options: [(Padding, Bool)] = []
        switch target.direction {
        case .forward:
            options = [(.valid, false), (.same, false)] + (rank == 1 ? [(.causal, false)] : [])
        case .transposed:
            options = [(.same, false), (.valid, false), (.same, true), (.valid, true)]
        }
        var best: (layer: KerasLayer, found: [AxisExpression<Int?>], cost: Int)?
        for (padding, given) in options {
            var found: [AxisExpression<Int?>] = []
            for axis in target.axes {
                let prototype = KerasLayer(direction: target.direction, padding: padding)
                var candidates: [(Int?, AxisPadding)] = []
                let values: [Int?] = given ? Array(0..<min(axis.stride, 64)) : [nil]
                var pads = ExpressionSearch.smallPads(for: axis)
                if target.direction == .transposed {
                    pads = ExpressionSearch.transposedPads(for: axis)
                } else if padding == .valid {
                    pads.insert(ExpressionSearch.forwardPad(axis, before: 0, after: 0), at: 0)
                }
                for value in values { for pad in pads { candidates.append((value, pad)) } }
                guard
                    let expression = ExpressionSearch.best(
                        axis, candidates: candidates,
                        rules: { a, n in
                            prototype.axis(
                                input: n, kernel: axis.kernelSize, stride: axis.stride,
                                dilation: axis.dilation, outputPadding: a)
                        })
                else { break }
                found.append(expression)
            }
            guard found.count == rank else { continue }
            let cost = found.reduce(0) { $0 + $1.cost }
            if let current = best, current.cost <= cost { continue }
            let layer = KerasLayer(
                direction: target.direction, strides: target.stride, padding: padding,
                outputPadding: given ? found.map { $0.parameter ?? 0 } : nil,
                dilationRate: target.dilation)
            best = (layer, found, cost)
        }
        guard let best else {
            return .inexpressible(
                "no Keras padding reaches it with a pad and crop of inputs up to 2^31 − 1 positions"
            )
        }
        return .expressed(
            .keras(best.layer),
            ExtraOperations(
                prePad: best.found.map(\.pad), postCrop: best.found.map(\.crop),
                flipKernel: target.kernelFlipped))
    }
}
