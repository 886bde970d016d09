import ConvMatrixCore
import ConvMatrixSymbols
import Symbolic

extension Convolution {
    /// The output with numbers computed from the definition, without U: the same tensor as
    /// ``evaluate(_:values:direction:)`` (exactly, when every value is exact; up to rounding
    /// order in doubles).
    ///
    /// - ``ConvMatrixNumeric/LayerDirection/forward``: `y = U·x + b` is the gather form
    ///   ``apply(to:kernel:)`` (``applyFast(input:kernel:)`` in doubles);
    /// - ``ConvMatrixNumeric/LayerDirection/transposed``: `z = Uᵀ·x + b` is the scatter form
    ///   ``applyTransposed(to:kernel:)``.
    ///
    /// Both cost one multiply-add per entry of U and keep only the tensors: ResNet-50's first
    /// layer takes milliseconds in doubles, where building its U took half a second and 0.9 GB.
    public func evaluateDirect(values: LayerValues, direction: LayerDirection = .forward)
        throws(NumericError) -> ValueTensor
    {
        let (channels, extents) =
            direction == .forward ? (outChannels, outputExtents) : (inChannels, inputExtents)
        if let exact = try dyadicOutput(values, direction: direction) {
            return ValueTensor(shape: [channels] + extents.sizes, entries: .exact(exact))
        }
        let entries = try values.compute(
            exact: { (s: LayerScalars<Rational>) throws(NumericError) in
                [.exact(try self.directOutput(s, direction: direction))]
            },
            float: { (s: LayerScalars<Double>) throws(NumericError) in
                [.float(try self.directOutput(s, direction: direction))]
            })
        return ValueTensor(shape: [channels] + extents.sizes, entries: entries[0])
    }

    /// The gradients with numbers computed from the definition, without U: the same tensors as
    /// ``backward(_:values:direction:)``.
    ///
    /// For the layer (``ConvMatrixNumeric/LayerDirection/forward``): `∂E/∂x = Uᵀ·δ` is the scatter form of δ,
    /// `∂E/∂w = M(x)ᵀ·δ` is ``directWeightGradient(input:delta:)``, the correlation of `x` with
    /// `δ`. For the transposed layer `z = Uᵀ·x`: `∂E/∂x = U·δ` is the gather form of δ and
    /// `∂E/∂w = M(δ)ᵀ·x`. In both, `∂E/∂b_o = Σ_i δ[o, i]`. `values.delta` must be set.
    public func backwardDirect(values: LayerValues, direction: LayerDirection = .forward)
        throws(NumericError) -> (input: ValueTensor, kernel: ValueTensor, bias: ValueTensor)
    {
        let entries: [ValueTensor.Entries]
        if let g = try dyadicGradients(values, direction: direction) {
            entries = [.exact(g.0), .exact(g.1), .exact(g.2)]
        } else {
            entries = try values.compute(
                exact: { (s: LayerScalars<Rational>) throws(NumericError) in
                    let g = try self.directGradients(s, direction: direction)
                    return [.exact(g.0), .exact(g.1), .exact(g.2)]
                },
                float: { (s: LayerScalars<Double>) throws(NumericError) in
                    let g = try self.directGradients(s, direction: direction)
                    return [.float(g.0), .float(g.1), .float(g.2)]
                })
        }
        return gradientTensors(entries, direction: direction)
    }

    /// `∂E/∂w = M(x)ᵀ·δ` from the definition, without U: for every weight `(o, c, a')`,
    ///
    ///     ∂E/∂w[o, c, a'] = Σ_i δ[o, i] · x̃[c₀(o) + c, i·s + a·d − p_before]
    ///
    /// over the spatial outputs `i` (`gatherSource(output:kernel:)` reads the padded input;
    /// `a' = a`, or `k − 1 − a` for a true convolution) — the correlation of the input with δ.
    ///
    /// - Parameters:
    ///   - input: `C · Π n` values, channel first then row-major.
    ///   - delta: `M · Π m` values, one per output.
    /// - Returns: the weights' gradient in PyTorch's order `(M, C/g, k…)`.
    public func directWeightGradient<Scalar: NumericScalar>(input: [Scalar], delta: [Scalar])
        throws(NumericError) -> [Scalar]
    {
        try NumericShapes.check(vector: input, count: inputCount, what: "the input")
        try NumericShapes.check(vector: delta, count: outputCount, what: "the output gradient")
        if let x = input as? [Double], let d = delta as? [Double],
            let fast = directWeightGradientFast(input: x, delta: d) as? [Scalar]
        {
            return fast
        }
        let kernelCount = kernelExtents.count
        let inputSpatial = inputExtents.count
        let outputSpatial = outputExtents.count
        let channelsPerGroup = inChannelsPerGroup
        var gradient = [Scalar](repeating: .zero, count: weightCount)
        try forEachWindowLink { (flat, tap, source) throws(NumericError) in
            for o in 0..<outChannels {
                let d = delta[o * outputSpatial + flat]
                let firstChannel = (o / outChannelsPerGroup) * channelsPerGroup
                for c in 0..<channelsPerGroup {
                    let w = (o * channelsPerGroup + c) * kernelCount + tap
                    let x = input[(firstChannel + c) * inputSpatial + source]
                    gradient[w] = try Scalar.sum(gradient[w], try Scalar.product(d, x))
                }
            }
        }
        return gradient
    }

