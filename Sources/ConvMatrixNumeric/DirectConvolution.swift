import ConvMatrixCore

extension Convolution {
    /// The layer applied to `input`, computed straight from the definition (the *gather* form),
    /// without U:
    ///
    ///     y[o, i] = Σ_{c < C/g} Σ_a k[o, c, a'] · x̃[c₀(o) + c, i·s + a·d − p_before]
    ///
    /// for every output channel `o` and spatial output position `i` (all axes at once), where
    /// `a` runs over the kernel positions, `a' = a` for cross-correlation and `a' = k − 1 − a` for
    /// a true convolution (``KernelOrientation/convolution``), `c₀(o)` is the first input channel
    /// of `o`'s group, and `x̃` reads the padded input through ``PaddingMode/sourceIndex(of:extent:)``
    /// on every axis (a zero when any axis falls in zero padding). This is what PyTorch computes
    /// with `F.pad(x, mode)` followed by `F.convNd(…, padding=0)`.
    ///
    /// - Parameters:
    ///   - input: a tensor of shape `(C, n₀, n₁, …)`.
    ///   - kernel: the weights in PyTorch's order `(M, C/g, k₀, k₁, …)`, flattened row-major.
    /// - Returns: the output, shape `(M, m₀, m₁, …)`.
    /// - Throws: ``ConvMatrixNumeric/NumericError`` when a shape does not match the layer, or exact arithmetic
    ///   overflows.
    public func apply<Scalar: NumericScalar>(to input: Tensor<Scalar>, kernel: [Scalar])
        throws(NumericError) -> Tensor<Scalar>
    {
        try NumericShapes.check(input, channels: inChannels, extents: inputExtents, what: "input")
        try NumericShapes.check(kernel, count: weightCount, shape: kernelLayout.shape)
        let kernelCount = kernelExtents.count
        let inputCount = inputExtents.count
        let outputSpatial = outputExtents.count
        let channelsPerGroup = inChannelsPerGroup
        // For every kernel position and output position: the flat input it reads, or nil.
        var output = [Scalar](repeating: .zero, count: outputCount)
        try forEachWindowLink { (flat, tap, source) throws(NumericError) in
            for o in 0..<outChannels {
                let firstChannel = (o / outChannelsPerGroup) * channelsPerGroup
                var total = output[o * outputSpatial + flat]
                for c in 0..<channelsPerGroup {
                    let weight = kernel[(o * channelsPerGroup + c) * kernelCount + tap]
                    let value = input.values[(firstChannel + c) * inputCount + source]
                    total = try Scalar.sum(total, try Scalar.product(weight, value))
                }
                output[o * outputSpatial + flat] = total
            }
        }
        return Tensor(unchecked: outChannels, extents: outputExtents, values: output)
    }

    /// The flat spatial input that kernel position `a` reads at output position `i`:
    /// `source(i·s + a·d − p_before)` on every axis, or `nil` in zero padding.
    func gatherSource(output i: [Int], kernel a: [Int]) -> Int? {
        var flat = 0
        for t in axes.indices {
            let axis = axes[t]
            let q = i[t] * axis.stride + a[t] * axis.dilation - axis.padding.before
            guard let source = paddingMode.sourceIndex(of: q, extent: axis.inputSize) else {
                return nil
            }
            flat += source * inputExtents.strides[t]
        }
        return flat
    }

    /// The flat spatial tap `k − 1 − a` (the kernel rotated 180°).
    func flippedTap(_ a: [Int]) -> Int {
        var flat = 0
        for t in axes.indices {
            flat += (axes[t].kernelSize - 1 - a[t]) * kernelExtents.strides[t]
        }
        return flat
    }
}

/// Shape checks shared by the numeric operations.
enum NumericShapes {
    /// Throws unless `tensor` is `channels × extents`.
    static func check<Scalar>(
        _ tensor: Tensor<Scalar>, channels: Int, extents: Extents, what: String
    ) throws(NumericError) {
        guard tensor.channels == channels, tensor.extents == extents else {
            throw NumericError(
                "the \(what) has shape \(tensor.shape.map(String.init).joined(separator: "×")), the layer expects \(([channels] + extents.sizes).map(String.init).joined(separator: "×"))"
            )
        }
    }

    /// Throws unless `values` has `count` entries.
    static func check<Scalar>(_ values: [Scalar], count: Int, shape: [Int]) throws(NumericError) {
        guard values.count == count else {
            throw NumericError(
                "expected \(count) kernel values (weight shape \(shape.map(String.init).joined(separator: "×"))), got \(values.count)"
            )
        }
    }

    /// Throws unless `vector` has `count` entries.
    static func check<Scalar>(vector: [Scalar], count: Int, what: String) throws(NumericError) {
        guard vector.count == count else {
            throw NumericError("\(what) has \(vector.count) entries, expected \(count)")
        }
    }
}
