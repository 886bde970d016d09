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
    /// The pairs are the lattice points with `offset ≤ j·s + a·d ≤ extent − 1 + offset`, so the
    /// count is `F(extent − 1 + offset) − F(offset − 1)` with `F` from
    /// ``pairsAtMost(_:count:kernel:stride:dilation:)``: a few divisions and a floor sum, whatever
    /// the sizes (a kernel of 2³¹ − 1 taps costs no more than one of 3). `Int.max` when the
    /// count does not fit in `Int` (then no budget admits it).
    static func landingCount(
        count: Int, kernel: Int, stride: Int, dilation: Int, offset: Int, extent: Int
    )
        -> Int
    {
        guard
            let high = pairsAtMost(
                extent - 1 + offset, count: count, kernel: kernel, stride: stride,
                dilation: dilation),
            let low = pairsAtMost(
                offset - 1, count: count, kernel: kernel, stride: stride, dilation: dilation)
        else { return Int.max }
        return high - low
    }

    /// `F(T)`: the pairs `0 ≤ j < count`, `0 ≤ a < kernel` with `j·s + a·d ≤ T`, or nil when the
    /// count overflows `Int`.
    ///
    /// Tap `a` has `v(a) = ⌊(T − a·d)/s⌋ + 1` such positions `j` when `T − a·d ≥ 0`, capped at
    /// `count`. `v` falls as `a` grows, so the taps split into three runs: capped
    /// (`a ≤ ⌊(T − (count − 1)·s)/d⌋`), counted (up to `a ≤ ⌊T/d⌋`), and none; the middle run's
    /// sum of floors is ``floorSum(_:modulus:slope:intercept:)`` with `i = a_high − a`.
    static func pairsAtMost(_ t: Int, count: Int, kernel: Int, stride s: Int, dilation d: Int)
        -> Int?
    {
        guard t >= 0, count > 0, kernel > 0 else { return 0 }
        let lastCounted = min(kernel - 1, t / d)
        guard let reach = CheckedArithmetic.multiply(count - 1, s) else { return nil }
        let lastCapped = min(lastCounted, floorDivide(t - reach, d))
        var total = 0
        if lastCapped >= 0 {
            guard let capped = CheckedArithmetic.multiply(lastCapped + 1, count) else {
                return nil
            }
            total = capped
        }
        let first = max(lastCapped + 1, 0)
        guard first <= lastCounted else { return total }
        let n = lastCounted - first + 1
        guard let dHigh = CheckedArithmetic.multiply(lastCounted, d),
            let floors = floorSum(n, modulus: s, slope: d, intercept: t - dHigh),
            let middle = CheckedArithmetic.add(floors, n)
        else { return nil }
        return CheckedArithmetic.add(total, middle)
    }

    /// `Σ_{i=0}^{n−1} ⌊(slope·i + intercept)/modulus⌋` for `n ≥ 0`, `modulus ≥ 1`,
    /// `slope ≥ 0`, `intercept ≥ 0`, in `O(log)` steps (the Euclidean-like reduction of the
    /// AtCoder Library's `floor_sum`), or nil on overflow.
    static func floorSum(_ n: Int, modulus: Int, slope: Int, intercept: Int) -> Int? {
        var (n, m, a, b) = (n, modulus, slope, intercept)
        var total = 0
        while n > 0 {
            if a >= m {
                // Σ (a/m)·i = (a/m)·n(n − 1)/2.
                let pairs = n % 2 == 0 ? (n / 2, n - 1) : (n, (n - 1) / 2)
                guard let triangle = CheckedArithmetic.multiply(pairs.0, pairs.1),
                    let part = CheckedArithmetic.multiply(triangle, a / m),
                    let sum = CheckedArithmetic.add(total, part)
                else { return nil }
                total = sum
                a %= m
            }
            if b >= m {
                guard let part = CheckedArithmetic.multiply(n, b / m),
                    let sum = CheckedArithmetic.add(total, part)
                else { return nil }
                total = sum
                b %= m
            }
            guard let product = CheckedArithmetic.multiply(a, n),
                let yMax = CheckedArithmetic.add(product, b)
            else { return nil }
            if yMax < m { break }
            (n, b, m, a) = (yMax / m, yMax % m, a, m)
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

    /// Tabulates the pairs `rule` gives at every output position of its axis. Offsets fit
    /// `Int32`: the caller has checked that the flat input and kernel sizes do
    /// (``TapMatrix/checkIndexRange(rows:columns:taps:what:)``).
    init(_ rule: AxisPairRule) {
        let axis = rule.axis
        var start = [0]
        var taps: [Int32] = []
        var inputs: [Int32] = []
        start.reserveCapacity(axis.outputSize + 1)
        taps.reserveCapacity(axis.outputSize * axis.kernelSize)
        inputs.reserveCapacity(axis.outputSize * axis.kernelSize)
        for i in 0..<axis.outputSize {
            rule.forEachPair(at: i) { tap, input in
                taps.append(tap)
                inputs.append(input)
            }
            start.append(taps.count)
        }
        self.start = start
        self.taps = taps
        self.inputs = inputs
    }
}

/// The `(tap, input)` pairs of one axis, computed for one output position at a time: the rule
/// ``AxisConnections`` tabulates, for the axis that is walked fastest, where a table would be as
/// long as the axis (a long 1-D signal would need one about the size of U).
struct AxisPairRule {
    let axis: ConvolutionAxis
    let mode: PaddingMode
    let orientation: KernelOrientation
    let inputStride: Int
    let kernelStride: Int

    /// Calls `body(tap offset, input offset)` for the pairs of output position `i`, in
    /// increasing `a`: tap `a` meets padded position `q = i·s + a·d − p_before`, which reads
    /// `sourceIndex(q)` under the padding mode (nothing under zero padding outside the input).
    @inline(__always)
    func forEachPair(at i: Int, _ body: (Int32, Int32) -> Void) {
        let base = i * axis.stride - axis.padding.before
        for a in 0..<axis.kernelSize {
            let q = base + a * axis.dilation
            guard let source = mode.sourceIndex(of: q, extent: axis.inputSize) else { continue }
            let tap = orientation == .convolution ? axis.kernelSize - 1 - a : a
            body(
                Int32(truncatingIfNeeded: tap * kernelStride),
                Int32(truncatingIfNeeded: source * inputStride))
        }
    }

    /// The number of pairs of output position `i`.
    func count(at i: Int) -> Int {
        var count = 0
        forEachPair(at: i) { _, _ in count += 1 }
        return count
    }
}
