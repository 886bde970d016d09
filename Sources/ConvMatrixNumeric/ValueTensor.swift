import ConvMatrixCore
import Symbolic

/// A computed tensor in PyTorch's layout: its shape and its entries, exact rationals when every
/// number that went in was exact and no 64-bit fraction overflowed, `Double` otherwise.
public struct ValueTensor: Hashable, Sendable {
    /// The entries, exact or floating point.
    public enum Entries: Hashable, Sendable {
        /// Exact rationals (`1/9` stays `1/9`).
        case exact([Rational])
        /// Floating point.
        case float([Double])
    }

    /// PyTorch's shape: `(C, n…)` for a tensor, `(M, C/g, k…)` for a weight, `(M,)` for a bias.
    public let shape: [Int]
    /// The entries, row-major.
    public let entries: Entries

    /// A tensor of `shape` holding `entries`.
    public init(shape: [Int], entries: Entries) {
        self.shape = shape
        self.entries = entries
    }

    /// The entries in floating point.
    public var doubles: [Double] {
        switch entries {
        case .exact(let values): values.map(\.doubleValue)
        case .float(let values): values
        }
    }

    /// The number of entries.
    public var count: Int {
        switch entries {
        case .exact(let values): values.count
        case .float(let values): values.count
        }
    }

    /// Whether the entries are exact.
    public var isExact: Bool {
        if case .exact = entries { return true }
        return false
    }
}

/// The numbers of a layer with values, ready to compute with: the inputs, weights, bias and
/// upstream gradient as given (``NumericValue``s), computed exactly when they all are exact.
public struct LayerValues: Sendable {
    /// The input `x` (channel first, row-major).
    public let input: [NumericValue]
    /// The weights in PyTorch's order.
    public let kernel: [NumericValue]
    /// One bias per output channel, or `nil` (no bias).
    public let bias: [NumericValue]?
    /// `δ = ∂E/∂y`, one per output, or `nil`.
    public let delta: [NumericValue]?

    /// The values of a layer.
    public init(
        input: [NumericValue], kernel: [NumericValue], bias: [NumericValue]? = nil,
        delta: [NumericValue]? = nil
    ) {
        self.input = input
        self.kernel = kernel
        self.bias = bias
        self.delta = delta
    }

    /// Runs `body` on exact rationals when every value is exact and nothing overflows, and on
    /// doubles otherwise.
    func compute(
        exact: (LayerScalars<Rational>) throws(NumericError) -> [ValueTensor.Entries],
        float: (LayerScalars<Double>) throws(NumericError) -> [ValueTensor.Entries]
    ) throws(NumericError) -> [ValueTensor.Entries] {
        if let scalars = LayerScalars<Rational>(self, convert: { $0.exact }) {
            do {
                return try exact(scalars)
            } catch {
                // A 64-bit fraction overflowed: the doubles answer.
            }
        }
        guard let doubles = LayerScalars<Double>(self, convert: { $0.double }) else {
            throw NumericError("a value has no floating-point form")
        }
        return try float(doubles)
    }
}

/// ``LayerValues`` converted to one scalar type.
struct LayerScalars<Scalar: NumericScalar> {
    let input: [Scalar]
    let kernel: [Scalar]
    let bias: [Scalar]?
    let delta: [Scalar]?

    init?(_ values: LayerValues, convert: (NumericValue) -> Scalar?) {
        func all(_ list: [NumericValue]) -> [Scalar]? {
            var result: [Scalar] = []
            result.reserveCapacity(list.count)
            for value in list {
                guard let scalar = convert(value) else { return nil }
                result.append(scalar)
            }
            return result
        }
        guard let input = all(values.input), let kernel = all(values.kernel) else { return nil }
        self.input = input
        self.kernel = kernel
        if let bias = values.bias {
            guard let converted = all(bias) else { return nil }
            self.bias = converted
        } else {
            self.bias = nil
        }
        if let delta = values.delta {
            guard let converted = all(delta) else { return nil }
            self.delta = converted
        } else {
            self.delta = nil
        }
    }
}

/// What `ConvMatrixCore/Convolution/evaluate(_:values:)` and `ConvMatrixCore/Convolution/backward(_:values:)` compute.
public enum LayerDirection: Sendable {
    /// The layer itself: `y = U·x + b`.
    case forward
    /// Through T = Uᵀ: the transposed convolution of an input on the output grid,
    /// `z = Uᵀ·x + b` — PyTorch's `conv_transpose` with this layer's weight.
    case transposed
}

