import ConvMatrixCore

/// An ONNX node in ONNX's own words: the `Conv` or `ConvTranspose` operator with the attributes
/// `strides`, `pads`, `dilations`, `auto_pad`, and for ConvTranspose `output_padding` and
/// `output_shape`.
///
/// The rules of the ONNX operator specification (onnx/docs/Operators.md, `Conv` and
/// `ConvTranspose`, opset 11 and later):
/// - `pads` lists all the starts, then all the ends: `[x1_begin, x2_begin, …, x1_end, x2_end, …]`;
///   it may not be combined with an `auto_pad` other than `NOTSET`;
/// - Conv: `SAME_UPPER` / `SAME_LOWER` give output `⌈i/s⌉`, the odd padding at the end (UPPER) or
///   the start (LOWER); `VALID` pads nothing;
/// - ConvTranspose: output `s(i − 1) + a + k_e − pads_begin − pads_end`; with `output_shape`,
///   `total = s(i − 1) + a + k_e − output_shape`, and `SAME_UPPER` puts `⌊total/2⌋` before,
///   anything else `total − ⌊total/2⌋` before (a negative total, an `output_shape` larger than
///   the full scatter, adds zeros at the end: the floor division, as ONNX Runtime computes it); `auto_pad` SAME without `output_shape` gives
///   output `i·s` (total `a + k_e − s`, split the same way).
public struct ONNXLayer: Hashable, Sendable {
    /// `auto_pad`.
    public enum AutoPad: String, Hashable, Sendable, CaseIterable {
        /// `NOTSET`: `pads` (default zeros) apply.
        case notSet = "NOTSET"
        /// `SAME_UPPER`.
        case sameUpper = "SAME_UPPER"
        /// `SAME_LOWER`.
        case sameLower = "SAME_LOWER"
        /// `VALID`.
        case valid = "VALID"
    }

    /// Conv or ConvTranspose.
    public var direction: FrameworkDirection
    /// `strides`, one per axis or one for all.
    public var strides: [Int]
    /// `pads`, all begins then all ends; nil when absent.
    public var pads: [Int]?
    /// `dilations`, one per axis or one for all.
    public var dilations: [Int]
    /// `auto_pad`.
    public var autoPad: AutoPad
    /// `output_padding` (ConvTranspose only), one per axis or one for all; nil when absent.
    public var outputPadding: [Int]?
    /// `output_shape` (ConvTranspose only), spatial sizes; nil when absent.
    public var outputShape: [Int]?

    /// Creates a node; ``geometry(input:kernel:)`` checks it.
    public init(
        direction: FrameworkDirection, strides: [Int] = [1], pads: [Int]? = nil,
        dilations: [Int] = [1],
        autoPad: AutoPad = .notSet, outputPadding: [Int]? = nil, outputShape: [Int]? = nil
    ) {
        self.direction = direction
        self.strides = strides
        self.pads = pads
        self.dilations = dilations
        self.autoPad = autoPad
        self.outputPadding = outputPadding
        self.outputShape = outputShape
    }

