/// Walks the spatial output positions of a layer in row-major order and forms, for each position
/// `i = (i₀, …, i_{N−1})`, its `(tap, input)` pairs: the Cartesian product of the pairs of `i_t`
/// on every axis `t`, offsets added.
///
/// Adding offsets is right because U's flat indices are row-major: the flat tap of `(a₀, …)` is
/// `Σ_t a_t·stride_t` and likewise for inputs, and each axis's pairs are already multiplied by
/// their axis's stride (``AxisConnections``). The product lists the outermost axis slowest, so
/// under zero padding, where input offsets grow with `a_t` on every axis, the pairs come out
/// sorted by input.
///
/// The tables of all axes but the last are concatenated into three arrays, and the walk reads
/// them through pointers with one scratch buffer for the whole walk: this runs once per row of
/// U (4 million times for a 2048×2048 image), where retaining an array per access cost more
/// than the entries. The last axis, walked fastest, has no table: its pairs are computed at each
/// position (``AxisPairRule``), so that a long 1-D signal does not need a table the size of U.
struct SpatialOdometer {
    /// Output positions of each axis.
    let sizes: [Int]
    /// The pairs of the last axis.
    let last: AxisPairRule
    /// Where axis `t`'s row starts begin in ``starts``.
    let startBase: [Int]
    /// Every axis's `start` array, one after the other, each shifted to index the concatenated
    /// ``taps`` and ``inputs``.
    let starts: [Int]
    /// Every axis's tap offsets, one axis after the other.
    let taps: [Int32]
    /// Every axis's input offsets, one axis after the other.
    let inputs: [Int32]
    /// The size of a scratch that holds any position's pairs (and the partial products on the
    /// way): `Π_t max(1, max_i |links_t(i)|)`.
    let capacity: Int

    /// An odometer over the axes of `leading` (tabulated), then the axis of `last`.
    init(_ leading: [AxisConnections], last: AxisPairRule) {
        var startBase: [Int] = []
        var starts: [Int] = []
        var taps: [Int32] = []
        var inputs: [Int32] = []
        var capacity = max(1, last.axis.kernelSize)
        for axis in leading {
            startBase.append(starts.count)
            let shift = taps.count
            starts.append(contentsOf: axis.start.map { $0 + shift })
            taps.append(contentsOf: axis.taps)
            inputs.append(contentsOf: axis.inputs)
            capacity *= max(1, axis.maxLinks)
        }
        sizes = leading.map { $0.start.count - 1 } + [last.axis.outputSize]
        self.last = last
        self.startBase = startBase
        self.starts = starts
        self.taps = taps
        self.inputs = inputs
        self.capacity = capacity
    }

    /// Calls `body(flat, count)` for every position in row-major order, with `count` its number
    /// of pairs `Π_t |links_t(i_t)|`.
    func forEachPairCount(_ body: (_ flat: Int, _ count: Int) -> Void) {
        var index = [Int](repeating: 0, count: sizes.count)
        let positions = sizes.reduce(1, *)
        starts.withUnsafeBufferPointer { starts in
            let lastAxis = index.count - 1
            for flat in 0..<positions {
                var count = last.count(at: index[lastAxis])
                for t in 0..<lastAxis {
                    let s = startBase[t] + index[t]
                    count *= starts[s + 1] - starts[s]
                }
                body(flat, count)
                advance(&index)
            }
        }
    }

