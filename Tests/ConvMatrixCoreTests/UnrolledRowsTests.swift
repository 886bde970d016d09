import ConvMatrixTestSupport
import Testing

@testable import ConvMatrixCore

/// Rows of U built alone equal the same rows of the whole U.
@Suite("Unrolled rows")
struct UnrolledRowsTests {
    @Test("for 300 random layers (every padding mode, channels, groups), chosen rows equal U's")
    func rowsEqualU() throws {
        var rng = SeededGenerator(seed: 31)
        for _ in 0..<300 {
            let conv = RandomSpecs.convolution(using: &rng)
            let u = try conv.unrolled()
            let all = try conv.unrolledRows(Array(0..<conv.outputCount))
            #expect(all == u)
            let chosen = (0..<5).map { _ in Int.random(in: 0..<conv.outputCount, using: &rng) }
            let some = try conv.unrolledRows(chosen)
            for (j, r) in chosen.enumerated() {
                #expect(some.entries(inRow: j).elementsEqual(u.entries(inRow: r)) { $0 == $1 })
            }
        }
    }

    @Test("rows outside U and rows over the budget are refused")
    func refused() throws {
        let conv = try ConvolutionSpec(inputSize: [5, 5], kernelSize: [3, 3]).validated()
        #expect(throws: SpecificationError.self) { try conv.unrolledRows([9]) }
        #expect(throws: SpecificationError.self) {
            try conv.unrolledRows(Array(0..<9), limits: ResourceLimits(maxMemoryBytes: 100))
        }
    }
}
