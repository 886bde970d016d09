import ConvMatrixTestSupport
import Testing

@testable import ConvMatrixCore

/// The arithmetic count of `(position, tap)` pairs that land inside an axis, which budgets U, T
/// and the equivalent convolution before they are built: equal to enumeration, and instant at
/// sizes near 2³¹.
@Suite("Landing counts")
struct LandingCountTests {
    static func enumerated(
        count: Int, kernel: Int, stride: Int, dilation: Int, offset: Int, extent: Int
    ) -> Int {
        var total = 0
        for j in 0..<count {
            for a in 0..<kernel {
                let q = j * stride + a * dilation - offset
                if q >= 0 && q < extent { total += 1 }
            }
        }
        return total
    }

    @Test("for 5000 random small axes the count equals enumeration")
    func matchesEnumeration() {
        var rng = SeededGenerator(seed: 2024)
        for _ in 0..<5000 {
            let count = Int.random(in: 1...12, using: &rng)
            let kernel = Int.random(in: 1...12, using: &rng)
            let stride = Int.random(in: 1...5, using: &rng)
            let dilation = Int.random(in: 1...5, using: &rng)
            let offset = Int.random(in: -6...30, using: &rng)
            let extent = Int.random(in: 1...30, using: &rng)
            let expected = Self.enumerated(
                count: count, kernel: kernel, stride: stride, dilation: dilation, offset: offset,
                extent: extent)
            let counted = AxisConnections.landingCount(
                count: count, kernel: kernel, stride: stride, dilation: dilation, offset: offset,
                extent: extent)
            #expect(
                counted == expected,
                "count \(count) kernel \(kernel) stride \(stride) dilation \(dilation) offset \(offset) extent \(extent)"
            )
        }
    }

    @Test("floor sums equal their definition")
    func floorSums() {
        var rng = SeededGenerator(seed: 9)
        for _ in 0..<2000 {
            let n = Int.random(in: 0...40, using: &rng)
            let m = Int.random(in: 1...20, using: &rng)
            let a = Int.random(in: 0...50, using: &rng)
            let b = Int.random(in: 0...50, using: &rng)
            let expected = (0..<n).reduce(0) { $0 + (a * $1 + b) / m }
            #expect(AxisConnections.floorSum(n, modulus: m, slope: a, intercept: b) == expected)
        }
    }

    @Test("axes near 2³¹ are counted at once")
    func largeAxes() {
        let big = Int(Int32.max)
        // One output reading every tap of a 2³¹ − 1 kernel.
        #expect(
            AxisConnections.landingCount(
                count: 1, kernel: big, stride: 1, dilation: 1, offset: 0, extent: big) == big)
        // 2³¹ − 1 outputs of a kernel of 2³¹ − 1 taps, each reading only its own diagonal.
        #expect(
            AxisConnections.landingCount(
                count: big, kernel: big, stride: 1, dilation: 1, offset: big - 1, extent: 1)
                == big)
        // Stride 1, kernel 3, full padding: 3 taps for every input position.
        #expect(
            AxisConnections.landingCount(
                count: big + 2, kernel: 3, stride: 1, dilation: 1, offset: 2, extent: big)
                == 3 * big)
    }
}
