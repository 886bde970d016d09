import ConvMatrixTestSupport
import Testing

@testable import ConvMatrixCore

/// U against the definition of the layer, entry by entry.
@Suite("Unrolling")
struct UnrollTests {
    @Test("5×5 input, 3×3 kernel, stride 2: U has the taps of the blog post")
    func input5x5Kernel3x3Stride2() throws {
        let u = try ConvolutionSpec.input5x5Kernel3x3Stride2.validated().unrolled()
        #expect(u.rowCount == 4 && u.columnCount == 25 && u.storedCount == 36)
        // Output (0,1) reads input (0,2) through k₀₀ and input (2,4) through k₂₂.
        #expect(u.taps(row: 1, column: 2) == [0])
        #expect(u.taps(row: 1, column: 14) == [8])
        // Input (2,2) = 12 feeds all four outputs: k₂₂, k₂₀, k₀₂, k₀₀.
        #expect((0..<4).map { u.taps(row: $0, column: 12) } == [[8], [6], [2], [0]])
        #expect(u.taps(row: 3, column: 0).isEmpty)
    }

    @Test("every entry of U is the tap the definition gives, and nothing else is non-zero")
    func propertyAgainstDefinition() throws {
        var rng = SeededGenerator(seed: 2026)
        for _ in 0..<400 {
            let conv = RandomSpecs.convolution(using: &rng)
            let u = try conv.unrolled()
            #expect(u.rowCount == conv.outputCount && u.columnCount == conv.inputCount)
            #expect(u.entryDictionary == ReferenceConvolution.entries(of: conv), "\(conv.spec)")
            // Exactly equal, canonical order of every row included, to U assembled plainly from
            // the definition's entries.
            #expect(u == ReferenceConvolution.matrix(of: conv), "\(conv.spec)")
        }
    }

    @Test(
        "U equals the definition for large kernels and long axes (sorted pairs past the small-sort size)",
        arguments: PaddingMode.allCases)
    func propertyLargeKernels(mode: PaddingMode) throws {
        var rng = SeededGenerator(
            seed: 4242 + UInt64(PaddingMode.allCases.firstIndex(of: mode) ?? 0))
        // 49 pairs a position: past the insertion sort's size.
        let large = try ConvolutionSpec(
            inputSize: [9, 8], kernelSize: [7, 7], padding: .explicit([AxisPadding(3)]),
            inChannels: 2, paddingMode: mode
        ).validated()
        #expect(try large.unrolled() == ReferenceConvolution.matrix(of: large))
        var tested = 0
        while tested < 40 {
            let rank = Int.random(in: 1...2, using: &rng)
            let input = (0..<rank).map { _ in Int.random(in: 1...(rank == 1 ? 40 : 14), using: &rng)
            }
            let kernel = (0..<rank).map { _ in Int.random(in: 1...7, using: &rng) }
            let spec = ConvolutionSpec(
                inputSize: input, kernelSize: kernel,
                stride: (0..<rank).map { _ in Int.random(in: 1...3, using: &rng) },
                padding: .explicit(
                    (0..<rank).map { _ in
                        AxisPadding(
                            before: Int.random(in: 0...6, using: &rng),
                            after: Int.random(in: 0...6, using: &rng))
                    }),
                dilation: (0..<rank).map { _ in Int.random(in: 1...2, using: &rng) },
                inChannels: Int.random(in: 1...3, using: &rng),
                outChannels: Int.random(in: 1...3, using: &rng), paddingMode: mode,
                orientation: Bool.random(using: &rng) ? .crossCorrelation : .convolution)
            guard let conv = try? spec.validated() else { continue }
            tested += 1
            #expect(try conv.unrolled() == ReferenceConvolution.matrix(of: conv), "\(spec)")
        }
    }

