import ConvMatrixCore

/// A JAX layer in JAX's own words: `jax.lax.conv_general_dilated` (forward) or
/// `jax.lax.conv_transpose` with `strides`, `padding`, `rhs_dilation`, `transpose_kernel` and
/// `use_consistent_padding`.
///
/// JAX's rules (`jax/_src/lax/convolution.py`: `padtype_to_pads`, `_conv_transpose_padding`,
/// `conv_transpose`):
/// - conv_general_dilated: `SAME` as TensorFlow (`⌊need/2⌋` before), `SAME_LOWER` the odd one
///   before, `VALID` none, or explicit `(lo, hi)` pairs, negative ones cropping;
/// - conv_transpose pads the stride-dilated input by `(lo, hi)` and convolves with stride 1:
///   output `(i − 1)s + lo + hi − k_e + 2`, crop before `k_e − 1 − lo`;
///   `SAME`: `pad_len = k_e + s − 2`, `lo = k_e − 1` if `s > k_e − 1` else `⌈pad_len/2⌉`;
///   `VALID`: `pad_len = k_e + s − 2 + max(k_e − s, 0)`, `lo = k_e − 1`; explicit pairs are
///   `(lo, hi)` themselves, unless `use_consistent_padding=True`, which reads them as the
///   forward convolution's padding `(p_lo, p_hi)`: `lo = k_e − 1 − p_lo`;
/// - `transpose_kernel=False` (the default) uses the kernel as given: the taps run the other way
///   from PyTorch's ConvTranspose (jax#14337); `True` flips it and swaps its channels, like
///   TensorFlow and PyTorch.
public struct JAXLayer: Hashable, Sendable {
    /// `padding`.
    public enum Padding: Hashable, Sendable {
        /// `"SAME"`.
        case same
        /// `"SAME_LOWER"` (conv_general_dilated only).
        case sameLower
        /// `"VALID"`.
        case valid
        /// `[(lo, hi), …]`.
        case pairs([AxisPadding])
    }

    /// conv_general_dilated or conv_transpose.
    public var direction: FrameworkDirection
    /// `window_strides` / `strides`, one per axis or one for all.
    public var strides: [Int]
    /// `padding`.
    public var padding: Padding
    /// `rhs_dilation`, one per axis or one for all.
    public var rhsDilation: [Int]
    /// `transpose_kernel` (conv_transpose only).
    public var transposeKernel: Bool
    /// `use_consistent_padding` (conv_transpose only, newer JAX).
    public var useConsistentPadding: Bool

    /// Creates a layer; ``geometry(input:kernel:)`` checks it.
    public init(
        direction: FrameworkDirection, strides: [Int] = [1], padding: Padding = .valid,
        rhsDilation: [Int] = [1], transposeKernel: Bool = false, useConsistentPadding: Bool = false
    ) {
        self.direction = direction
        self.strides = strides
        self.padding = padding
        self.rhsDilation = rhsDilation
        self.transposeKernel = transposeKernel
        self.useConsistentPadding = useConsistentPadding
    }

    /// The layer's axes by JAX's rules, or the rule it breaks.
    public func geometry(input: [Int], kernel: [Int]) throws(FrameworkError) -> FrameworkGeometry {
        let rank = input.count
        let (s, d) = try ParameterCheck.axes(
            input: input, kernel: kernel, maxRank: nil, framework: .jax,
            stride: (strides, "strides"), dilation: (rhsDilation, "rhs_dilation"))
        if case .pairs(let pairs) = padding {
            guard pairs.count == rank else {
                throw FrameworkError(
                    "padding",
                    "expected \(rank) (lo, hi) pairs, one per spatial axis, got \(pairs.count)")
            }
            try ParameterCheck.bounded(pairs.flatMap { [$0.before, $0.after] }, "padding")
        }
        if direction == .forward {
            if transposeKernel {
                throw FrameworkError(
                    "transpose_kernel",
                    "conv_general_dilated has no transpose_kernel (conv_transpose has)")
            }
            if useConsistentPadding {
                throw FrameworkError(
                    "use_consistent_padding",
                    "conv_general_dilated has no use_consistent_padding (conv_transpose has)")
            }
        } else if padding == .sameLower {
            throw FrameworkError(
                "padding",
                "conv_transpose takes 'SAME', 'VALID' or (lo, hi) pairs, not 'SAME_LOWER'")
        }
        var axes: [FrameworkAxis] = []
        for t in 0..<rank {
            axes.append(axis(t, input: input[t], kernel: kernel[t], stride: s[t], dilation: d[t]))
        }
        try ParameterCheck.outputs(axes, blame: "padding")
        return FrameworkGeometry(
            direction: direction, axes: axes,
            kernelFlipped: direction == .transposed && !transposeKernel)
    }

