import ConvMatrixTestSupport
import Testing

@testable import ConvMatrixCore
@testable import ConvMatrixNumeric

/// A layer too large to store U whole is checked matrix-free, on sampled rows of U, within a
/// small memory budget — and the sampled check still catches a wrong U.
@Suite("Sampled numeric check")
struct SampledCheckTests {
    /// 64×64 input, 3×3 kernel, 32 → 32 channels, padding 1: 37.7 million entries of U.
    static let large = ConvolutionSpec(
        inputSize: [64, 64], kernelSize: [3, 3], padding: .explicit([AxisPadding(1)]),
        inChannels: 32, outChannels: 32)

    static func values(_ conv: Convolution, seed: UInt64) -> NumericCheckValues {
        var g = SplitMix64(seed: seed)
        return NumericCheckValues(
            kernel: KernelValues(randomFor: conv.kernelLayout, using: &g),
            input: TensorValues(randomFor: conv.inChannels, extents: conv.inputExtents, using: &g),
            output: TensorValues(
                randomFor: conv.outChannels, extents: conv.outputExtents, using: &g),
            delta: TensorValues(
                randomFor: conv.outChannels, extents: conv.outputExtents, using: &g))
    }

    @Test("a layer past the full-check size is checked on sampled rows, in a 64 MB budget")
    func largeLayerPasses() throws {
        let conv = try Self.large.validated()
        #expect((conv.unrolledEntryCount ?? 0) > Convolution.fullCheckEntries)
        let rows = try #require(conv.checkedRows)
        #expect(rows.count == Convolution.checkedRowSample)
        #expect(rows.first == 0 && rows.last == conv.outputCount - 1)
        let budget = ResourceLimits(maxMemoryBytes: 64_000_000)
        try conv.checkNumericCheckMemory(exact: false, limits: budget)
        let report = try conv.numericCheck(Self.values(conv, seed: 5), exact: false, limits: budget)
        #expect(report.passed)
        #expect(report.lines[0].compared == "1024 of 131072 outputs, sampled rows of U")
    }

    @Test("small layers are checked whole")
    func smallLayerWhole() throws {
        let conv = try ConvolutionSpec(inputSize: [5, 5], kernelSize: [3, 3]).validated()
        #expect(conv.checkedRows == nil)
    }

    @Test("the sampled check fails on rows of a wrong U")
    func wrongRowsFail() throws {
        let conv = try Self.large.validated()
        var flipped = Self.large
        flipped.orientation = .convolution
        let rows = try #require(conv.checkedRows)
        let wrong = try flipped.validated().unrolledRows(rows)
        let values = Self.values(conv, seed: 9)
        let lines = try conv.checkLines(
            u: wrong, rows: rows, kernel: values.kernel.doubles, x: values.input.doubles,
            y: values.output.doubles, delta: values.delta.doubles, exact: false)
        #expect(!lines[0].passed)
        #expect(!lines[1].passed)
        #expect(!lines[3].passed || !lines[4].passed)
    }

    @Test("the definition at chosen outputs equals the whole definition there")
    func outputsAgree() throws {
        var rng = SeededGenerator(seed: 12)
        for _ in 0..<100 {
            let conv = RandomSpecs.convolution(using: &rng)
            var g = SplitMix64(seed: 3)
            let k = KernelValues(randomFor: conv.kernelLayout, using: &g).doubles
            let x = TensorValues(randomFor: conv.inChannels, extents: conv.inputExtents, using: &g)
                .doubles
            let whole = try conv.apply(to: x, kernel: k).values
            let rows = Array(0..<conv.outputCount).shuffled(using: &rng)
            let some = try conv.outputs(rows, of: x.values, kernel: k)
            for (j, r) in rows.enumerated() { #expect(abs(some[j] - whole[r]) <= 1e-9) }
            let y = (0..<conv.outputCount).map { _ in Double.random(in: -1...1, using: &rng) }
            let scattered = try conv.scatter(rows.map { y[$0] }, from: rows, kernel: k)
            let reference = try conv.applyTransposed(
                to: Tensor(unchecked: conv.outChannels, extents: conv.outputExtents, values: y),
                kernel: k
            ).values
            for i in scattered.indices { #expect(abs(scattered[i] - reference[i]) <= 1e-9) }
        }
    }
}
