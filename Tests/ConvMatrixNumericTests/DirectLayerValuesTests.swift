import ConvMatrixTestSupport
import Symbolic
import Testing

@testable import ConvMatrixCore
@testable import ConvMatrixNumeric
@testable import ConvMatrixSymbols

/// Numbers from the definition equal numbers through U; exact dyadic values through doubles
/// equal checked rational arithmetic; one-row sums and single gradient entries equal the whole
/// symbolic results at the same places.
@Suite("Layers with values, without U")
struct DirectLayerValuesTests {
    /// Random dyadic values (as `random` draws them), or one-third-step values that are not
    /// dyadic, for every input of a layer.
    static func values(_ count: Int, dyadic: Bool, using rng: inout SplitMix64) -> [NumericValue] {
        (0..<count).map { _ in
            dyadic
                ? rng.nextDyadic()
                : NumericValue((try? Rational(Int(rng.next() % 7) - 3, 3)) ?? .zero)
        }
    }

    @Test("evaluateDirect equals evaluate through U, both directions, exact and not dyadic")
    func evaluate() throws {
        var specs = SeededGenerator(seed: 53)
        var rng = SplitMix64(seed: 5)
        for round in 0..<120 {
            let conv = RandomSpecs.convolution(using: &specs)
            let u = try conv.unrolled()
            let dyadic = round % 3 != 0
            for direction in [LayerDirection.forward, .transposed] {
                let inputs = direction == .forward ? conv.inputCount : conv.outputCount
                let channels = direction == .forward ? conv.outChannels : conv.inChannels
                let values = LayerValues(
                    input: Self.values(inputs, dyadic: dyadic, using: &rng),
                    kernel: Self.values(conv.weightCount, dyadic: dyadic, using: &rng),
                    bias: Self.values(channels, dyadic: dyadic, using: &rng))
                let expected = try conv.evaluate(u, values: values, direction: direction)
                #expect(try conv.evaluateDirect(values: values, direction: direction) == expected)
                #expect(expected.isExact)
            }
        }
    }

    @Test("backwardDirect equals backward through U, for the layer and its transposed layer")
    func backward() throws {
        var specs = SeededGenerator(seed: 59)
        var rng = SplitMix64(seed: 7)
        for round in 0..<120 {
            let conv = RandomSpecs.convolution(using: &specs)
            let u = try conv.unrolled()
            let dyadic = round % 3 != 0
            for direction in [LayerDirection.forward, .transposed] {
                let (inputs, outputs) =
                    direction == .forward
                    ? (conv.inputCount, conv.outputCount) : (conv.outputCount, conv.inputCount)
                let values = LayerValues(
                    input: Self.values(inputs, dyadic: dyadic, using: &rng),
                    kernel: Self.values(conv.weightCount, dyadic: dyadic, using: &rng),
                    delta: Self.values(outputs, dyadic: dyadic, using: &rng))
                let expected = try conv.backward(u, values: values, direction: direction)
                let direct = try conv.backwardDirect(values: values, direction: direction)
                #expect(direct.input == expected.input)
                #expect(direct.kernel == expected.kernel)
                #expect(direct.bias == expected.bias)
            }
        }
    }

    @Test("dyadic values too large for doubles are not computed in doubles")
    func dyadicBound() throws {
        let big = NumericValue(Rational(1 << 40))
        let small = try NumericValue(Rational(1, 1 << 20))
        #expect(DyadicArithmetic.exponent(terms: 9, (0, 0x1p40), (20, 0x1p-20)) == 20)
        #expect(DyadicArithmetic.exponent(terms: 2, (20, 0x1p40), (20, 0x1p40)) == nil)
        #expect(DyadicArithmetic.exponent(terms: 1, (30, 1), (30, 1)) == nil)
        let conv = try ConvolutionSpec(inputSize: [3], kernelSize: [2]).validated()
        let values = LayerValues(input: [big, big, small], kernel: [big, small])
        let direct = try conv.evaluateDirect(values: values)
        // 2⁸⁰ overflows 64-bit fractions too: both answer in doubles, alike.
        #expect(direct == (try conv.evaluate(try conv.unrolled(), values: values)))
    }

    @Test("one row's sums and single gradient entries equal the whole symbolic results")
    func symbolicEntries() throws {
        var specs = SeededGenerator(seed: 61)
        for _ in 0..<100 {
            let conv = RandomSpecs.convolution(using: &specs)
            let u = try conv.unrolled()
            let symbols = LayerSymbols(conv)
            let layer = Layer.convolution(conv)
            let rows = Array(0..<conv.outputCount)
            let columns = Array(0..<conv.inputCount)
            #expect(
                Layer.productSums(
                    try layer.matrixRows(rows), left: { symbols.input($0) },
                    kernel: { symbols.kernel($0) }) == conv.symbolicOutput(u, symbols: symbols))
            #expect(
                Layer.productSums(
                    try layer.matrixColumns(columns), left: { symbols.output($0) },
                    kernel: { symbols.kernel($0) })
                    == conv.symbolicTransposedOutput(u, symbols: symbols))
            for transposed in [false, true] {
                let whole = LayerGradientSymbols(
                    conv, u: u, symbols: symbols, transposed: transposed, deltaName: "δ")
                let entries = LayerGradientSymbols.Entries(
                    conv, symbols: symbols, transposed: transposed, deltaName: "δ")
                let inputs = transposed ? rows : columns
                #expect(try entries.input(at: inputs, limits: .default) == whole.input)
                #expect(entries.kernel(at: Array(0..<conv.weightCount)) == whole.kernel)
                #expect(entries.bias(at: Array(0..<whole.bias.count)) == whole.bias)
            }
        }
    }
}
