import ConvMatrix
import ConvMatrixAnalysis
import Symbolic
import Testing

/// Singular values (Jacobi SVD, DFT rule), ranks and the operator norm.
@Suite("Spectrum and rank")
struct SpectrumTests {
    @Test("Jacobi SVD of small known matrices")
    func knownMatrices() {
        var a = DenseMatrix(rowCount: 2, columnCount: 2)
        a[0, 0] = 3
        a[1, 0] = 4
        a[1, 1] = 5
        let values = SingularValues.of(a)
        #expect(abs(values[0] - 45.0.squareRoot()) < 1e-12)
        #expect(abs(values[1] - 5.0.squareRoot()) < 1e-12)
        var wide = DenseMatrix(rowCount: 1, columnCount: 3)
        wide.values = [1, 2, 2]
        #expect(SingularValues.of(wide) == [3])
        #expect(SingularValues.of(DenseMatrix(rowCount: 2, columnCount: 3)) == [0, 0])
    }

    @Test("an SVD past the size limit is refused")
    func limit() {
        #expect(throws: AnalysisError.svdTooLarge(rows: 500, columns: 600, limit: 400)) {
            try SingularValues.check(rows: 500, columns: 600, limit: 400)
        }
        #expect(throws: Never.self) {
            try SingularValues.check(rows: 4000, columns: 400, limit: 400)
        }
    }

    @Test(
        "the exact rank sees cancellation: kernel [1, 1] on two output channels with equal weights")
    func exactRankDeficient() throws {
        let conv = try ConvolutionSpec(inputSize: [4], kernelSize: [2], outChannels: 2).validated()
        let values = try KernelValues(parsing: "1,1,1,1", layout: conv.kernelLayout)
        let a = try LayerAnalysis(.convolution(conv), options: .init(kernelValues: values))
        #expect(a.structuralRank == 4)
        #expect(a.valueRank?.value == 3)
        #expect(a.valueRank?.method == "exact")
    }

    @Test("structural rank: unreached inputs lower it; a zero tap does not")
    func structuralRank() throws {
        let skip = try ConvolutionSpec(inputSize: [7], kernelSize: [2], stride: [3]).validated()
        let a = try LayerAnalysis(.convolution(skip))
        #expect(a.structuralRank == 2)
        #expect(a.unreachedInputs == [2, 5, 6])
        let wide = try ConvolutionSpec(
            inputSize: [5, 5], kernelSize: [3, 3], padding: .explicit([AxisPadding(1)])
        ).validated()
        #expect(try LayerAnalysis(.convolution(wide)).structuralRank == 25)
    }

    @Test(
        "DFT rule equals the Jacobi SVD, and the power iteration its largest value, on random circular layers",
        arguments: 0..<16)
    func dftAgainstSVD(seed: Int) throws {
        var random = RandomLayers(seed: UInt64(1000 + seed))
        let rank = random.int(1...2)
        let k = [1, 3, 5][random.int(0...2)]
        let d = k == 1 ? 1 : random.int(1...2)
        let pad = d * (k - 1) / 2
        // Circular padding wraps at most once: every axis at least as long as the padding.
        let n = (0..<rank).map { _ in random.int(max(3, pad)...6) }
        let channels = random.int(1...2)
        let out = random.int(1...3)
        let conv = try ConvolutionSpec(
            inputSize: n, kernelSize: [Int](repeating: k, count: rank),
            padding: .explicit([AxisPadding(pad)]), dilation: [d], inChannels: channels,
            outChannels: out, paddingMode: .circular
        ).validated()
        #expect(CircularSpectrum.applies(to: conv))
        let values = random.values(conv.kernelLayout)
        let a = try LayerAnalysis(.convolution(conv), options: .init(kernelValues: values))
        let svd = try #require(a.singularValues)
        let dft = try #require(a.dftSingularValues)
        #expect(svd.count == dft.count)
        #expect((a.spectrumDisagreement ?? 1) < 1e-10)
        #expect(a.structure.contains(rank == 1 ? .circulant : .doublyBlockCirculant))
        let norm = try #require(a.operatorNorm)
        #expect(abs(norm.value - (svd.first ?? 0)) <= 1e-6 * max(svd.first ?? 1, 1))
    }

    @Test(
        "power iteration agrees with the SVD on random zero-padded and transposed layers",
        arguments: 0..<16)
    func powerIteration(seed: Int) throws {
        var random = RandomLayers(seed: UInt64(2000 + seed))
        let input = (0..<random.int(1...2)).map { _ in random.int(3...7) }
        let channels = random.int(1...2)
        var layers: [Layer] = []
        if let c = random.convolution(input: input, channels: channels) {
            layers.append(.convolution(c))
        }
        if let t = random.transposed(input: input, channels: channels) {
            layers.append(.transposed(t))
        }
        for layer in layers {
            let values = random.values(layer.kernelLayout)
            let a = try LayerAnalysis(layer, options: .init(kernelValues: values))
            let top = try #require(a.singularValues?.first)
            let norm = try #require(a.operatorNorm?.value)
            #expect(abs(norm - top) <= 1e-6 * max(top, 1), "\(layer)")
            #expect(a.valueRank.map { $0.value <= a.structuralRank } ?? true)
        }
    }

    @Test(
        "numbers to significant digits",
        arguments: [
            (3.14159265, 6, "3.14159"), (74.40047612, 6, "74.4005"),
            (0.000123456789, 6, "0.000123457"),
            (123456789.0, 6, "1.23457e+08"), (100, 6, "100"), (-2.5, 3, "-2.5"), (0.0, 6, "0"),
            (9.9999996, 6, "10"),
        ])
    func significant(_ c: (Double, Int, String)) {
        #expect(SignificantDigits.format(c.0, digits: c.1) == c.2)
    }
}
