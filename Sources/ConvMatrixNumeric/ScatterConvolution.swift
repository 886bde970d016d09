import ConvMatrixCore

extension Convolution {
    /// The adjoint of the layer applied to `output`-shaped values `y`, computed in the *scatter*
    /// form from the definition, without U: every `y[o, i]` sends `k[o, c, a'] · y[o, i]` to the
    /// padded position `q = i·s + a·d − p_before` of input channel `c₀(o) + c`, and the padding is
    /// folded back: `q` lands on input `source(q)` (nothing under zero padding).
    ///
    ///     x'[c₀ + c, q] = Σ_{o, i, a : source(i·s + a·d − p_before) = q} k[o, c, a'] · y[o, i]
    ///
    /// This is `Uᵀ·y` by construction, since the layer is "pad (a linear map P), then a valid
    /// convolution (C)" and the adjoint is `Pᵀ·Cᵀ`. Under zeros padding it is PyTorch's
    /// `conv_transposeNd` of ``transposedCounterpart`` (the output padding recovering the input
    /// size); under reflect, replicate and circular padding the fold adds the mirrored or wrapped
    /// contributions, which no PyTorch ConvTranspose does.
    ///
    /// - Parameters:
    ///   - output: a tensor of shape `(M, m₀, m₁, …)`.
    ///   - kernel: the weights in PyTorch's order `(M, C/g, k…)`.
    /// - Returns: a tensor of the input's shape `(C, n₀, n₁, …)`.
    public func applyTransposed<Scalar: NumericScalar>(
        to output: Tensor<Scalar>, kernel: [Scalar]
    ) throws(NumericError) -> Tensor<Scalar> {
        try NumericShapes.check(
            output, channels: outChannels, extents: outputExtents, what: "output")
        try NumericShapes.check(kernel, count: weightCount, shape: kernelLayout.shape)
        return try scatter(output, mode: paddingMode, kernel: kernel)
    }

    /// The scatter loop shared with ``TransposedConvolution``: `y` may cover fewer positions than
    /// this layer's output (a transposed layer whose output padding reaches the stride).
    func scatter<Scalar: NumericScalar>(
        _ y: Tensor<Scalar>, mode: PaddingMode, kernel: [Scalar]
    ) throws(NumericError) -> Tensor<Scalar> {
        let kernelCount = kernelExtents.count
        let inputSpatial = inputExtents.count
        let ySpatial = y.extents.count
        let channelsPerGroup = inChannelsPerGroup
        var x = [Scalar](repeating: .zero, count: inputCount)
        for flat in 0..<ySpatial {
            let i = y.extents.multiIndex(flat)
            for a in 0..<kernelCount {
                let position = kernelExtents.multiIndex(a)
                guard let target = scatterTarget(output: i, kernel: position, mode: mode) else {
                    continue
                }
                let tap = orientation == .convolution ? flippedTap(position) : a
                for o in 0..<outChannels {
                    let value = y.values[o * ySpatial + flat]
                    let firstChannel = (o / outChannelsPerGroup) * channelsPerGroup
                    for c in 0..<channelsPerGroup {
                        let weight = kernel[(o * channelsPerGroup + c) * kernelCount + tap]
                        let slot = (firstChannel + c) * inputSpatial + target
                        x[slot] = try Scalar.sum(x[slot], try Scalar.product(weight, value))
                    }
                }
            }
        }
        return Tensor(unchecked: inChannels, extents: inputExtents, values: x)
    }

    /// The flat input position that position `i`, tap `a` lands on under `mode`, or `nil`.
    func scatterTarget(output i: [Int], kernel a: [Int], mode: PaddingMode) -> Int? {
        var flat = 0
        for t in axes.indices {
            let axis = axes[t]
            let q = i[t] * axis.stride + a[t] * axis.dilation - axis.padding.before
            guard let source = mode.sourceIndex(of: q, extent: axis.inputSize) else { return nil }
            flat += source * inputExtents.strides[t]
        }
        return flat
    }
}

extension TransposedConvolution {
    /// The transposed convolution applied to `input`, computed in the scatter form from
    /// PyTorch's definition of `ConvTransposeNd`, without T:
    ///
    ///     z[o₀(c) + o, j·s + a·d − p_before] += k[c, o, a'] · x[c, j]
    ///
    /// for every input channel `c`, input position `j`, output channel `o < C_out/g` of `c`'s
    /// group and kernel position `a` (`a' = k − 1 − a` with ``KernelOrientation/convolution``);
    /// positions outside `0…n−1` are cropped — the padding crops, and the output padding `a`
    /// only makes `n` larger.
    ///
    /// - Parameters:
    ///   - input: a tensor of shape `(C_in, m₀, m₁, …)`.
    ///   - kernel: the weights in PyTorch's order `(C_in, C_out/g, k…)`.
    /// - Returns: the output, shape `(C_out, n₀, n₁, …)`.
    public func apply<Scalar: NumericScalar>(to input: Tensor<Scalar>, kernel: [Scalar])
        throws(NumericError) -> Tensor<Scalar>
    {
        try NumericShapes.check(input, channels: inChannels, extents: inputExtents, what: "input")
        try NumericShapes.check(kernel, count: kernelLayout.count, shape: kernelLayout.shape)
        // The forward convolution's weight (M, C/g, k…) has the same flat order as this layer's
        // (C_in, C_out/g, k…), and its zero-padded scatter crops exactly as ConvTranspose does.
        return try forward.scatter(input, mode: .zeros, kernel: kernel)
    }
}
