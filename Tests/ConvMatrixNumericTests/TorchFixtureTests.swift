import ConvMatrixCore
import ConvMatrixNumeric
import Symbolic
import Testing

/// Every PyTorch fixture: the direct (transposed) convolution reproduces PyTorch's output, U (or
/// T) evaluated at the weights is PyTorch's Jacobian, and the exact path agrees on integers.
@Suite struct TorchFixtureTests {
    @Test func theFixturesAreThere() {
        #expect(TorchFixtures.cases.count == 287)
    }

    @Test(arguments: TorchFixtures.cases)
    func directComputationMatchesPyTorch(_ fixture: TorchCase) throws {
        let output: [Double]
        let matrix: TapMatrix
        if fixture.kind == "conv" {
            let conv = try fixture.convolution()
            let x = try #require(
                Tensor(channels: conv.inChannels, extents: conv.inputExtents, values: fixture.input)
            )
            output = try conv.apply(to: x, kernel: fixture.weight).values
            matrix = try conv.unrolled()
        } else {
            let layer = try fixture.transposedConvolution()
            let x = try #require(
                Tensor(
                    channels: layer.inChannels, extents: layer.inputExtents, values: fixture.input))
            output = try layer.apply(to: x, kernel: fixture.weight).values
            matrix = try layer.unrolled()
        }
        #expect(output.count == fixture.output.count)
        #expect(maxDifference(output, fixture.output) <= 1e-12)

        let u = try matrix.evaluated(tapValues: fixture.weight).dense
        #expect(u.count == fixture.jacobian.rows)
        #expect(u.first?.count ?? fixture.jacobian.cols == fixture.jacobian.cols)
        #expect(maxDifference(u.flatMap { $0 }, fixture.denseJacobian.flatMap { $0 }) <= 1e-12)
        #expect(
            maxDifference(
                try matrix.product(fixture.input, tapValues: fixture.weight), fixture.output)
                <= 1e-12)
    }

    @Test(arguments: TorchFixtures.cases.filter { $0.values == "int" })
    func exactArithmeticAgreesOnIntegerCases(_ fixture: TorchCase) throws {
        let weight = fixture.weight.map { Rational(Int($0)) }
        let input = fixture.input.map { Rational(Int($0)) }
        let output: [Rational]
        if fixture.kind == "conv" {
            let conv = try fixture.convolution()
            let x = try #require(
                Tensor(channels: conv.inChannels, extents: conv.inputExtents, values: input))
            output = try conv.apply(to: x, kernel: weight).values
            #expect(try conv.unrolled().product(input, tapValues: weight) == output)
        } else {
            let layer = try fixture.transposedConvolution()
            let x = try #require(
                Tensor(channels: layer.inChannels, extents: layer.inputExtents, values: input))
            output = try layer.apply(to: x, kernel: weight).values
            #expect(try layer.unrolled().product(input, tapValues: weight) == output)
        }
        #expect(output.map(\.doubleValue) == fixture.output)
    }
}

/// `max |aᵢ − bᵢ|`, or infinity when the lengths differ.
func maxDifference(_ a: [Double], _ b: [Double]) -> Double {
    guard a.count == b.count else { return .infinity }
    return zip(a, b).reduce(0) { max($0, abs($1.0 - $1.1)) }
}