    @Test("the odometer visits spatial positions in row-major order with their pair counts")
    func odometerOrder() throws {
        let conv = try ConvolutionSpec(
            inputSize: [4, 3, 5], kernelSize: [2, 1, 3], padding: .explicit([AxisPadding(1)])
        ).validated()
        let connections = conv.axes.indices.map { AxisConnections(conv.pairRule(axis: $0)) }
        let lastAxis = conv.axes.count - 1
        let odometer = SpatialOdometer(
            Array(connections.dropLast()), last: conv.pairRule(axis: lastAxis))
        var index = [0, 0, 0]
        var visited: [Int] = []
        odometer.forEachPairCount { flat, count in
            #expect(index == conv.outputExtents.multiIndex(flat))
            let expected = (0..<3).map { connections[$0].links(at: index[$0]).count }
                .reduce(1, *)
            #expect(count == expected)
            visited.append(flat)
            odometer.advance(&index)
        }
        #expect(visited == Array(0..<conv.outputExtents.count))
        #expect(index == [0, 0, 0])
        // The last axis's rule gives the pairs its table would hold, position by position.
        for i in 0..<conv.axes[lastAxis].outputSize {
            var pairs: [(tap: Int, input: Int)] = []
            odometer.last.forEachPair(at: i) { pairs.append((Int($0), Int($1))) }
            #expect(pairs.map(\.tap) == connections[lastAxis].links(at: i).map(\.tap))
            #expect(pairs.map(\.input) == connections[lastAxis].links(at: i).map(\.input))
        }
    }

    @Test("(Uᵀ)ᵀ = U")
    func doubleTranspose() throws {
        var rng = SeededGenerator(seed: 7)
        for _ in 0..<200 {
            let u = try RandomSpecs.convolution(using: &rng).unrolled()
            let t = u.transposed()
            #expect(t.rowCount == u.columnCount && t.columnCount == u.rowCount)
            #expect(t.transposed() == u)
        }
    }

    @Test("reflect padding makes an entry a sum of taps")
    func reflectSums() throws {
        // 1-D, n = 3, k = 3, padding 1 reflect: output 0 reads x̃ = (x₁, x₀, x₁), so input 1 gets k₀ + k₂.
        let conv = try ConvolutionSpec(
            inputSize: [3], kernelSize: [3], padding: .explicit([AxisPadding(1)]),
            paddingMode: .reflect
        ).validated()
        let u = try conv.unrolled()
        #expect(u.taps(row: 0, column: 1) == [0, 2])
        #expect(u.taps(row: 0, column: 0) == [1])
    }

    @Test("flip rotates the kernel by 180°")
    func flip() throws {
        let conv = try ConvolutionSpec(
            inputSize: [3, 3], kernelSize: [2, 2], orientation: .convolution
        ).validated()
        let u = try conv.unrolled()
        // Output (0,0) meets input (0,0) through k₁₁ (tap 3) instead of k₀₀.
        #expect(u.taps(row: 0, column: 0) == [3])
    }

    @Test("groups leave zero blocks across groups")
    func groups() throws {
        let conv = try ConvolutionSpec(
            inputSize: [3], kernelSize: [2], inChannels: 4, outChannels: 2, groups: 2
        ).validated()
        let u = try conv.unrolled()
        // Output channel 0 reads input channels 0 and 1 only.
        for column in 6..<12 { #expect(u.taps(row: 0, column: column).isEmpty) }
        #expect(u.taps(row: 2, column: 6) == [4])  // output channel 1, input channel 2 = its first
    }

    @Test("the memory budget refuses before allocating, with the figure")
    func memoryBudget() throws {
        let conv = try ConvolutionSpec(
            inputSize: [224, 224], kernelSize: [7, 7], stride: [2],
            padding: .explicit([AxisPadding(3)]),
            inChannels: 3, outChannels: 64
        ).validated()
        #expect(throws: SpecificationError.self) {
            try conv.unrolled(limits: ResourceLimits(maxMemoryBytes: 100_000_000))
        }
        do {
            _ = try conv.unrolled(limits: ResourceLimits(maxMemoryBytes: 100_000_000))
        } catch {
            #expect(error.field == .memory)
            #expect(error.message.contains("116214528 stored entries"))
        }
    }
}

/// The link counts used for the memory budget are exact.
@Test("link counts computed by arithmetic equal the links built, for every axis of random specs")
func linkCountsAreExact() throws {
    var rng = SeededGenerator(seed: 555)
    for _ in 0..<300 {
        let conv = RandomSpecs.convolution(using: &rng)
        for (t, axis) in conv.axes.enumerated() {
            let built = AxisConnections(conv.pairRule(axis: t))
            #expect(
                AxisConnections.linkCount(axis: axis, mode: conv.paddingMode) == built.totalLinks)
        }
    }
}
