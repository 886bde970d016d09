/// For one spatial axis, the input position each kernel tap meets at each output position.
///
/// `links[i]` lists `(tap, input)` pairs for output position `i`: tap `a` meets padded position
/// `q = i·s + a·d − p_before`, which reads input `sourceIndex(q)` under the padding mode (no
/// pair under zero padding when `q` is outside the input). With the kernel flipped, the tap
/// recorded is `k − 1 − a`. Both values are pre-multiplied by the axis's row-major stride so
/// that flat offsets of an N-D position are plain sums.
struct AxisConnections {
    /// Per output position: `(tap offset, input offset)` pairs in increasing `a`.
    let links: [[(tap: Int, input: Int)]]

    /// Total number of pairs over all output positions.
    var totalLinks: Int { links.reduce(0) { $0 + $1.count } }

    init(
        axis: ConvolutionAxis, mode: PaddingMode, orientation: KernelOrientation,
        inputStride: Int, kernelStride: Int
    ) {
        links = (0..<axis.outputSize).map { i in
            (0..<axis.kernelSize).compactMap { a in
                let q = i * axis.stride + a * axis.dilation - axis.padding.before
                guard let source = mode.sourceIndex(of: q, extent: axis.inputSize) else {
                    return nil
                }
                let tap = orientation == .convolution ? axis.kernelSize - 1 - a : a
                return (tap * kernelStride, source * inputStride)
            }
        }
    }
}
