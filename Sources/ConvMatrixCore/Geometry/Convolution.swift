/// A validated convolution layer: every size is positive, the dilated kernel fits in the padded
/// input on every axis, the groups divide the channels, the padding mode admits the padding, and
/// every count fits in `Int`.
///
/// Obtain one from ``ConvolutionSpec/validated()``. Along axis `t`, output position `i` of output
/// channel `o` is
///
///     y[o, i] = Σ_{c ∈ group(o)} Σ_a k[o, c − c₀, a] · x̃[c, i·s + a·d − p_before]
///
/// where `x̃` is the input padded according to ``paddingMode`` and the sum over `a` runs over all
/// kernel positions (with `a` replaced by `K − 1 − a` in `k` for ``KernelOrientation/convolution``).
public struct Convolution: Hashable, Sendable {
    /// The spatial axes, outermost first.
    public let axes: [ConvolutionAxis]
    /// Input channels `C`.
    public let inChannels: Int
    /// Output channels `M`.
    public let outChannels: Int
    /// Groups `g` (divides `C` and `M`).
    public let groups: Int
    /// What the padded positions contain.
    public let paddingMode: PaddingMode
    /// Cross-correlation or convolution.
    public let orientation: KernelOrientation
    /// The padding as the user asked for it (a word or amounts), for descriptions.
    public let requestedPadding: PaddingSpec
    /// Spatial extents of the input `(n₀, n₁, …)`.
    public let inputExtents: Extents
    /// Spatial extents of the output `(m₀, m₁, …)`.
    public let outputExtents: Extents
    /// Spatial extents of the kernel `(k₀, k₁, …)`.
    public let kernelExtents: Extents

    /// The number of spatial axes.
    public var rank: Int { axes.count }
    /// `C / g`: the input channels each output channel reads.
    public var inChannelsPerGroup: Int { inChannels / groups }
    /// `M / g`: the output channels of each group.
    public var outChannelsPerGroup: Int { outChannels / groups }
    /// Entries of the flattened input `x`: `C · Π n`.
    public var inputCount: Int { inChannels * inputExtents.count }
    /// Entries of the flattened output `y`: `M · Π m`.
    public var outputCount: Int { outChannels * outputExtents.count }
    /// Kernel weights: `M · (C/g) · Π k`, PyTorch's weight tensor `(M, C/g, k…)`.
    public var weightCount: Int { outChannels * inChannelsPerGroup * kernelExtents.count }

    /// Whether any channel count or the group count is above 1 (symbols then carry channels).
    public var hasChannels: Bool { inChannels > 1 || outChannels > 1 }

    /// Creates a validated convolution from already-checked parts; only validation calls this.
    init(
        axes: [ConvolutionAxis], inChannels: Int, outChannels: Int, groups: Int,
        paddingMode: PaddingMode, orientation: KernelOrientation, requestedPadding: PaddingSpec,
        inputExtents: Extents, outputExtents: Extents, kernelExtents: Extents
    ) {
        self.axes = axes
        self.inChannels = inChannels
        self.outChannels = outChannels
        self.groups = groups
        self.paddingMode = paddingMode
        self.orientation = orientation
        self.requestedPadding = requestedPadding
        self.inputExtents = inputExtents
        self.outputExtents = outputExtents
        self.kernelExtents = kernelExtents
    }

    /// The description this convolution was validated from, with padding resolved to amounts.
    public var spec: ConvolutionSpec {
        ConvolutionSpec(
            inputSize: axes.map { $0.inputSize }, kernelSize: axes.map { $0.kernelSize },
            stride: axes.map { $0.stride }, padding: .explicit(axes.map { $0.padding }),
            dilation: axes.map { $0.dilation }, inChannels: inChannels, outChannels: outChannels,
            groups: groups, paddingMode: paddingMode, orientation: orientation,
            sameRule: .tensorflow)
    }
}

