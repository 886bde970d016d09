/// How the padding of a convolution is asked for: explicit amounts, or one of the words that
/// frameworks define.
///
/// The words resolve to explicit ``AxisPadding`` per axis when the spec is validated
/// (``ConvolutionSpec/validated()``):
/// - `valid`: no padding.
/// - `same`: total `t = max((⌈n/s⌉ − 1)·s + d·(k − 1) + 1 − n, 0)`, split as
///   `before = ⌊t/2⌋`, `after = t − before` (the odd position goes at the end), so that the output
///   has `⌈n/s⌉` positions. With stride 1 this is PyTorch's `padding='same'` (`t = d·(k − 1)`);
///   with a larger stride it is TensorFlow's `SAME`, which PyTorch refuses — see ``SameRule``.
/// - `full`: `d·(k − 1)` on both sides, so that every partial overlap of the kernel with the input
///   produces an output (the "full convolution" of signal processing).
public enum PaddingSpec: Hashable, Sendable, CustomStringConvertible {
    /// Explicit amounts: one entry for every axis, or a single entry used for all axes.
    case explicit([AxisPadding])
    /// No padding.
    case valid
    /// Output size `⌈n/s⌉` per axis.
    case same
    /// `d·(k − 1)` on both sides of every axis.
    case full

    /// No padding at all.
    public static let zero = PaddingSpec.explicit([AxisPadding(0)])

    /// The command-line spelling: `valid`, `same`, `full`, or axes joined by `x`.
    public var description: String {
        switch self {
        case .valid: "valid"
        case .same: "same"
        case .full: "full"
        case .explicit(let axes): axes.map { $0.description }.joined(separator: "x")
        }
    }
}

/// Which framework's rule `same` padding follows when the stride is larger than 1.
///
/// PyTorch accepts `padding='same'` only with stride 1 ("padding='same' is not supported for
/// strided convolutions"); TensorFlow's `SAME` allows any stride and pads so that the output has
/// `⌈n/s⌉` positions. ConvMatrix follows PyTorch by default, because its weight layout, tensor
/// layout and transposed-convolution semantics are PyTorch's, and refuses a strided `same` with a
/// message pointing at this choice; `.tensorflow` opts into TensorFlow's rule. Both rules agree
/// whenever the stride is 1.
public enum SameRule: String, Hashable, Sendable, CaseIterable {
    /// Stride must be 1 (PyTorch).
    case pytorch
    /// Any stride; output size `⌈n/s⌉` (TensorFlow).
    case tensorflow
}