    /// The node's axes by the ONNX specification, or the rule it breaks.
    public func geometry(input: [Int], kernel: [Int]) throws(FrameworkError) -> FrameworkGeometry {
        let rank = input.count
        let (s, d) = try ParameterCheck.axes(
            input: input, kernel: kernel, maxRank: nil, framework: .onnx,
            stride: (strides, "strides"), dilation: (dilations, "dilations"))
        var explicit = Array(repeating: AxisPadding(0), count: rank)
        if let pads {
            guard autoPad == .notSet else {
                throw FrameworkError(
                    "pads", "can't be combined with auto_pad \(autoPad.rawValue) (only NOTSET)")
            }
            guard pads.count == 2 * rank else {
                throw FrameworkError(
                    "pads",
                    "expected \(2 * rank) values (all begins, then all ends), got \(pads.count)")
            }
            if let bad = pads.first(where: { $0 < 0 }) {
                throw FrameworkError("pads", "must be ≥ 0, got \(bad)")
            }
            try ParameterCheck.bounded(pads, "pads")
            explicit = (0..<rank).map { AxisPadding(before: pads[$0], after: pads[rank + $0]) }
        }
        var axes: [FrameworkAxis] = []
        switch direction {
        case .forward:
            if outputPadding != nil {
                throw FrameworkError(
                    "output_padding", "Conv has no output_padding (ConvTranspose has)")
            }
            if outputShape != nil {
                throw FrameworkError("output_shape", "Conv has no output_shape (ConvTranspose has)")
            }
            for t in 0..<rank {
                let pad: AxisPadding
                switch autoPad {
                case .notSet: pad = explicit[t]
                case .valid: pad = AxisPadding(0)
                case .sameUpper, .sameLower:
                    pad = SamePadding.forward(
                        input: input[t], kernel: kernel[t], stride: s[t], dilation: d[t],
                        lower: autoPad == .sameLower)
                }
                axes.append(
                    FrameworkAxis(
                        .forward, inputSize: input[t], kernelSize: kernel[t], stride: s[t],
                        dilation: d[t], offset: pad.before,
                        outputSize: SamePadding.outputs(
                            input: input[t], padding: pad, kernel: kernel[t], stride: s[t],
                            dilation: d[t])))
            }
            try ParameterCheck.outputs(axes, blame: pads == nil ? "auto_pad" : "pads")
        case .transposed:
            let a = try ParameterCheck.perAxis(
                outputPadding ?? [0], rank: rank, "output_padding", atLeast: 0)
            try ParameterCheck.bounded(a, "output_padding")
            let shape = try outputShape.map { (values: [Int]) throws(FrameworkError) -> [Int] in
                let checked = try ParameterCheck.perAxis(
                    values, rank: rank, "output_shape", atLeast: 1)
                try ParameterCheck.bounded(checked, "output_shape")
                return checked
            }
            for t in 0..<rank where a[t] >= s[t] {
                throw FrameworkError(
                    "output_padding",
                    "must be less than the stride (\(s[t])), got \(a[t])\(rank > 1 ? " on axis \(t)" : ""): ONNX Runtime checks that the convolution maps the output back to the input"
                )
            }
            for t in 0..<rank {
                let full = s[t] * (input[t] - 1) + a[t] + d[t] * (kernel[t] - 1) + 1
                let target: Int? =
                    shape?[t]
                    ?? (autoPad == .sameUpper || autoPad == .sameLower ? input[t] * s[t] : nil)
                let pad: AxisPadding
                if let target {
                    let total = full - target
                    if total >= 0 {
                        pad =
                            autoPad == .sameUpper
                            ? AxisPadding(before: total / 2, after: total - total / 2)
                            : AxisPadding(before: total - total / 2, after: total / 2)
                    } else if shape == nil {
                        // auto_pad SAME asks for i·s outputs, more than the scatter: ONNX
                        // Runtime pads nothing (output s(i − 1) + a + k_e).
                        pad = AxisPadding(0)
                    } else if target <= s[t] * input[t] + d[t] * (kernel[t] - 1) {
                        // Beyond the scatter but still mapped back to the input by the
                        // convolution (o ≤ s·i + k_e − 1): zeros at the end (ONNX Runtime).
                        pad = AxisPadding(before: 0, after: total)
                    } else {
                        throw FrameworkError(
                            "output_shape",
                            "\(target) on axis \(t) is more than s·i + k_e − 1 = \(s[t] * input[t] + d[t] * (kernel[t] - 1)), the largest size the convolution maps back to \(input[t]) (ONNX Runtime: \"output_shape is inconsistent\")"
                        )
                    }
                } else {
                    pad = autoPad == .valid ? AxisPadding(0) : explicit[t]
                }
                axes.append(
                    FrameworkAxis(
                        .transposed, inputSize: input[t], kernelSize: kernel[t], stride: s[t],
                        dilation: d[t], offset: pad.before, outputSize: full - pad.total))
            }
            try ParameterCheck.outputs(axes, blame: pads == nil ? "output_shape" : "pads")
        }
        return FrameworkGeometry(direction: direction, axes: axes)
    }