    /// Axis `t` by JAX's rules (the checks done).
    func axis(_ t: Int, input i: Int, kernel k: Int, stride s: Int, dilation d: Int)
        -> FrameworkAxis
    {
        let ke = d * (k - 1) + 1
        switch direction {
        case .forward:
            let pad: AxisPadding
            switch padding {
            case .same:
                pad = SamePadding.forward(input: i, kernel: k, stride: s, dilation: d, lower: false)
            case .sameLower:
                pad = SamePadding.forward(input: i, kernel: k, stride: s, dilation: d, lower: true)
            case .valid: pad = AxisPadding(0)
            case .pairs(let pairs): pad = pairs[t]
            }
            return FrameworkAxis(
                .forward, inputSize: i, kernelSize: k, stride: s, dilation: d, offset: pad.before,
                outputSize: SamePadding.outputs(
                    input: i, padding: pad, kernel: k, stride: s, dilation: d))
        case .transposed:
            let low: Int
            let high: Int
            switch padding {
            case .same, .sameLower:
                let length = ke + s - 2
                low = s > ke - 1 ? ke - 1 : (length + 1) / 2
                high = length - low
            case .valid:
                let length = ke + s - 2 + max(ke - s, 0)
                low = ke - 1
                high = length - low
            case .pairs(let pairs):
                low = useConsistentPadding ? ke - 1 - pairs[t].before : pairs[t].before
                high = useConsistentPadding ? ke - 1 - pairs[t].after : pairs[t].after
            }
            return FrameworkAxis(
                .transposed, inputSize: i, kernelSize: k, stride: s, dilation: d,
                offset: ke - 1 - low,
                outputSize: (i - 1) * s + low + high - ke + 2)
        }
    }

    /// The keyword arguments: `strides`, `padding`, `rhs_dilation`, and for conv_transpose
    /// `transpose_kernel` (and `use_consistent_padding` when set).
    public var keywordArguments: [KeywordArgument] {
        var arguments = [KeywordArgument("strides", .integers(strides))]
        switch padding {
        case .same: arguments.append(KeywordArgument("padding", .string("SAME")))
        case .sameLower: arguments.append(KeywordArgument("padding", .string("SAME_LOWER")))
        case .valid: arguments.append(KeywordArgument("padding", .string("VALID")))
        case .pairs(let pairs):
            arguments.append(
                KeywordArgument("padding", .pairs(pairs.map { [$0.before, $0.after] })))
        }
        arguments.append(KeywordArgument("rhs_dilation", .integers(rhsDilation)))
        if direction == .transposed {
            arguments.append(KeywordArgument("transpose_kernel", .bool(transposeKernel)))
            if useConsistentPadding {
                arguments.append(KeywordArgument("use_consistent_padding", .bool(true)))
            }
        }
        return arguments
    }

    /// The JAX layer equal to `target`: always exact, because explicit pairs may be any integers.
    /// The words `SAME` and `VALID` are used when they give the same layer; pairs keep JAX's
    /// default meaning (padding of the dilated input, `use_consistent_padding=False`) so that they
    /// work on every JAX version.
    static func expressing(_ target: FrameworkGeometry) -> FrameworkTranslation {
        let rank = target.rank
        let transposeKernel = target.direction == .transposed && !target.kernelFlipped
        let flip = target.direction == .forward && target.kernelFlipped
        let words: [Padding] =
            target.direction == .forward ? [.valid, .same, .sameLower] : [.same, .valid]
        for word in words {
            let layer = JAXLayer(
                direction: target.direction, strides: target.stride, padding: word,
                rhsDilation: target.dilation, transposeKernel: transposeKernel)
            if let geometry = try? layer.geometry(
                input: target.inputSize, kernel: target.kernelSize),
                geometry.axes == target.axes
            {
                return .expressed(.jax(layer), .none(rank: rank, flipKernel: flip))
            }
        }
        let pairs = target.axes.map { axis -> AxisPadding in
            switch axis.direction {
            case .forward:
                let after = axis.after <= 0 && axis.after + axis.stride - 1 >= 0 ? 0 : axis.after
                return AxisPadding(before: axis.offset, after: after)
            case .transposed:
                let low = axis.dilatedKernel - 1 - axis.offset
                return AxisPadding(
                    before: low,
                    after: axis.outputSize - (axis.inputSize - 1) * axis.stride + axis.dilatedKernel
                        - 2 - low)
            }
        }
        let layer = JAXLayer(
            direction: target.direction, strides: target.stride, padding: .pairs(pairs),
            rhsDilation: target.dilation, transposeKernel: transposeKernel)
        return .expressed(.jax(layer), .none(rank: rank, flipKernel: flip))
    }
}
