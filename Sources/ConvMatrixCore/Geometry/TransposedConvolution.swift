/// One spatial axis of a validated transposed convolution: a ``LayerAxis`` read in the
/// transposed layer's own input and output, `m` inputs (stride `s`: input `j` lands at output
/// `j·s`), `p_before`/`p_after` output positions cropped from each end, an output padding
/// `a` (< s or < d) and `n = (m − 1)·s − p_before − p_after + d·(k − 1) + a + 1 ≥ 1` outputs.
public typealias TransposedConvolutionAxis = LayerAxis

/// A validated transposed convolution (PyTorch's `ConvTranspose*d` with zeros padding).
///
/// Along each axis, input `j` of channel `c` adds `k[c, o − o₀, a] · x[c, j]` to output position
/// `j·s + a·d − p_before` of every output channel `o` of its group, for every tap `a`;
/// positions that fall outside `0…n−1` are cropped. Its matrix T is the transpose of the matrix
/// U of ``forward``, the convolution with the same kernel, stride, padding and dilation whose
/// input has this layer's output size (with more outputs than this layer has inputs only when
/// an output padding reaches the stride, see ``forwardHasExtraOutputs``).
public struct TransposedConvolution: Hashable, Sendable {
    /// The spatial axes, outermost first.
    public let axes: [TransposedConvolutionAxis]
    /// Input channels (the forward convolution's `M`).
    public let inChannels: Int
    /// Output channels (the forward convolution's `C`).
    public let outChannels: Int
    /// Groups.
    public let groups: Int
    /// Orientation of the kernel (as in the forward convolution).
    public let orientation: KernelOrientation
    /// The forward convolution this layer is the transpose of: input size `n` (this layer's
    /// output size), channels swapped, same kernel, stride, padding and dilation.
    public let forward: Convolution
    /// Spatial input extents `m`.
    public let inputExtents: Extents
    /// Spatial output extents `n`.
    public let outputExtents: Extents

    /// The number of spatial axes.
    public var rank: Int { axes.count }
    /// Entries of the flattened input: `inChannels · Π m`.
    public var inputCount: Int { inChannels * inputExtents.count }
    /// Entries of the flattened output: `outChannels · Π n`.
    public var outputCount: Int { outChannels * outputExtents.count }
    /// Spatial kernel extents.
    public var kernelExtents: Extents { forward.kernelExtents }

    /// Whether the forward convolution has more outputs than this layer has inputs on some axis,
    /// which happens exactly when an output padding `a ≥ s` (allowed by PyTorch when `a < d`):
    /// the forward convolution then has `m + ⌊a/s⌋` outputs, and T is the transpose of U
    /// restricted to the outputs `< m` on every axis.
    public var forwardHasExtraOutputs: Bool {
        zip(axes, forward.axes).contains { $0.inputSize != $1.outputSize }
    }
}