extension Convolution {
    /// The output with numbers, `y = U·x + b` (or `Uᵀ·x + b` for ``ConvMatrixNumeric/LayerDirection/transposed``),
    /// shaped `(C_out, spatial…)`.
    ///
    /// - Parameters:
    ///   - u: this convolution's ``unrolled(limits:)`` matrix.
    ///   - values: the input, kernel and bias values.
    ///   - direction: the layer itself or its transpose.
    public func evaluate(_ u: TapMatrix, values: LayerValues, direction: LayerDirection = .forward)
        throws(NumericError) -> ValueTensor
    {
        let (channels, extents) =
            direction == .forward ? (outChannels, outputExtents) : (inChannels, inputExtents)
        let entries = try values.compute(
            exact: { (s: LayerScalars<Rational>) throws(NumericError) in
                [.exact(try self.output(u, s, direction: direction))]
            },
            float: { (s: LayerScalars<Double>) throws(NumericError) in
                [.float(try self.output(u, s, direction: direction))]
            })
        return ValueTensor(shape: [channels] + extents.sizes, entries: entries[0])
    }

    private func output<Scalar: NumericScalar>(
        _ u: TapMatrix, _ s: LayerScalars<Scalar>, direction: LayerDirection
    ) throws(NumericError) -> [Scalar] {
        switch direction {
        case .forward: return try forward(u, input: s.input, kernel: s.kernel, bias: s.bias).values
        case .transposed:
            let z = try u.transposedProduct(s.input, tapValues: s.kernel)
            return try LayerBias.add(s.bias, to: z, perChannel: inputExtents.count)
        }
    }

    /// The gradients with numbers: `∂E/∂x`, `∂E/∂w` (PyTorch's weight shape) and `∂E/∂b`,
    /// for the layer (``ConvMatrixNumeric/LayerDirection/forward``) or the transposed layer through Uᵀ.
    /// `values.delta` must be set.
    public func backward(
        _ u: TapMatrix, values: LayerValues, direction: LayerDirection = .forward
    ) throws(NumericError) -> (input: ValueTensor, kernel: ValueTensor, bias: ValueTensor) {
        let entries = try values.compute(
            exact: { (s: LayerScalars<Rational>) throws(NumericError) in
                let g = try self.gradients(u, s, direction: direction)
                return [.exact(g.0), .exact(g.1), .exact(g.2)]
            },
            float: { (s: LayerScalars<Double>) throws(NumericError) in
                let g = try self.gradients(u, s, direction: direction)
                return [.float(g.0), .float(g.1), .float(g.2)]
            })
        return gradientTensors(entries, direction: direction)
    }

    private func gradients<Scalar: NumericScalar>(
        _ u: TapMatrix, _ s: LayerScalars<Scalar>, direction: LayerDirection
    ) throws(NumericError) -> ([Scalar], [Scalar], [Scalar]) {
        guard let delta = s.delta else { throw NumericError("no output gradient") }
        switch direction {
        case .forward:
            let g = try gradients(u, input: s.input, kernel: s.kernel, delta: delta)
            return (g.input.values, g.kernel, g.bias)
        case .transposed:
            // z = Uᵀ·x: ∂E/∂x = U·δ; ∂E/∂k = M(δ)ᵀ·x with M the im2col pattern of U.
            let dx = try u.product(delta, tapValues: s.kernel)
            let dk = try weightGradient(weightMatrix(u), delta: s.input, input: delta)
            return (dx, dk, try LayerBias.channelSums(delta, channels: inChannels))
        }
    }
}

extension Convolution {
    /// The three gradients as tensors from their entries (`∂E/∂x`, `∂E/∂w`, `∂E/∂b`, in that
    /// order): the input side's shape `(C, n…)` (the output side's `(M, m…)` for the transposed
    /// layer), PyTorch's weight shape, and one bias per output channel of the direction.
    func gradientTensors(_ entries: [ValueTensor.Entries], direction: LayerDirection) -> (
        input: ValueTensor, kernel: ValueTensor, bias: ValueTensor
    ) {
        let inputShape =
            direction == .forward
            ? [inChannels] + inputExtents.sizes : [outChannels] + outputExtents.sizes
        let biasCount = direction == .forward ? outChannels : inChannels
        return (
            ValueTensor(shape: inputShape, entries: entries[0]),
            ValueTensor(shape: kernelLayout.shape, entries: entries[1]),
            ValueTensor(shape: [biasCount], entries: entries[2])
        )
    }
}
