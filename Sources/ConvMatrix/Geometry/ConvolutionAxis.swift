/// One spatial axis of a validated convolution: its sizes and the resolved padding.
///
/// Along this axis, output position `i` reads the padded input at `i·s + a·d − p_before` for the
/// kernel taps `a = 0…k−1`.
public struct ConvolutionAxis: Hashable, Sendable {
    /// Input positions `n`.
    public let inputSize: Int
    /// Kernel taps `k`.
    public let kernelSize: Int
    /// Stride `s ≥ 1`.
    public let stride: Int
    /// Dilation `d ≥ 1`.
    public let dilation: Int
    /// Padding on each side, resolved from words such as `same`.
    public let padding: AxisPadding
    /// Output positions `m = ⌊(n + p_before + p_after − d·(k − 1) − 1) / s⌋ + 1 ≥ 1`.
    public let outputSize: Int

    /// The span `d·(k − 1) + 1` of the dilated kernel.
    public var dilatedKernelSize: Int {
        OutputSize.dilatedKernel(kernel: kernelSize, dilation: dilation)
    }

    /// `n + p_before + p_after`.
    public var paddedInputSize: Int { inputSize + padding.total }

    /// The input positions (`0 ≤ q < n`) that no tap of any window meets, in increasing order.
    ///
    /// They exist when the stride skips past the end of the last window (seed 000: kernel 2,
    /// stride 3 on 4 positions never reads positions 2 and 3) or when dilation leaves gaps.
    /// Padding modes other than zeros are ignored here: the question is which positions the
    /// windows *cover*.
    public var unreachedInputs: [Int] {
        var reached = [Bool](repeating: false, count: inputSize)
        for i in 0..<outputSize {
            for a in 0..<kernelSize {
                let q = i * stride + a * dilation - padding.before
                if q >= 0 && q < inputSize { reached[q] = true }
            }
        }
        return reached.indices.filter { !reached[$0] }
    }
}
