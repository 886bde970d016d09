import ConvMatrix
import ConvMatrixAnalysis
import Testing

/// The overlap of the transposed layer and its per-axis rule (Odena et al. 2016, with dilation).
@Suite("Overlap of the transposed layer")
struct OverlapTests {
    /// (k, s, d) → the counts of one interior period.
    static let periods: [(kernel: Int, stride: Int, dilation: Int, period: [Int])] = [
        (3, 1, 1, [3]),
        (3, 2, 1, [2, 1]),  // the classic checkerboard: 3 is not a multiple of 2
        (4, 2, 1, [2, 2]),  // DCGAN's k4 s2: even
        (5, 3, 1, [2, 2, 1]),
        (6, 3, 1, [2, 2, 2]),
        (4, 2, 2, [4, 0]),  // gcd(d, s) = 2: every other output is never reached
        (3, 3, 2, [1, 1, 1]),  // gcd 1 and s | k: uniform even with dilation
        (2, 3, 2, [1, 0, 1]),
    ]

    @Test("the interior period of counts per axis", arguments: periods)
    func period(_ c: (kernel: Int, stride: Int, dilation: Int, period: [Int])) {
        let rule = TransposedOverlap.AxisRule(
            ScatterAxis(
                inputs: 20, outputs: 40, kernel: c.kernel, stride: c.stride, dilation: c.dilation,
                paddingBefore: 0))
        #expect(rule.interiorPeriod == c.period)
        let gcdIsOne = rule.gcd == 1
        #expect(rule.interiorUniform == (gcdIsOne && c.kernel % c.stride == 0))
    }

    @Test("DCGAN's decoder layer (k4 s2 p1): 4 in the interior, 2 on the edges, 1 in the corners")
    func dcgan() throws {
        let t = try TransposedConvolutionSpec(
            inputSize: [4, 4], kernelSize: [4, 4], stride: [2], padding: .explicit([AxisPadding(1)])
        ).validated()
        let a = try LayerAnalysis(.transposed(t))
        #expect(a.overlap.uniform)
        #expect(a.overlap.matchesMatrix)
        #expect(a.overlap.counts.counts.prefix(8) == [1, 2, 2, 2, 2, 2, 2, 1])
        #expect(a.overlap.counts.counts[9] == 4)
    }

    @Test("k3 s2: a checkerboard, not uniform")
    func checkerboard() throws {
        let t = try TransposedConvolutionSpec(
            inputSize: [4, 4], kernelSize: [3, 3], stride: [2], padding: .explicit([AxisPadding(1)])
        ).validated()
        let a = try LayerAnalysis(.transposed(t))
        #expect(!a.overlap.uniform)
        #expect(!a.overlap.ruleSaysUniform)
        #expect(a.overlap.matchesMatrix)
        #expect(Set(a.overlap.counts.counts) == [1, 2, 4])
    }

    @Test(
        "the rule agrees with the matrix on random layers, forward and transposed",
        arguments: 0..<40)
    func ruleMatchesMatrix(seed: Int) throws {
        var random = RandomLayers(seed: UInt64(seed))
        let rank = random.int(1...2)
        let input = (0..<rank).map { _ in random.int(2...7) }
        let channels = random.int(1...2)
        if let conv = random.convolution(input: input, channels: channels) {
            let a = try LayerAnalysis(.convolution(conv))
            #expect(a.overlap.matchesMatrix, "\(conv.spec)")
            // The overlap counts are U's column counts; fans add up to the positions.
            #expect(a.fans.fanIn.counts.reduce(0, +) == a.positions)
            #expect(a.fans.fanOut.counts.reduce(0, +) == a.positions)
            #expect(a.unreachedMatchesGeometry != false, "\(conv.spec) \(a.unreachedInputs)")
        }
        if let t = random.transposed(input: input, channels: channels) {
            let a = try LayerAnalysis(.transposed(t))
            #expect(a.overlap.matchesMatrix)
            if a.overlap.ruleSaysUniform,
                a.overlap.axes.allSatisfy({ ($0.interiorPositions?.count ?? 0) >= $0.axis.stride })
            {
                #expect(a.overlap.uniform)
            }
        }
    }
}
