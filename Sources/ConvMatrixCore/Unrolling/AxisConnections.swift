/// For one spatial axis, the input position each kernel tap meets at each output position.
///
/// Output position `i` has the `(tap, input)` pairs `start[i] ..< start[i + 1]` of ``taps`` and
/// ``inputs``: tap `a` meets padded position `q = i·s + a·d − p_before`, which reads input
/// `sourceIndex(q)` under the padding mode (no pair under zero padding when `q` is outside the
/// input). With the kernel flipped, the tap recorded is `k − 1 − a`. Both values are
/// pre-multiplied by the axis's row-major stride so that flat offsets of an N-D position are
/// plain sums.
///
/// The pairs of all positions share three flat arrays (compressed rows, like ``TapMatrix``), so
/// an axis costs a few bytes per `(i, a)` whatever the number of outputs — not a heap-allocated
/// list per position.
struct AxisConnections {
    /// `start[i] ..< start[i + 1]` indexes the pairs of output position `i`; `outputSize + 1`
    /// values.
    let start: [Int]
    /// The tap offset of each pair, in increasing `a` within a position.
    let taps: [Int32]
    /// The input offset of each pair.
    let inputs: [Int32]

    /// The `(tap offset, input offset)` pairs of output position `i`, in increasing `a`.
    func links(at i: Int) -> [(tap: Int, input: Int)] {
        (start[i]..<start[i + 1]).map { (Int(taps[$0]), Int(inputs[$0])) }
    }

    /// Total number of pairs over all output positions.
    var totalLinks: Int { taps.count }

    /// The most pairs any one output position has.
    var maxLinks: Int {
        var most = 0
        for i in 0..<(start.count - 1) { most = max(most, start[i + 1] - start[i]) }
        return most
    }

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

    /// Builds the pairs of `axis`. Offsets fit `Int32`: the caller has checked that the flat
    /// input and kernel sizes do (``TapMatrix/checkIndexRange(rows:columns:taps:what:)``).
    init(
        axis: ConvolutionAxis, mode: PaddingMode, orientation: KernelOrientation,
        inputStride: Int, kernelStride: Int
    ) {
        var start = [0]
        var taps: [Int32] = []
        var inputs: [Int32] = []
        start.reserveCapacity(axis.outputSize + 1)
        taps.reserveCapacity(axis.outputSize * axis.kernelSize)
        inputs.reserveCapacity(axis.outputSize * axis.kernelSize)
        for i in 0..<axis.outputSize {
            for a in 0..<axis.kernelSize {
                let q = i * axis.stride + a * axis.dilation - axis.padding.before
                guard let source = mode.sourceIndex(of: q, extent: axis.inputSize) else {
                    continue
                }
                let tap = orientation == .convolution ? axis.kernelSize - 1 - a : a
                taps.append(Int32(truncatingIfNeeded: tap * kernelStride))
                inputs.append(Int32(truncatingIfNeeded: source * inputStride))
            }
            start.append(taps.count)
        }
        self.start = start
        self.taps = taps
        self.inputs = inputs
    }
}
