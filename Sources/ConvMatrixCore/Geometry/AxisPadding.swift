/// The padding of one spatial axis: how many positions are added before the first input element
/// and after the last one.
///
/// PyTorch's `padding=p` is `AxisPadding(before: p, after: p)`; asymmetric padding
/// (`before ≠ after`) is what `torch.nn.functional.pad` applies before a convolution and what the
/// `same` rule produces when the total is odd.
public struct AxisPadding: Hashable, Sendable, CustomStringConvertible {
    /// Positions added before index 0.
    public var before: Int
    /// Positions added after the last index.
    public var after: Int

    /// Creates a padding of `before` positions at the start and `after` at the end.
    public init(before: Int, after: Int) {
        self.before = before
        self.after = after
    }

    /// Symmetric padding: `amount` on both sides.
    public init(_ amount: Int) { self.init(before: amount, after: amount) }

    /// `before + after`.
    public var total: Int { before + after }

    /// Whether both sides are equal.
    public var isSymmetric: Bool { before == after }

    /// `p` when symmetric, `before:after` otherwise (the command-line spelling).
    public var description: String { isSymmetric ? "\(before)" : "\(before):\(after)" }
}
