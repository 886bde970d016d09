import ConvMatrixCore

/// A dense tensor of one sample in PyTorch's layout `(channels, spatial…)`, flattened row-major.
///
/// The batch axis of PyTorch's `(N, C, spatial…)` is left out on purpose: U maps one sample to
/// one sample (`y = U·x` with `x` of length `C·Π n`), and a batch is just several tensors. The
/// flat order is the order of U's columns (inputs) and rows (outputs): entry `(c, i₀, i₁, …)` is
/// at `c·Π n + flat(i)`, the last axis varying fastest — PyTorch's `x[0].flatten()`.
public struct Tensor<Scalar: NumericScalar>: Hashable, Sendable {
    /// The number of channels `C`.
    public let channels: Int
    /// The spatial extents `(n₀, n₁, …)`.
    public let extents: Extents
    /// The entries in row-major order: `channels · extents.count` of them.
    public let values: [Scalar]

    /// A tensor with the given entries; `nil` unless `values.count == channels · Π extents`.
    public init?(channels: Int, extents: Extents, values: [Scalar]) {
        guard channels >= 0,
            let count = CheckedArithmetic.multiply(channels, extents.count),
            values.count == count
        else { return nil }
        self.channels = channels
        self.extents = extents
        self.values = values
    }

    /// The zero tensor of `channels × extents`.
    public init(zeros channels: Int, extents: Extents) {
        self.channels = channels
        self.extents = extents
        self.values = Array(repeating: .zero, count: channels * extents.count)
    }

    /// Stores parts the caller guarantees are consistent.
    init(unchecked channels: Int, extents: Extents, values: [Scalar]) {
        self.channels = channels
        self.extents = extents
        self.values = values
    }

    /// The shape `[C, n₀, n₁, …]`.
    public var shape: [Int] { [channels] + extents.sizes }

    /// The entry at channel `c`, spatial multi-index `index`.
    public subscript(channel c: Int, index: [Int]) -> Scalar {
        values[c * extents.count + extents.flatIndex(index)]
    }

    /// The same values in `Double` (``NumericScalar/doubleValue`` of each).
    public var doubleTensor: Tensor<Double> {
        Tensor<Double>(unchecked: channels, extents: extents, values: values.map(\.doubleValue))
    }
}