extension TransposedConvolutionSpec {
    /// Checks every rule, or throws the first broken one.
    ///
    /// Rules: sizes ≥ 1 and matching ranks; stride and dilation ≥ 1; channels and groups ≥ 1
    /// with the groups dividing both; padding explicit and ≥ 0 (`valid` means 0; `same` and
    /// `full` are refused, as PyTorch's ConvTranspose refuses string padding); output padding ≥ 0
    /// and smaller than the stride or the dilation of its axis; an output size ≥ 1.
    public func validated() throws(SpecificationError) -> TransposedConvolution {
        // Every per-axis list is expanded to the rank and checked here, once.
        let lists = try AxisLists(
            input: inputSize, kernel: kernelSize, stride: stride, dilation: dilation,
            padding: padding, outputPadding: outputPadding)
        if padding == .same || padding == .full {
            throw SpecificationError(
                .padding,
                "a transposed convolution takes padding amounts, got '\(padding)' (PyTorch's ConvTranspose has no padding words)"
            )
        }
        try SpecValidation.channels(
            inChannels: inChannels, outChannels: outChannels, groups: groups)
        let paddings = lists.explicitPadding ?? Array(repeating: AxisPadding(0), count: lists.rank)
        var axes: [TransposedConvolutionAxis] = []
        var outputSizes: [Int64] = []
        for t in 0..<lists.rank {
            let a = lists.outputPadding[t]
            guard a < lists.stride[t] || a < lists.dilation[t] else {
                throw SpecificationError(
                    .outputPadding,
                    "must be smaller than the stride (\(lists.stride[t])) or the dilation (\(lists.dilation[t])), got \(a)\(AxisNames.place(t, rank: lists.rank))"
                )
            }
            // In 64-bit arithmetic: every term is below 2³¹, the sum is not, and a 32-bit host
            // (the explorer's WebAssembly core) must not trap where a 64-bit one refuses.
            let m = Int64(lists.input[t])
            let n =
                (m - 1) * Int64(lists.stride[t]) - Int64(paddings[t].before)
                - Int64(paddings[t].after) + Int64(lists.dilation[t]) * Int64(lists.kernel[t] - 1)
                + Int64(a) + 1
            guard n >= 1 else {
                throw SpecificationError(
                    .padding,
                    "crops the whole output\(AxisNames.place(t, rank: lists.rank)): (m − 1)·s − p_before − p_after + d·(k − 1) + a + 1 = \(n), must be ≥ 1"
                )
            }
            outputSizes.append(n)
        }
        // The output sizes are the forward convolution's input sizes, which its validation
        // bounds by 2³¹ − 1: checked here first, in 64 bits, with the same words.
        for (t, n) in outputSizes.enumerated() where n > Int64(SpecValidation.largestValue) {
            throw SpecificationError(
                .input,
                "must be ≤ \(SpecValidation.largestValue), got \(n)\(AxisNames.place(t, rank: lists.rank))"
            )
        }
        for t in 0..<lists.rank {
            axes.append(
                LayerAxis(
                    inputSize: lists.input[t], kernelSize: lists.kernel[t], stride: lists.stride[t],
                    dilation: lists.dilation[t], padding: paddings[t],
                    outputPadding: lists.outputPadding[t],
                    outputSize: Int(outputSizes[t])))
        }
        let forwardSpec = ConvolutionSpec(
            inputSize: axes.map { $0.outputSize }, kernelSize: lists.kernel, stride: lists.stride,
            padding: .explicit(paddings), dilation: lists.dilation, inChannels: outChannels,
            outChannels: inChannels, groups: groups, orientation: orientation)
        let forward = try forwardSpec.validated()
        let input = try SpecValidation.extents(
            lists.input, channels: Int64(inChannels), field: .input)
        return TransposedConvolution(
            axes: axes, inChannels: inChannels, outChannels: outChannels, groups: groups,
            orientation: orientation, forward: forward, inputExtents: input,
            outputExtents: forward.inputExtents)
    }
}

extension Convolution {
    /// The transposed convolution that is this convolution's transpose: input size = this
    /// output size, output size = this input size (output padding chosen to recover it), channels
    /// swapped, same kernel, stride, padding and dilation. Only zeros padding has a PyTorch
    /// ConvTranspose counterpart; for other modes this is the transpose of the zero-padded layer.
    public var transposedCounterpart: TransposedConvolutionSpec {
        let outputPadding = axes.map { axis in
            axis.inputSize
                - OutputSize.transposed(
                    input: axis.outputSize, kernel: axis.kernelSize, stride: axis.stride,
                    padding: axis.padding, dilation: axis.dilation, outputPadding: 0)
        }
        return TransposedConvolutionSpec(
            inputSize: axes.map { $0.outputSize }, kernelSize: axes.map { $0.kernelSize },
            stride: axes.map { $0.stride }, padding: .explicit(axes.map { $0.padding }),
            dilation: axes.map { $0.dilation }, outputPadding: outputPadding,
            inChannels: outChannels, outChannels: inChannels, groups: groups,
            orientation: orientation)
    }
}
