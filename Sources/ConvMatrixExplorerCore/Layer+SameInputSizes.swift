import ConvMatrixCore

extension Layer {
    /// Per axis, for a transposed layer, the output sizes whose forward convolution gives back
    /// this layer's input size, each with the output padding that selects it (an empty list per
    /// axis for a convolution): `n = (m − 1)·s − p_b − p_a + d·(k − 1) + a + 1` for every allowed
    /// `a` (`a < s` or `a < d`) with `⌊(n + p_b + p_a − d·(k − 1) − 1)/s⌋ + 1 = m`.
    ///
    /// Several output sizes give back the same input when the stride exceeds 1: the forward
    /// convolution's floor division forgets up to `s − 1` positions, and the output padding `a`
    /// chooses among them (PyTorch's `output_padding`).
    public var sameInputSizes: [[SameInputSize]] {
        guard isTransposed else { return axes.map { _ in [] } }
        return axes.map { axis in
            var sizes: [SameInputSize] = []
            for a in 0..<max(axis.stride, axis.dilation) {
                let n = OutputSize.transposed(
                    input: axis.inputSize, kernel: axis.kernelSize, stride: axis.stride,
                    padding: axis.padding, dilation: axis.dilation, outputPadding: a)
                guard n >= 1 else { continue }
                let back = OutputSize.convolution(
                    input: n, kernel: axis.kernelSize, stride: axis.stride,
                    padding: axis.padding, dilation: axis.dilation)
                if back == axis.inputSize {
                    sizes.append(SameInputSize(outputSize: n, outputPadding: a))
                }
            }
            return sizes
        }
    }
}
