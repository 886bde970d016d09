import ConvMatrixCore

/// The gradients of an error `E` with respect to a layer's input, weights and bias, given the
/// upstream gradient `δ = ∂E/∂y` at its outputs — what autograd returns as `x.grad`,
/// `weight.grad` and `bias.grad`.
public struct LayerGradients<Scalar: NumericScalar>: Hashable, Sendable {
    /// `∂E/∂x`, shaped like the input `(C_in, n…)`.
    public let input: Tensor<Scalar>
    /// `∂E/∂w` in PyTorch's weight order: `(M, C/g, k…)` for a convolution, `(C_in, C_out/g, k…)`
    /// for a transposed convolution.
    public let kernel: [Scalar]
    /// `∂E/∂b`, one per output channel: the sum of `δ` over that channel's outputs.
    public let bias: [Scalar]
}

extension Convolution {
    /// The layer with numbers: `y = U·x + b`, with `b_o` added to every output of channel `o`.
    ///
    /// - Parameters:
    ///   - u: this convolution's ``unrolled(limits:)`` matrix.
    ///   - input: `(C, n…)`, channel first, then row-major.
    ///   - kernel: the weights in PyTorch's order.
    ///   - bias: one per output channel (zeros when `nil`).
    public func forward<Scalar: NumericScalar>(
        _ u: TapMatrix, input: [Scalar], kernel: [Scalar], bias: [Scalar]? = nil
    ) throws(NumericError) -> Tensor<Scalar> {
        let y = try u.product(input, tapValues: kernel)
        return Tensor(
            unchecked: outChannels, extents: outputExtents,
            values: try LayerBias.add(bias, to: y, perChannel: outputExtents.count))
    }

    /// The backward pass with numbers (``ConvMatrixNumeric/SymbolicBackward`` with values):
    ///
    ///     ∂E/∂x = Uᵀ·δ,   ∂E/∂k = M(x)ᵀ·δ,   ∂E/∂b_o = Σ_i δ[o, i]
    ///
    /// - Parameters:
    ///   - u: this convolution's ``unrolled(limits:)`` matrix.
    ///   - input: the input `x`, channel first, then row-major.
    ///   - kernel: the weights in PyTorch's order.
    ///   - delta: `∂E/∂y`, one value per output (channel first, row-major).
    public func gradients<Scalar: NumericScalar>(
        _ u: TapMatrix, input: [Scalar], kernel: [Scalar], delta: [Scalar]
    ) throws(NumericError) -> LayerGradients<Scalar> {
        let dx = try inputGradient(u, delta: delta, kernel: kernel)
        let dk = try weightGradient(weightMatrix(u), delta: delta, input: input)
        return LayerGradients(
            input: Tensor(unchecked: inChannels, extents: inputExtents, values: dx),
            kernel: dk,
            bias: try LayerBias.channelSums(delta, channels: outChannels))
    }
}

/// Adding a bias per channel and summing a gradient per channel.
enum LayerBias {
    /// `y` with `bias[o]` added to the `perChannel` entries of channel `o`.
    static func add<Scalar: NumericScalar>(_ bias: [Scalar]?, to y: [Scalar], perChannel: Int)
        throws(NumericError) -> [Scalar]
    {
        guard let bias else { return y }
        var result = y
        for index in result.indices {
            result[index] = try Scalar.sum(result[index], bias[index / perChannel])
        }
        return result
    }

    /// The sum of each channel's entries of `delta`.
    static func channelSums<Scalar: NumericScalar>(_ delta: [Scalar], channels: Int)
        throws(NumericError) -> [Scalar]
    {
        let perChannel = channels == 0 ? 0 : delta.count / channels
        var sums = [Scalar](repeating: .zero, count: channels)
        for index in delta.indices {
            sums[index / perChannel] = try Scalar.sum(sums[index / perChannel], delta[index])
        }
        return sums
    }
}
