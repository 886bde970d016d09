/// The output-size arithmetic of convolutions and transposed convolutions, one axis at a time.
///
/// Conventions follow PyTorch's `Conv*d` and `ConvTranspose*d` documentation (the same formulas
/// as Dumoulin & Visin, "A guide to convolution arithmetic for deep learning", 2016, with
/// dilation and asymmetric padding written out).
public enum OutputSize {
    /// The extent `d·(k − 1) + 1` that a kernel of `kernel` taps spans at dilation `dilation`.
    public static func dilatedKernel(kernel k: Int, dilation d: Int) -> Int {
        d * (k - 1) + 1
    }

    /// The number of output positions of a convolution along one axis:
    ///
    ///     m = ⌊(n + p_before + p_after − d·(k − 1) − 1) / s⌋ + 1
    ///
    /// `n` input positions, kernel `k`, stride `s`, dilation `d`. The result is ≥ 1 exactly when
    /// the dilated kernel fits in the padded input, `d·(k − 1) + 1 ≤ n + p_before + p_after`;
    /// otherwise it is ≤ 0 and the convolution does not exist.
    public static func convolution(
        input n: Int, kernel k: Int, stride s: Int, padding p: AxisPadding, dilation d: Int
    ) -> Int {
        let span = n + p.before + p.after - dilatedKernel(kernel: k, dilation: d)
        // Floor division: a negative span means the kernel does not fit.
        return span >= 0 ? span / s + 1 : -((-span + s - 1) / s) + 1
    }

    /// The number of output positions of a transposed convolution along one axis:
    ///
    ///     n = (m − 1)·s − p_before − p_after + d·(k − 1) + a + 1
    ///
    /// `m` input positions, output padding `a` (PyTorch's `output_padding`, added at the end).
    /// It is the largest input size whose forward convolution with the same parameters has `m`
    /// outputs when `a < s`; `a` chooses among the `s` input sizes that map to the same `m`.
    public static func transposed(
        input m: Int, kernel k: Int, stride s: Int, padding p: AxisPadding, dilation d: Int,
        outputPadding a: Int
    ) -> Int {
        (m - 1) * s - p.before - p.after + d * (k - 1) + a + 1
    }

    /// The padding of the `same` rule along one axis: total
    /// `t = max((⌈n/s⌉ − 1)·s + d·(k − 1) + 1 − n, 0)`, `before = ⌊t/2⌋`, `after = t − before`
    /// (the odd position at the end, as in PyTorch and TensorFlow). The output then has `⌈n/s⌉`
    /// positions.
    public static func samePadding(input n: Int, kernel k: Int, stride s: Int, dilation d: Int)
        -> AxisPadding
    {
        let outputs = (n + s - 1) / s
        let total = max((outputs - 1) * s + dilatedKernel(kernel: k, dilation: d) - n, 0)
        return AxisPadding(before: total / 2, after: total - total / 2)
    }

    /// The padding of the `full` rule along one axis: `d·(k − 1)` on both sides.
    public static func fullPadding(kernel k: Int, dilation d: Int) -> AxisPadding {
        AxisPadding(d * (k - 1))
    }
}
