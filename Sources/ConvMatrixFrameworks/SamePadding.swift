import ConvMatrixCore

/// The `SAME` rule that TensorFlow, Keras, JAX and ONNX share for a convolution:
///
///     o = ⌈i/s⌉,  need = max((o − 1)·s + k_e − i, 0)
///
/// split `⌊need/2⌋` before and the rest after (`SAME`, `SAME_UPPER`: the odd position at the
/// end), or the rest before (`SAME_LOWER`). Source: TensorFlow's
/// `tensorflow/core/framework/kernel_shape_util.cc` (`GetWindowedOutputSizeVerbose`), JAX's
/// `lax.padtype_to_pads`, the ONNX `Conv` operator's `auto_pad`.
enum SamePadding {
    /// The padding of one axis; `lower` puts the odd position first.
    static func forward(input i: Int, kernel k: Int, stride s: Int, dilation d: Int, lower: Bool)
        -> AxisPadding
    {
        let outputs = (i + s - 1) / s
        let need = max((outputs - 1) * s + d * (k - 1) + 1 - i, 0)
        return lower
            ? AxisPadding(before: need - need / 2, after: need / 2)
            : AxisPadding(before: need / 2, after: need - need / 2)
    }

    /// `⌊(i + before + after − k_e)/s⌋ + 1`, or 0 when the kernel does not fit.
    static func outputs(
        input i: Int, padding p: AxisPadding, kernel k: Int, stride s: Int, dilation d: Int
    )
        -> Int
    {
        let span = i + p.total - (d * (k - 1) + 1)
        return span >= 0 ? span / s + 1 : 0
    }
}
