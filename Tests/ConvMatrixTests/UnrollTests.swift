import Testing

@testable import ConvMatrixCore
@testable import ConvMatrixNotes
@testable import ConvMatrixNumeric
@testable import ConvMatrixPictures
@testable import ConvMatrixRendering
@testable import ConvMatrixSymbols

/// U against the definition of the layer, entry by entry.
@Suite("Unrolling")
struct UnrollTests {
    @Test("seed 004: U has the taps of the blog post")
    func seed004() throws {
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
            let built = AxisConnections(
                axis: axis, mode: conv.paddingMode, orientation: conv.orientation,
                inputStride: conv.inputExtents.strides[t],
                kernelStride: conv.kernelExtents.strides[t])
            #expect(
                AxisConnections.linkCount(axis: axis, mode: conv.paddingMode) == built.totalLinks)
        }
    }
}
