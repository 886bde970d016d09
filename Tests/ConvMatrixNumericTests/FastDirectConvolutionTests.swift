import ConvMatrixTestSupport
import Testing

@testable import ConvMatrixCore
@testable import ConvMatrixNumeric

/// The fast Double convolution computes what the definition computes.
@Suite("Fast direct convolution")
struct FastDirectConvolutionTests {
    @Test(
        "equals the plain definition on hundreds of random layers (every mode, flip, groups, 1-D to 3-D)"
    )
    func matchesDefinition() throws {
        var rng = SeededGenerator(seed: 1234)
        for _ in 0..<300 {
            let conv = RandomSpecs.convolution(using: &rng)
            let input = (0..<conv.inputCount).map { _ in
                Double(Int.random(in: -4...4, using: &rng)) / 2
            }
            let kernel = (0..<conv.weightCount).map { _ in
                Double(Int.random(in: -4...4, using: &rng)) / 4
            }
            let reference = try conv.apply(
                to: Tensor(channels: conv.inChannels, extents: conv.inputExtents, values: input)!,
                kernel: kernel)
            let fast = try conv.applyFast(input: input, kernel: kernel)
            // Dyadic values: every partial sum is exact, so the orders agree exactly.
            #expect(fast == reference.values, "\(conv.spec)")
        }
    }

    @Test("refuses inputs and kernels of the wrong size")
    func shapes() throws {
        let conv = try ConvolutionSpec.input5x5Kernel3x3Stride2.validated()
        #expect(throws: NumericError.self) {
            try conv.applyFast(input: [1, 2], kernel: Array(repeating: 1, count: 9))
        }
        #expect(throws: NumericError.self) {
            try conv.applyFast(input: Array(repeating: 1, count: 25), kernel: [1])
        }
    }
}

/// The Double sparse products agree with the generic ones.
@Suite("Fast sparse products")
struct FastSparseProductTests {
    @Test("U·x and Uᵀ·y in Double equal the generic products (dyadic values: exact)")
    func matchGeneric() throws {
        var rng = SeededGenerator(seed: 9)
        for _ in 0..<100 {
            let conv = RandomSpecs.convolution(using: &rng)
            let u = try conv.unrolled()
            let x = (0..<u.columnCount).map { _ in Double(Int.random(in: -8...8, using: &rng)) / 4 }
            let y = (0..<u.rowCount).map { _ in Double(Int.random(in: -8...8, using: &rng)) / 4 }
            let k = (0..<u.tapCount).map { _ in Double(Int.random(in: -8...8, using: &rng)) / 2 }
            let generic = GenericProducts(matrix: u)
            #expect(try u.product(x, tapValues: k) == generic.product(x, k))
            #expect(try u.transposedProduct(y, tapValues: k) == generic.transposedProduct(y, k))
        }
    }
}

/// Calls the generic (NumericScalar) products, which the Double overloads shadow at a
/// concrete call site.
struct GenericProducts {
    let matrix: TapMatrix

    func product<Scalar: NumericScalar>(_ x: [Scalar], _ k: [Scalar]) throws -> [Scalar] {
        try matrix.product(x, tapValues: k)
    }

    func transposedProduct<Scalar: NumericScalar>(_ y: [Scalar], _ k: [Scalar]) throws -> [Scalar] {
        try matrix.transposedProduct(y, tapValues: k)
    }
}
