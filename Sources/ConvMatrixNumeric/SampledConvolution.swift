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
        let spatialOutputs = outputExtents.count
        let spatialInputs = inputExtents.count
        let kernelCount = kernelExtents.count
        let channelsPerGroup = inChannelsPerGroup
        var result: [Scalar] = []
        result.reserveCapacity(rows.count)
        for row in rows {
            let o = row / spatialOutputs
            let i = outputExtents.multiIndex(row % spatialOutputs)
            let firstChannel = (o / outChannelsPerGroup) * channelsPerGroup
            var total = Scalar.zero
            for a in 0..<kernelCount {
                let position = kernelExtents.multiIndex(a)
                guard let source = gatherSource(output: i, kernel: position) else { continue }
                let tap = orientation == .convolution ? flippedTap(position) : a
                for c in 0..<channelsPerGroup {
                    let weight = kernel[(o * channelsPerGroup + c) * kernelCount + tap]
                    let value = input[(firstChannel + c) * spatialInputs + source]
                    total = try Scalar.sum(total, try Scalar.product(weight, value))
                }
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
        let spatialOutputs = outputExtents.count
        let spatialInputs = inputExtents.count
        let kernelCount = kernelExtents.count
        let channelsPerGroup = inChannelsPerGroup
        var x = [Scalar](repeating: .zero, count: inputCount)
        for (j, row) in rows.enumerated() {
            let o = row / spatialOutputs
            let i = outputExtents.multiIndex(row % spatialOutputs)
            let firstChannel = (o / outChannelsPerGroup) * channelsPerGroup
            for a in 0..<kernelCount {
                let position = kernelExtents.multiIndex(a)
                guard let source = gatherSource(output: i, kernel: position) else { continue }
                let tap = orientation == .convolution ? flippedTap(position) : a
                for c in 0..<channelsPerGroup {
                    let weight = kernel[(o * channelsPerGroup + c) * kernelCount + tap]
                    let index = (firstChannel + c) * spatialInputs + source
                    x[index] = try Scalar.sum(x[index], try Scalar.product(weight, values[j]))
                }
            }
        }
        return x
    }
}
