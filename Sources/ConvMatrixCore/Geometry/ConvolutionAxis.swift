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

    /// The input positions (`0 ≤ q < n`) that no tap of any window meets, as increasing runs.
    ///
    /// They exist when the stride skips past the end of the last window (for example kernel 2,
    /// stride 3 on 4 positions never reads positions 2 and 3) or when the stride or the dilation
    /// leaves gaps. Padding modes other than zeros are ignored: the question is which positions
    /// the windows *cover*.
    ///
    /// Tap `a` reaches `q = i·s + a·d − p_before` for the outputs `i` in a range found by
    /// arithmetic. Without dilation and with a stride no larger than the kernel, consecutive
    /// windows touch or overlap, so everything between the first and the last reached position
    /// is reached: two bounds, whatever the size. Otherwise positions are marked, `k·(n/s + 1)`
    /// marks (never `m·k`) on an axis of `n` flags; past 20 million marks or positions only the
    /// runs before the first and after the last reached position are found (the first window's
    /// first tap inside and the last window's last tap inside bound everything reached), and
    /// ``unreachedInputsAreComplete`` is false.
    public var unreachedInputRanges: [ClosedRange<Int>] {
        let n = inputSize
        guard !windowsAreContiguous && isMarkable else {
            var runs: [ClosedRange<Int>] = []
            let first = reachedBound(first: true)
            let last = reachedBound(first: false)
            guard let first, let last else { return [0...(n - 1)] }
            if first > 0 { runs.append(0...(first - 1)) }
            if last < n - 1 { runs.append((last + 1)...(n - 1)) }
            return runs
        }
        var reached = [Bool](repeating: false, count: n)
        for a in 0..<kernelSize {
            let shift = padding.before - a * dilation
            let low = max(0, AxisConnections.ceilDivide(shift, stride))
            let high = min(outputSize - 1, AxisConnections.floorDivide(n - 1 + shift, stride))
            if high < low { continue }
            for i in low...high { reached[i * stride - shift] = true }
        }
        var runs: [ClosedRange<Int>] = []
        var start: Int?
        for q in 0...n {
            if q < n && !reached[q] {
                if start == nil { start = q }
            } else if let begin = start {
                runs.append(begin...(q - 1))
                start = nil
            }
        }
        return runs
    }

    /// Whether ``unreachedInputRanges`` lists every unreached position (false only for axes too
    /// large to mark position by position, where interior gaps are not searched).
    public var unreachedInputsAreComplete: Bool { windowsAreContiguous || isMarkable }

    /// Whether consecutive windows leave no gap between them: no dilation and `s ≤ k`.
    private var windowsAreContiguous: Bool { dilation == 1 && stride <= kernelSize }

    /// Whether marking position by position stays within 20 million marks and positions.
    private var isMarkable: Bool {
        let marks = CheckedArithmetic.multiply(kernelSize, inputSize / stride + 1) ?? Int.max
        return marks <= 20_000_000 && inputSize <= 20_000_000
    }

    /// The first (or last) input position any window reaches, or nil when none does.
    ///
    /// For each tap `a`, the windows `i` that put it inside the input form the range
    /// `⌈(p − a·d)/s⌉ … ⌊(n − 1 + p − a·d)/s⌋` clipped to `0…m−1`; the smallest (largest)
    /// position over the taps is the bound. (Taking only the first window's first tap inside
    /// misses the case where the first window lies wholly in the padding, e.g. kernel 1 with
    /// padding 1, which made every position look unreached.) `O(1)` when the windows are
    /// contiguous, `O(k)` up to a million taps.
    private func reachedBound(first: Bool) -> Int? {
        if windowsAreContiguous {
            // The windows' union is one interval, [−p, (m − 1)·s − p + k − 1].
            let low = max(0, -padding.before)
            let high = min(
                inputSize - 1, (outputSize - 1) * stride - padding.before + kernelSize - 1)
            guard low <= high else { return nil }
            return first ? low : high
        }
        guard kernelSize <= 1_000_000 else {
            // Too many taps to visit: the first window's first tap inside (or the last
            // window's last), which is the bound unless that window lies wholly in the padding.
            let window = first ? -padding.before : (outputSize - 1) * stride - padding.before
            let low = max(0, AxisConnections.ceilDivide(-window, dilation))
            let high = min(
                kernelSize - 1, AxisConnections.floorDivide(inputSize - 1 - window, dilation))
            guard low <= high else { return nil }
            return window + (first ? low : high) * dilation
        }
        var best: Int?
        for a in 0..<kernelSize {
            let shift = padding.before - a * dilation
            let low = max(0, AxisConnections.ceilDivide(shift, stride))
            let high = min(
                outputSize - 1, AxisConnections.floorDivide(inputSize - 1 + shift, stride))
            guard low <= high else { continue }
            let position = (first ? low : high) * stride - shift
            if let current = best {
                best = first ? min(current, position) : max(current, position)
            } else {
                best = position
            }
        }
        return best
    }
}
