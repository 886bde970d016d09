import ConvMatrixTestSupport
import Testing

@testable import ConvMatrixCore

/// The transposed convolution is the transpose of the forward one, proven three ways.
@Suite("Transpose verification")
struct VerificationTests {
    /// A random valid transposed convolution: 1-D to 3-D, channels, groups, stride, dilation,
    /// asymmetric padding, output padding below the stride or the dilation.
    static func randomTransposed(using rng: inout SeededGenerator) -> TransposedConvolution {
        while true {
            let rank = Int.random(in: 1...3, using: &rng)
            let groups = Int.random(in: 1...2, using: &rng)
            let spec = TransposedConvolutionSpec(
                inputSize: (0..<rank).map { _ in
                    Int.random(in: 1...(rank == 3 ? 3 : 5), using: &rng)
                },
                kernelSize: (0..<rank).map { _ in Int.random(in: 1...3, using: &rng) },
                stride: (0..<rank).map { _ in Int.random(in: 1...3, using: &rng) },
                padding: .explicit(
                    (0..<rank).map { _ in
                        AxisPadding(
                            before: Int.random(in: 0...3, using: &rng),
                            after: Int.random(in: 0...3, using: &rng))
                    }),
                dilation: (0..<rank).map { _ in Int.random(in: 1...3, using: &rng) },
                outputPadding: (0..<rank).map { _ in Int.random(in: 0...2, using: &rng) },
                inChannels: groups * Int.random(in: 1...2, using: &rng),
                outChannels: groups * Int.random(in: 1...2, using: &rng), groups: groups,
                orientation: Bool.random(using: &rng) ? .crossCorrelation : .convolution)
            if let layer = try? spec.validated() { return layer }
        }
    }

    @Test("verify holds for hundreds of random transposed convolutions")
    func randomTransposedLayers() throws {
        var rng = SeededGenerator(seed: 31)
        var cropped = 0
        for _ in 0..<400 {
            let layer = Self.randomTransposed(using: &rng)
            let verification = try TransposeVerification(layer)
            #expect(verification.holds, "\(layer.axes)")
            #expect(verification.checks.count == 3)
            if verification.equivalent?.cropping.contains(where: { $0.total > 0 }) == true {
                cropped += 1
            }
        }
        // The sample exercises the cropping branch of the equivalent convolution.
        #expect(cropped > 20)
    }

    @Test(
        "verify holds for the transpose of hundreds of random forward convolutions (every padding word)"
    )
    func randomForwardLayers() throws {
        var rng = SeededGenerator(seed: 32)
        for _ in 0..<300 {
            let conv = RandomSpecs.convolution(using: &rng, modes: [.zeros])
            let layer = try conv.transposedCounterpart.validated()
            #expect(try TransposeVerification(layer).holds, "\(conv.spec)")
        }
    }

    @Test("a wrong matrix is caught with its first differing entry")
    func detectsDifference() throws {
        let u = try ConvolutionSpec.input5x5Kernel3x3Stride2.validated().unrolled()
        let other = try ConvolutionSpec(
            inputSize: [5, 5], kernelSize: [3, 3], stride: [2], orientation: .convolution
        )
        .validated().unrolled()
        #expect(u.firstDifference(from: other) == .entry(row: 0, column: 0, self: [0], other: [8]))
        #expect(u.firstDifference(from: u.transposed()) == .shape(self: (4, 25), other: (25, 4)))
        #expect(u.firstDifference(from: u) == nil)
    }

    @Test(
        "the equivalent convolution of the 5×5, 3×3, stride 2 example's transpose: 1 zero inserted, padding 2, flipped kernel"
    )
    func equivalentOfTheStride2ExamplesTranspose() throws {
        let equivalent = try EquivalentConvolution(
            try TransposedConvolutionSpec.input2x2Kernel3x3Stride2.validated())
        #expect(equivalent.insertedZeros == [1, 1])
        #expect(equivalent.convolution.inputExtents.sizes == [3, 3])
        #expect(equivalent.convolution.axes.map(\.padding) == [AxisPadding(2), AxisPadding(2)])
        #expect(equivalent.convolution.orientation == .convolution)
        #expect(equivalent.convolution.outputExtents.sizes == [5, 5])
    }

    @Test("negative equivalent padding crops the zero-inserted input")
    func cropping() throws {
        let layer = try TransposedConvolutionSpec(
            inputSize: [5], kernelSize: [3], padding: .explicit([AxisPadding(3)])
        ).validated()
        let equivalent = try EquivalentConvolution(layer)
        #expect(equivalent.signedPadding.map(\.before) == [-1])
        #expect(equivalent.cropping == [AxisPadding(1)])
        #expect(try equivalent.composedMatrix() == layer.unrolled())
    }

    @Test("connectivity: the inverse map of U is the connectivity of T")
    func connectivity() throws {
        let conv = try ConvolutionSpec.input5x5Kernel3x3Stride2.validated()
        let u = try conv.unrolled()
        let forward = Connectivity(u)
        #expect(forward.links[1].map(\.source) == [2, 3, 4, 7, 8, 9, 12, 13, 14])
        let t = try conv.transposedCounterpart.validated().unrolled()
        #expect(Connectivity(t).edges == Set(forward.edges.map(\.reversed)))
        #expect(Connectivity(u.transposed()).links[12].map(\.source) == [0, 1, 2, 3])
    }
}
