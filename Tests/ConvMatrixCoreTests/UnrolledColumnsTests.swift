import ConvMatrixTestSupport
import Testing

@testable import ConvMatrixCore

/// Columns of U, and the entries of one tap, built alone equal those of the whole U; a layer's
/// rows and columns (a transposed layer's T included) equal its matrix's.
@Suite("Unrolled columns")
struct UnrolledColumnsTests {
    @Test("for 300 random layers (every padding mode, channels, groups), columns equal Uᵀ's rows")
    func columnsEqualU() throws {
        var rng = SeededGenerator(seed: 37)
        for _ in 0..<300 {
            let conv = RandomSpecs.convolution(using: &rng)
            let t = try conv.unrolled().transposed()
            let all = try conv.unrolledColumns(Array(0..<conv.inputCount))
            #expect(all == t)
            let chosen = (0..<5).map { _ in Int.random(in: 0..<conv.inputCount, using: &rng) }
            let some = try conv.unrolledColumns(chosen)
            for (j, c) in chosen.enumerated() {
                #expect(some.entries(inRow: j).elementsEqual(t.entries(inRow: c)) { $0 == $1 })
            }
        }
    }

    @Test("the entries of each tap are U's entries that carry it, in row order")
    func entriesOfTap() throws {
        var rng = SeededGenerator(seed: 41)
        for _ in 0..<150 {
            let conv = RandomSpecs.convolution(using: &rng)
            let u = try conv.unrolled()
            var expected = [[(row: Int, column: Int)]](repeating: [], count: conv.weightCount)
            for r in 0..<u.rowCount {
                for entry in u.entries(inRow: r) { expected[entry.tap].append((r, entry.column)) }
            }
            for tap in 0..<conv.weightCount {
                let sorted = expected[tap].sorted { ($0.row, $0.column) < ($1.row, $1.column) }
                #expect(conv.entries(ofTap: tap).elementsEqual(sorted) { $0 == $1 })
            }
            #expect(conv.entries(ofTap: conv.weightCount).isEmpty)
        }
    }

    @Test("a transposed layer's rows and columns equal those of its T, output padding included")
    func transposedLayers() throws {
        var rng = SeededGenerator(seed: 43)
        for _ in 0..<200 {
            let layer = Layer.transposed(VerificationTests.randomTransposed(using: &rng))
            let m = try layer.matrix()
            #expect(try layer.matrixRows(Array(0..<layer.outputSide.count)) == m)
            #expect(try layer.matrixColumns(Array(0..<layer.inputSide.count)) == m.transposed())
        }
    }

    @Test("columns outside U and columns over the budget are refused")
    func refused() throws {
        let conv = try ConvolutionSpec(inputSize: [5, 5], kernelSize: [3, 3]).validated()
        #expect(throws: SpecificationError.self) { try conv.unrolledColumns([25]) }
        #expect(throws: SpecificationError.self) {
            try conv.unrolledColumns(Array(0..<25), limits: ResourceLimits(maxMemoryBytes: 100))
        }
    }
}
