import ConvMatrixCore

extension Convolution {
    /// The layer's outputs `rows` (flat, channel first) at `input`, computed straight from the
    /// definition (the gather form of ``apply(to:kernel:)``) without computing the others:
    /// `y[o, i] = Σ_c Σ_a k[o, c, a'] · x̃[c₀(o) + c, i·s + a·d − p_before]`.
    ///
    /// Costs `(C/g)·Πk` multiply-adds an output, so a check can compare sampled rows of U with
    /// the definition on a layer far too large to convolve whole many times.
    public func outputs<Scalar: NumericScalar>(
        _ rows: [Int], of input: [Scalar], kernel: [Scalar]
    ) throws(NumericError) -> [Scalar] {
        try NumericShapes.check(vector: input, count: inputCount, what: "the input")
        try NumericShapes.check(kernel, count: weightCount, shape: kernelLayout.shape)
        var result: [Scalar] = []
        result.reserveCapacity(rows.count)
        for row in rows {
            var total = Scalar.zero
            try forEachConnection(ofOutput: row) { (weight, source) throws(NumericError) in
                total = try Scalar.sum(total, try Scalar.product(kernel[weight], input[source]))
            }
            result.append(total)
        }
        return result
    }

    /// The adjoint of ``outputs(_:of:kernel:)``: the input-shaped sum that the output values
    /// `values` at `rows` send back through the definition (the scatter form of
    /// ``applyTransposed(to:kernel:)`` restricted to those outputs).
    public func scatter<Scalar: NumericScalar>(
        _ values: [Scalar], from rows: [Int], kernel: [Scalar]
    ) throws(NumericError) -> [Scalar] {
        try NumericShapes.check(vector: values, count: rows.count, what: "the output values")
        try NumericShapes.check(kernel, count: weightCount, shape: kernelLayout.shape)
        var x = [Scalar](repeating: .zero, count: inputCount)
        for (j, row) in rows.enumerated() {
            try forEachConnection(ofOutput: row) { (weight, index) throws(NumericError) in
                x[index] = try Scalar.sum(x[index], try Scalar.product(kernel[weight], values[j]))
            }
        }
        return x
    }

    /// The connections of output `row` (flat, channel first) by the definition, in the order
    /// its sum runs: for each kernel tap `a` that reaches an input (`gatherSource`) and each
    /// channel `c` of the output's group, `body` gets the flat weight index `k[o, c, a']` and
    /// the flat input index `x[c₀(o) + c, i·s + a·d − p_before]`.
    private func forEachConnection(
        ofOutput row: Int, _ body: (_ weight: Int, _ input: Int) throws(NumericError) -> Void
    ) throws(NumericError) {
        let spatialOutputs = outputExtents.count
        let spatialInputs = inputExtents.count
        let kernelCount = kernelExtents.count
        let channelsPerGroup = inChannelsPerGroup
        let o = row / spatialOutputs
        let i = outputExtents.multiIndex(row % spatialOutputs)
        let firstChannel = (o / outChannelsPerGroup) * channelsPerGroup
        for a in 0..<kernelCount {
            let position = kernelExtents.multiIndex(a)
            guard let source = gatherSource(output: i, kernel: position) else { continue }
            let tap = orientation == .convolution ? flippedTap(position) : a
            for c in 0..<channelsPerGroup {
                try body(
                    (o * channelsPerGroup + c) * kernelCount + tap,
                    (firstChannel + c) * spatialInputs + source)
            }
        }
    }
}