    /// Calls `body(flat, taps, inputs)` for every position in row-major order with its pairs
    /// (the two buffers have the same length); sorted by `(input, tap)` when `sorted`.
    ///
    /// The product is formed in place, one axis at a time: with `count` pairs so far and `m`
    /// pairs on the next axis, pair `b` becomes pairs `b·m … b·m + m − 1`. Going from the last
    /// `b` down, every destination is at or after `b`, so no pair is overwritten before it
    /// is read.
    func forEachPosition(
        sorted: Bool,
        _ body: (
            _ flat: Int, _ taps: UnsafeBufferPointer<Int32>, _ inputs: UnsafeBufferPointer<Int32>
        )
            -> Void
    ) {
        var index = [Int](repeating: 0, count: sizes.count)
        let positions = sizes.reduce(1, *)
        let scratchTaps = UnsafeMutablePointer<Int32>.allocate(capacity: capacity)
        let scratchInputs = UnsafeMutablePointer<Int32>.allocate(capacity: capacity)
        // The last axis's pairs at the current position.
        let lastTaps = UnsafeMutablePointer<Int32>.allocate(capacity: max(1, last.axis.kernelSize))
        let lastInputs = UnsafeMutablePointer<Int32>.allocate(
            capacity: max(1, last.axis.kernelSize))
        defer {
            scratchTaps.deallocate()
            scratchInputs.deallocate()
            lastTaps.deallocate()
            lastInputs.deallocate()
        }
        let lastAxis = index.count - 1
        starts.withUnsafeBufferPointer { starts in
            taps.withUnsafeBufferPointer { axisTaps in
                inputs.withUnsafeBufferPointer { axisInputs in
                    for flat in 0..<positions {
                        var count = 1
                        scratchTaps[0] = 0
                        scratchInputs[0] = 0
                        for t in 0...lastAxis {
                            // Axis t's pairs at index[t]: from its table, or the last axis's rule.
                            var first = 0
                            var m = 0
                            if t < lastAxis {
                                let s = startBase[t] + index[t]
                                first = starts[s]
                                m = starts[s + 1] - first
                            } else {
                                last.forEachPair(at: index[t]) { tap, input in
                                    lastTaps[m] = tap
                                    lastInputs[m] = input
                                    m += 1
                                }
                            }
                            if m == 0 {
                                count = 0
                                break
                            }
                            // (A table with a pair has a base address.)
                            let pairTaps =
                                t < lastAxis
                                ? UnsafePointer(axisTaps.baseAddress!) + first
                                : UnsafePointer(lastTaps)
                            let pairInputs =
                                t < lastAxis
                                ? UnsafePointer(axisInputs.baseAddress!) + first
                                : UnsafePointer(lastInputs)
                            var b = count - 1
                            while b >= 0 {
                                let baseTap = scratchTaps[b]
                                let baseInput = scratchInputs[b]
                                for l in 0..<m {
                                    scratchTaps[b * m + l] = baseTap &+ pairTaps[l]
                                    scratchInputs[b * m + l] = baseInput &+ pairInputs[l]
                                }
                                b -= 1
                            }
                            count *= m
                        }
                        if sorted {
                            Self.sortByInput(scratchTaps, scratchInputs, count: count)
                        }
                        body(
                            flat, UnsafeBufferPointer(start: scratchTaps, count: count),
                            UnsafeBufferPointer(start: scratchInputs, count: count))
                        advance(&index)
                    }
                }
            }
        }
    }

    /// Moves `index` to the next position in row-major order (the last axis fastest); after the
    /// last position it wraps around to the first.
    func advance(_ index: inout [Int]) {
        var t = index.count - 1
        while t >= 0 {
            index[t] += 1
            if index[t] < sizes[t] { return }
            index[t] = 0
            t -= 1
        }
    }

    /// Sorts the first `count` pairs by `(input, tap)`: the canonical order of a row when a
    /// padding mode folds several taps onto one input.
    static func sortByInput(
        _ taps: UnsafeMutablePointer<Int32>, _ inputs: UnsafeMutablePointer<Int32>, count: Int
    ) {
        if count <= 32 {
            // Insertion sort: the pairs of a small kernel, nearly sorted already.
            for j in 1..<max(count, 1) {
                let tap = taps[j]
                let input = inputs[j]
                var k = j - 1
                while k >= 0 && (inputs[k], taps[k]) > (input, tap) {
                    taps[k + 1] = taps[k]
                    inputs[k + 1] = inputs[k]
                    k -= 1
                }
                taps[k + 1] = tap
                inputs[k + 1] = input
            }
            return
        }
        // Both values are non-negative, so the order of (input, tap) is the order of one key.
        let keys = (0..<count).map {
            (UInt64(UInt32(bitPattern: inputs[$0])) << 32) | UInt64(UInt32(bitPattern: taps[$0]))
        }.sorted()
        for (p, key) in keys.enumerated() {
            inputs[p] = Int32(truncatingIfNeeded: key >> 32)
            taps[p] = Int32(truncatingIfNeeded: key & 0xFFFF_FFFF)
        }
    }
}