extension ConvolutionSpec {
    /// Checks every rule and resolves the padding, or throws the first broken rule.
    ///
    /// Rules, in the order they are checked: sizes ≥ 1 and kernel and input of the same rank;
    /// stride and dilation ≥ 1, one value or one per axis; channels and groups ≥ 1 with the groups
    /// dividing both channel counts; padding ≥ 0 (or a word; `same` with stride > 1 only under
    /// ``SameRule/tensorflow``); the padding mode's limits (reflect: padding < n, circular:
    /// padding ≤ n on each side, as PyTorch requires); the dilated kernel `d·(k − 1) + 1` no larger
    /// than the padded input `n + p_before + p_after`; every element count within `Int`.
    public func validated() throws(SpecificationError) -> Convolution {
        // Every per-axis list is expanded to the rank and checked here, once; nothing below
        // reads `self`'s lists.
        let lists = try AxisLists(
            input: inputSize, kernel: kernelSize, stride: stride, dilation: dilation,
            padding: padding)
        try SpecValidation.channels(
            inChannels: inChannels, outChannels: outChannels, groups: groups)
        let paddings = try resolvedPadding(lists)
        try checkPaddingMode(paddings, input: lists.input)

        // The per-axis arithmetic in 64 bits: every term is below 2³¹, a sum or product need
        // not be, and a 32-bit host (the explorer's WebAssembly core) must not trap where a
        // 64-bit one answers.
        var outputSizes: [Int64] = []
        for t in 0..<lists.rank {
            let span = Int64(lists.dilation[t]) * Int64(lists.kernel[t] - 1) + 1
            let padded =
                Int64(lists.input[t]) + Int64(paddings[t].before) + Int64(paddings[t].after)
            guard span <= padded else {
                let dilated = lists.dilation[t] > 1 ? "dilated " : ""
                throw SpecificationError(
                    .kernel,
                    "\(dilated)kernel spans \(AxisNames.count(span, t, rank: lists.rank)) but the padded input has \(padded); it must fit"
                )
            }
            outputSizes.append((padded - span) / Int64(lists.stride[t]) + 1)
        }
        // An output size past this host's Int (a 32-bit host only) makes a layer of more than
        // 2³¹ outputs: refused by the element budget, as the 64-bit command line refuses it.
        if outputSizes.contains(where: { Int(exactly: $0) == nil }) {
            try ResourceLimits.checkElements(
                LayerElementCounts(
                    inputs: LayerElementCounts.count(
                        channels: Int64(inChannels), sizes: lists.input),
                    outputs: LayerElementCounts.count(
                        channels: Int64(outChannels), sizes: outputSizes),
                    weights: LayerElementCounts.count(
                        channels: Int64(outChannels) * Int64(inChannels / groups),
                        sizes: lists.kernel)),
                budget: ResourceLimits.defaultMemoryBytes)
        }
        var axes: [ConvolutionAxis] = []
        for t in 0..<lists.rank {
            axes.append(
                ConvolutionAxis(
                    inputSize: lists.input[t], kernelSize: lists.kernel[t], stride: lists.stride[t],
                    dilation: lists.dilation[t], padding: paddings[t],
                    outputSize: Int(truncatingIfNeeded: outputSizes[t])))
        }
        // Counted in 64-bit arithmetic: a 32-bit host refuses a layer larger than its `Int` with
        // the budget's words, as the command line on a 64-bit host does (LayerElementCounts).
        let weightChannels = Int64(outChannels) * Int64(inChannels / groups)
        let counts = {
            LayerElementCounts(
                inputs: LayerElementCounts.count(channels: Int64(inChannels), sizes: lists.input),
                outputs: LayerElementCounts.count(
                    channels: Int64(outChannels), sizes: axes.map { $0.outputSize }),
                weights: LayerElementCounts.count(channels: weightChannels, sizes: lists.kernel))
        }
        let input = try SpecValidation.extents(
            lists.input, channels: Int64(inChannels), field: .input, elements: counts)
        let output = try SpecValidation.extents(
            axes.map { $0.outputSize }, channels: Int64(outChannels), field: .input,
            elements: counts)
        let kernel = try SpecValidation.extents(
            lists.kernel, channels: weightChannels, field: .kernel, elements: counts)
        return Convolution(
            axes: axes, inChannels: inChannels, outChannels: outChannels, groups: groups,
            paddingMode: paddingMode, orientation: orientation, requestedPadding: padding,
            inputExtents: input, outputExtents: output, kernelExtents: kernel)
    }

    /// The explicit padding of every axis, with words resolved from the expanded `lists`.
    private func resolvedPadding(_ lists: AxisLists) throws(SpecificationError) -> [AxisPadding] {
        if let explicit = lists.explicitPadding { return explicit }
        let axes = 0..<lists.rank
        switch padding {
        case .full:
            return axes.map {
                OutputSize.fullPadding(kernel: lists.kernel[$0], dilation: lists.dilation[$0])
            }
        default:
            if sameRule == .pytorch, let s = lists.stride.first(where: { $0 > 1 }) {
                throw SpecificationError(
                    .padding,
                    "same needs stride 1 under PyTorch's rule, got stride \(s); TensorFlow's SAME rule pads for any stride",
                    rule: .sameNeedsStrideOne(stride: s))
            }
            return axes.map {
                OutputSize.samePadding(
                    input: lists.input[$0], kernel: lists.kernel[$0], stride: lists.stride[$0],
                    dilation: lists.dilation[$0])
            }
        }
    }

    /// PyTorch's limits on the padding for each padding mode.
    private func checkPaddingMode(_ paddings: [AxisPadding], input inputSize: [Int])
        throws(SpecificationError)
    {
        for (t, p) in paddings.enumerated() {
            let n = inputSize[t]
            let widest = max(p.before, p.after)
            switch paddingMode {
            case .zeros, .replicate:
                continue
            case .reflect where widest >= n:
                throw SpecificationError(
                    .paddingMode,
                    "reflect needs padding < input size on each side (PyTorch's rule), got \(widest) with input \(n)\(AxisNames.place(t, rank: paddings.count))"
                )
            case .circular where widest > n:
                throw SpecificationError(
                    .paddingMode,
                    "circular needs padding ≤ input size on each side (PyTorch's rule), got \(widest) with input \(n)\(AxisNames.place(t, rank: paddings.count))"
                )
            default:
                continue
            }
        }
    }
}
