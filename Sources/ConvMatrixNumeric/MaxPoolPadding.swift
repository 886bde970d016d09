import ConvMatrixCore

/// A max-pooling layer padded by more than half its (dilated) kernel on some side.
///
/// Padded positions never win a max-pooling window (they hold −∞), so a window made only of
/// padding would have no maximum. PyTorch rules such layers out before they can occur: on every
/// axis, `max(p_before, p_after) ≤ ⌊span / 2⌋` with `span = d·(k − 1) + 1`. Source: PyTorch,
/// `torch.nn.MaxPool2d` ("pad should be at most half of effective kernel size").
public struct MaxPoolPaddingError: Error, Hashable, Sendable {
    /// The axis whose padding breaks the rule (0 is the first spatial axis).
    public let axis: Int
    /// The larger of the axis's two paddings.
    public let padding: Int
    /// The span of the dilated kernel on that axis, `d·(k − 1) + 1`.
    public let kernelSpan: Int

    /// The rule and the numbers, in words (no option names: the command line adds those).
    public var message: String {
        "max pooling pads at most half the kernel on each side (PyTorch's rule), got \(padding) for a kernel spanning \(kernelSpan)"
    }
}

extension MaxPoolSelection {
    /// Checks PyTorch's padding rule for max pooling on every axis of `pooling` (the pooling
    /// geometry: each channel pooled alone): no side is padded by more than half the dilated
    /// kernel, `max(p_before, p_after) ≤ ⌊(d·(k − 1) + 1) / 2⌋`, so that no window is only
    /// padding. Throws for the first axis that breaks it.
    public static func checkPadding(_ pooling: Convolution) throws(MaxPoolPaddingError) {
        for (index, axis) in pooling.axes.enumerated() {
            let span = axis.dilation * (axis.kernelSize - 1) + 1
            let pad = max(axis.padding.before, axis.padding.after)
            if pad > span / 2 {
                throw MaxPoolPaddingError(axis: index, padding: pad, kernelSpan: span)
            }
        }
    }
}