    private func directOutput<Scalar: NumericScalar>(
        _ s: LayerScalars<Scalar>, direction: LayerDirection
    ) throws(NumericError) -> [Scalar] {
        switch direction {
        case .forward:
            let y = try gather(s.input, kernel: s.kernel)
            return try LayerBias.add(s.bias, to: y, perChannel: outputExtents.count)
        case .transposed:
            let z = try scatter(s.input, kernel: s.kernel)
            return try LayerBias.add(s.bias, to: z, perChannel: inputExtents.count)
        }
    }

    private func directGradients<Scalar: NumericScalar>(
        _ s: LayerScalars<Scalar>, direction: LayerDirection
    ) throws(NumericError) -> ([Scalar], [Scalar], [Scalar]) {
        guard let delta = s.delta else { throw NumericError("no output gradient") }
        switch direction {
        case .forward:
            let dx = try scatter(delta, kernel: s.kernel)
            let dk = try directWeightGradient(input: s.input, delta: delta)
            return (dx, dk, try LayerBias.channelSums(delta, channels: outChannels))
        case .transposed:
            // z = Uᵀ·x: ∂E/∂x = U·δ, ∂E/∂w = M(δ)ᵀ·x (δ on the forward input grid).
            let dx = try gather(delta, kernel: s.kernel)
            let dk = try directWeightGradient(input: delta, delta: s.input)
            return (dx, dk, try LayerBias.channelSums(delta, channels: inChannels))
        }
    }

    /// More terms than any one sum of the direct loops has: `max(C/g, M/g)·Π 3k_t` products
    /// of a gather or a scatter (reflect padding folds at most three padded positions onto an
    /// input), and the spatial positions summed by a weight's or a bias's gradient.
    private var termsBound: Int {
        let perSum = axes.reduce(Double(max(inChannelsPerGroup, outChannelsPerGroup))) {
            $0 * Double(3 * $1.kernelSize)
        }
        let total = perSum + Double(outputExtents.count) + Double(inputExtents.count)
        return total < Double(1 << 53) ? Int(total) : 1 << 53
    }

    /// ``evaluateDirect(values:direction:)`` in doubles read back as exact rationals, when every
    /// value is dyadic and small enough that doubles cannot round (``DyadicArithmetic``).
    private func dyadicOutput(_ values: LayerValues, direction: LayerDirection)
        throws(NumericError) -> [Rational]?
    {
        guard let x = DyadicArithmetic.measure(values.input),
            let w = DyadicArithmetic.measure(values.kernel)
        else { return nil }
        var b: (exponent: Int, largest: Double)?
        if let bias = values.bias {
            guard let measured = DyadicArithmetic.measure(bias) else { return nil }
            b = measured
        }
        guard let e = DyadicArithmetic.exponent(terms: termsBound, x, w, plus: b),
            let doubles = LayerScalars<Double>(values, convert: { $0.double })
        else { return nil }
        return DyadicArithmetic.rationals(
            try directOutput(doubles, direction: direction), exponent: e)
    }

    /// ``backwardDirect(values:direction:)`` in doubles read back as exact rationals, when
    /// every value is dyadic and small enough that doubles cannot round.
    private func dyadicGradients(_ values: LayerValues, direction: LayerDirection)
        throws(NumericError) -> ([Rational], [Rational], [Rational])?
    {
        guard let delta = values.delta, let d = DyadicArithmetic.measure(delta),
            let x = DyadicArithmetic.measure(values.input),
            let w = DyadicArithmetic.measure(values.kernel),
            let ew = DyadicArithmetic.exponent(terms: termsBound, d, w),
            let ex = DyadicArithmetic.exponent(terms: termsBound, d, x),
            let eb = DyadicArithmetic.exponent(terms: termsBound, d, (0, 1)),
            let doubles = LayerScalars<Double>(values, convert: { $0.double })
        else { return nil }
        let g = try directGradients(doubles, direction: direction)
        guard let dx = DyadicArithmetic.rationals(g.0, exponent: ew),
            let dk = DyadicArithmetic.rationals(g.1, exponent: ex),
            let db = DyadicArithmetic.rationals(g.2, exponent: eb)
        else { return nil }
        return (dx, dk, db)
    }

    /// `Uᵀ·y` by the scatter form: the fast loop in doubles, the definition otherwise.
    private func scatter<Scalar: NumericScalar>(_ y: [Scalar], kernel: [Scalar])
        throws(NumericError) -> [Scalar]
    {
        try NumericShapes.check(vector: y, count: outputCount, what: "the output")
        try NumericShapes.check(kernel, count: weightCount, shape: kernelLayout.shape)
        if let y = y as? [Double], let kernel = kernel as? [Double],
            let x = applyTransposedFast(y, kernel: kernel) as? [Scalar]
        {
            return x
        }
        return try applyTransposed(
            to: Tensor(unchecked: outChannels, extents: outputExtents, values: y), kernel: kernel
        ).values
    }

    /// `U·x` by the gather form: the fast loop in doubles, the definition otherwise.
    private func gather<Scalar: NumericScalar>(_ x: [Scalar], kernel: [Scalar])
        throws(NumericError) -> [Scalar]
    {
        if let x = x as? [Double], let kernel = kernel as? [Double],
            let y = try applyFast(input: x, kernel: kernel) as? [Scalar]
        {
            return y
        }
        try NumericShapes.check(vector: x, count: inputCount, what: "the input")
        return try apply(
            to: Tensor(unchecked: inChannels, extents: inputExtents, values: x), kernel: kernel
        ).values
    }
}
