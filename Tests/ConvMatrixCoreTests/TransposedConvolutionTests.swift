import ConvMatrixTestSupport
import Testing

@testable import ConvMatrixCore

/// The transposed convolution as a layer of its own, and its relation T = Uᵀ.
@Suite("Transposed convolution")
struct TransposedConvolutionTests {
    @Test("2×2 input, 3×3 kernel, stride 2 gives 5×5, and T = Uᵀ")
    func input2x2Kernel3x3Stride2() throws {
        let transposed = try TransposedConvolutionSpec.input2x2Kernel3x3Stride2.validated()
        #expect(transposed.outputExtents.sizes == [5, 5])
        #expect(
            transposed.forward.axes
                == (try ConvolutionSpec.input5x5Kernel3x3Stride2.validated()).axes)
        let t = try transposed.unrolled()
        let u = try transposed.forward.unrolled()
        #expect(t == u.transposed())
    }

    @Test("for random specs, T of the transposed layer equals Uᵀ of the forward one")
    func propertyTransposeEqualsUTranspose() throws {
        var rng = SeededGenerator(seed: 99)
        var checked = 0
        while checked < 300 {
            let rank = Int.random(in: 1...3, using: &rng)
            let groups = Int.random(in: 1...2, using: &rng)
            let spec = TransposedConvolutionSpec(
                inputSize: (0..<rank).map { _ in Int.random(in: 1...4, using: &rng) },
                kernelSize: (0..<rank).map { _ in Int.random(in: 1...3, using: &rng) },
                stride: (0..<rank).map { _ in Int.random(in: 1...3, using: &rng) },
                padding: .explicit(
                    (0..<rank).map { _ in
                        AxisPadding(
                            before: Int.random(in: 0...2, using: &rng),
                            after: Int.random(in: 0...2, using: &rng))
                    }),
                dilation: (0..<rank).map { _ in Int.random(in: 1...2, using: &rng) },
                outputPadding: (0..<rank).map { _ in Int.random(in: 0...2, using: &rng) },
                inChannels: groups * Int.random(in: 1...2, using: &rng),
                outChannels: groups * Int.random(in: 1...2, using: &rng), groups: groups,
                orientation: Bool.random(using: &rng) ? .crossCorrelation : .convolution)
            guard let transposed = try? spec.validated() else { continue }
            checked += 1
            let t = try transposed.unrolled()
            let u = try transposed.forward.unrolled()
            let expected =
                transposed.forwardHasExtraOutputs
                ? u.transposed().keepingColumns(transposed.forwardOutputsKept) : u.transposed()
            #expect(t == expected, "\(spec)")
        }
    }

    @Test("a convolution's transposed counterpart recovers its input size")
    func counterpart() throws {
        var rng = SeededGenerator(seed: 5)
        for _ in 0..<200 {
            let conv = RandomSpecs.convolution(using: &rng, modes: [.zeros])
            let transposed = try conv.transposedCounterpart.validated()
            #expect(transposed.outputExtents == conv.inputExtents)
            #expect(try transposed.unrolled() == (try conv.unrolled()).transposed())
        }
    }

    @Test("output padding must be smaller than the stride or the dilation")
    func outputPaddingRule() {
        #expect(
            throws: SpecificationError(
                .outputPadding, "must be smaller than the stride (2) or the dilation (1), got 2")
        ) {
            try TransposedConvolutionSpec(
                inputSize: [3], kernelSize: [3], stride: [2], outputPadding: [2]
            ).validated()
        }
        // Allowed by the dilation: a = 2 < d = 3 even though a ≥ s = 1.
        #expect(throws: Never.self) {
            try TransposedConvolutionSpec(
                inputSize: [3], kernelSize: [3], dilation: [3], outputPadding: [2]
            ).validated()
        }
    }
}