    /// The attributes: `strides`, `pads`, `dilations`, `auto_pad`, and for ConvTranspose
    /// `output_padding` and `output_shape` when set.
    public var keywordArguments: [KeywordArgument] {
        var arguments = [KeywordArgument("strides", .integers(strides))]
        if let pads { arguments.append(KeywordArgument("pads", .integers(pads))) }
        arguments.append(KeywordArgument("dilations", .integers(dilations)))
        arguments.append(KeywordArgument("auto_pad", .string(autoPad.rawValue)))
        if direction == .transposed {
            arguments.append(KeywordArgument("output_padding", .integers(outputPadding ?? [0])))
            if let outputShape {
                arguments.append(KeywordArgument("output_shape", .integers(outputShape)))
            }
        }
        return arguments
    }

    /// The ONNX node equal to `target`, with explicit `pads` (and `output_padding`) so that no
    /// runtime's reading of `auto_pad` matters; a pad before only when the target pads
    /// negatively (JAX), and a crop after only when its output starts before the first window.
    static func expressing(_ target: FrameworkGeometry) -> FrameworkTranslation {
        var found: [AxisExpression<(AxisPadding, Int)>] = []
        for axis in target.axes {
            var candidates: [((AxisPadding, Int), AxisPadding)] = []
            switch axis.direction {
            case .forward:
                let s = axis.stride
                let before = axis.offset >= 0 ? axis.offset : ((axis.offset % s) + s) % s
                let after = max(0, axis.after)
                candidates.append(
                    (
                        (AxisPadding(before: before, after: after), 0),
                        ExpressionSearch.forwardPad(axis, before: before, after: after)
                    ))
            case .transposed:
                let s = axis.stride
                // PyTorch's way first: symmetric pads and an output padding below the stride.
                let a = axis.outputSize - (axis.fullScatter - 2 * axis.offset)
                if axis.offset >= 0 && a >= 0 && a < s {
                    candidates.append(((AxisPadding(axis.offset), a), AxisPadding(0)))
                }
                let x = axis.offset < 0 ? (-axis.offset + s - 1) / s : 0
                let before = axis.offset + x * s
                // An output running past the scatter is an output padding, below the stride;
                // beyond that, zeros padded after the input.
                let limit = s - 1
                let short =
                    axis.outputSize + before - ((axis.inputSize + x - 1) * s + axis.dilatedKernel)
                let y = short > limit ? (short - limit + s - 1) / s : 0
                let full = (axis.inputSize + x + y - 1) * s + axis.dilatedKernel
                let rest = full - before - axis.outputSize
                let pair = AxisPadding(before: before, after: max(rest, 0))
                candidates.append(((pair, max(-rest, 0)), AxisPadding(before: x, after: y)))
            }
            guard
                let expression = ExpressionSearch.best(
                    axis, candidates: candidates,
                    rules: { p, n in
                        try? ONNXLayer(
                            direction: axis.direction, strides: [axis.stride],
                            pads: [p.0.before, p.0.after], dilations: [axis.dilation],
                            outputPadding: axis.direction == .transposed ? [p.1] : nil
                        ).geometry(input: [n], kernel: [axis.kernelSize]).axes[0]
                    })
            else {
                return .inexpressible(
                    "no ONNX pads reach it with a pad of inputs up to 2^31 − 1 positions")
            }
            found.append(expression)
        }
        let pairs = found.map(\.parameter.0)
        let layer = ONNXLayer(
            direction: target.direction, strides: target.stride,
            pads: pairs.map(\.before) + pairs.map(\.after), dilations: target.dilation,
            outputPadding: target.direction == .transposed ? found.map(\.parameter.1) : nil)
        return .expressed(
            .onnx(layer),
            ExtraOperations(
                prePad: found.map(\.pad), postCrop: found.map(\.crop),
                flipKernel: target.kernelFlipped))
    }
}
