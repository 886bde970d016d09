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

    /// How many `(j, a)` pairs, `0 ≤ j < count`, `0 ≤ a < kernel`, land inside `0…extent−1` at
    /// `j·stride + a·dilation − offset` — computed from the arithmetic, without enumerating, so
    /// that memory can be budgeted before anything is built. It is ``totalLinks`` of a
    /// zero-padded axis (`count` outputs reading `extent` inputs), and the number of scatter
    /// targets of a transposed axis (`count` inputs writing `extent` outputs).
    ///
    /// For tap `a`, the positions `j` that land inside form the range
    /// `⌈(offset − a·d)/s⌉ … ⌊(extent − 1 + offset − a·d)/s⌋`, clipped to `0…count−1`.
    /// Every value is below `2³¹` after validation, so no product here overflows.
    static func landingCount(
        count: Int, kernel: Int, stride: Int, dilation: Int, offset: Int, extent: Int
    )
        -> Int
    {
        var total = 0
        for a in 0..<kernel {
            let shift = offset - a * dilation
            let low = max(0, ceilDivide(shift, stride))
            let high = min(count - 1, floorDivide(extent - 1 + shift, stride))
            if high >= low { total += high - low + 1 }
        }
        return total
    }

    /// ``totalLinks`` of `axis` under `mode`, without building the links: every tap reads
    /// something except in zero padding.
    static func linkCount(axis: ConvolutionAxis, mode: PaddingMode) -> Int {
        guard mode == .zeros else { return axis.outputSize * axis.kernelSize }
        return landingCount(
            count: axis.outputSize, kernel: axis.kernelSize, stride: axis.stride,
            dilation: axis.dilation, offset: axis.padding.before, extent: axis.inputSize)
    }

    /// `⌊a/b⌋` for `b > 0`.
    static func floorDivide(_ a: Int, _ b: Int) -> Int { a >= 0 ? a / b : -((-a + b - 1) / b) }

    /// `⌈a/b⌉` for `b > 0`.
    static func ceilDivide(_ a: Int, _ b: Int) -> Int { -floorDivide(-a, b) }

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
