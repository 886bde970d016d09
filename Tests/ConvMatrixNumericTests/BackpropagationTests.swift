import ConvMatrixCore
import ConvMatrixNumeric
import ConvMatrixSymbols
import ConvMatrixTestSupport
import Symbolic
import Testing

/// The backward pass of the NumPy lab's example, symbolically and numerically.
@Suite struct BackpropagationTests {
    /// The NumPy lab's example: x 3×3, w 2×2, stride 1 (0-based indices here).
    let conv = try! ConvolutionSpec(inputSize: [3, 3], kernelSize: [2, 2]).validated()

    @Test func weightGradientIsTheCrossCorrelationOfTheInputWithDelta() throws {
        let u = try conv.unrolled()
        let symbols = LayerSymbols(conv, names: .xwy)
        let backward = conv.symbolicBackward(u, symbols: symbols)
        // ∂E/∂w_ab = Σ_ij δ_ij · x_{i+a, j+b}
        for a in 0..<2 {
            for b in 0..<2 {
                var expected = Expression.zero
                for i in 0..<2 {
                    for j in 0..<2 {
                        expected =
                            try expected
                            + Expression(
                                Monomial([
                                    Symbol("δ", indices: [i, j]),
                                    Symbol("x", indices: [i + a, j + b]),
                                ]))
                    }
                }
                #expect(backward.weightGradient[a * 2 + b] == expected)
            }
        }
    }

    @Test func inputGradientIsTheFullConvolutionWithTheRotatedKernel() throws {
        let u = try conv.unrolled()
        let backward = conv.symbolicBackward(u, symbols: LayerSymbols(conv, names: .xwy))
        // ∂E/∂x_pq = Σ_{ij} δ_ij · w_{p−i, q−j} over the windows that cover (p, q).
        for p in 0..<3 {
            for q in 0..<3 {
                var expected = Expression.zero
                for i in 0..<2 {
                    for j in 0..<2 where (0..<2).contains(p - i) && (0..<2).contains(q - j) {
                        expected =
                            try expected
                            + Expression(
                                Monomial([
                                    Symbol("δ", indices: [i, j]),
                                    Symbol("w", indices: [p - i, q - j]),
                                ]))
                    }
                }
                #expect(backward.inputGradient[p * 3 + q] == expected)
            }
        }
        // The NumPy lab: ∂E/∂x₂₂ (1-based) = δ₁₁w₂₂ + δ₁₂w₂₁ + δ₂₁w₁₂ + δ₂₂w₁₁.
        #expect(backward.inputGradient[4].terms.count == 4)
    }

    @Test func symbolicImToColHasInputsAsEntries() throws {
        let u = try conv.unrolled()
        let m = conv.symbolicWeightMatrix(u, symbols: LayerSymbols(conv, names: .xwy))
        #expect(m.rowCount == 4 && m.columnCount == 4)
        // Row of output (0, 1): x₀₁ x₀₂ x₁₁ x₁₂, one per weight.
        #expect(
            m.nonZeroEntries(inRow: 1).map(\.value)
                == [[0, 1], [0, 2], [1, 1], [1, 2]].map {
                    Expression(Symbol("x", indices: $0))
                })
    }

    @Test func stridedInputGradientIsTheFullConvolutionOfTheZeroInsertedDelta() throws {
        // 1-D, n = 7, k = 3, s = 2: δ of length 3 spread to δ₀ 0 δ₁ 0 δ₂, full-convolved with k.
        let strided = try ConvolutionSpec(inputSize: [7], kernelSize: [3], stride: [2]).validated()
        let kernel: [Double] = [1, -2, 3]
        let delta: [Double] = [0.5, -1, 2]
        let gradient = try strided.inputGradient(
            try strided.unrolled(), delta: delta, kernel: kernel)
        let spread: [Double] = [0.5, 0, -1, 0, 2]
        let full = try ConvolutionSpec(
            inputSize: [5], kernelSize: [3], padding: .full, orientation: .convolution
        ).validated()
        let expected = try full.apply(
            to: try #require(Tensor(channels: 1, extents: full.inputExtents, values: spread)),
            kernel: kernel)
        #expect(gradient == expected.values)
    }

    @Test(arguments: 0..<40)
    func backwardPassMatchesFiniteDifferencesOnRandomLayers(_ seed: Int) throws {
        var rng = SeededGenerator(seed: UInt64(seed) + 1000)
        let conv = RandomSpecs.convolution(using: &rng)
        var values = SplitMix64(seed: UInt64(seed))
        let check = NumericCheckValues(
            kernel: KernelValues(randomFor: conv.kernelLayout, using: &values),
            input: TensorValues(
                randomFor: conv.inChannels, extents: conv.inputExtents, using: &values),
            output: TensorValues(
                randomFor: conv.outChannels, extents: conv.outputExtents, using: &values),
            delta: TensorValues(
                randomFor: conv.outChannels, extents: conv.outputExtents, using: &values))
        let report = try conv.numericCheck(check, exact: false)
        #expect(report.passed, "\(conv.spec): \(report.lines.filter { !$0.passed })")
        let exact = try conv.numericCheck(check, exact: true)
        #expect(exact.passed, "\(conv.spec): \(exact.lines.filter { !$0.passed })")
    }
}
