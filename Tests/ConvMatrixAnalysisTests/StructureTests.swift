import ConvMatrix
import ConvMatrixAnalysis
import Testing

/// Structures are named only when every entry has them.
@Suite("Structure")
struct StructureTests {
    static func structure(_ spec: ConvolutionSpec) throws -> [MatrixStructure] {
        let conv = try spec.validated()
        return MatrixStructure.detect(layer: .convolution(conv), matrix: try conv.unrolled())
    }

    @Test("which structures each layer has")
    func table() throws {
        #expect(try Self.structure(ConvolutionSpec(inputSize: [6], kernelSize: [3])) == [.toeplitz])
        #expect(
            try Self.structure(
                ConvolutionSpec(
                    inputSize: [5, 5], kernelSize: [3, 3], padding: .explicit([AxisPadding(1)])))
                == [.doublyBlockToeplitz])
        #expect(
            try Self.structure(ConvolutionSpec(inputSize: [4, 4, 4], kernelSize: [2, 2, 2]))
                == [.multilevelToeplitz])
        #expect(
            try Self.structure(
                ConvolutionSpec(inputSize: [5, 5], kernelSize: [3, 3], stride: [2]))
                == [.stridedToeplitz])
        #expect(
            try Self.structure(
                ConvolutionSpec(
                    inputSize: [5], kernelSize: [3], padding: .explicit([AxisPadding(1)]),
                    paddingMode: .circular))
                == [.toeplitz, .circulant])
        #expect(
            try Self.structure(
                ConvolutionSpec(
                    inputSize: [6, 6], kernelSize: [3, 3], padding: .explicit([AxisPadding(1)]),
                    inChannels: 4, outChannels: 2, groups: 2))
                == [.doublyBlockToeplitz, .blockDiagonalByGroups])
        // Reflect padding breaks the Toeplitz pattern at the border.
        #expect(
            try Self.structure(
                ConvolutionSpec(
                    inputSize: [6], kernelSize: [3], padding: .explicit([AxisPadding(1)]),
                    paddingMode: .reflect))
                == [])
        // A circular layer whose output is smaller than its input is not circulant.
        #expect(
            !(try Self.structure(
                ConvolutionSpec(inputSize: [6], kernelSize: [3], paddingMode: .circular)
            ).contains(.circulant)))
    }

    @Test("a transposed convolution with stride 2 is strided Toeplitz the other way")
    func transposed() throws {
        let t = try TransposedConvolutionSpec(inputSize: [4, 4], kernelSize: [4, 4], stride: [2])
            .validated()
        #expect(
            MatrixStructure.detect(layer: .transposed(t), matrix: try t.unrolled()) == [
                .stridedToeplitz
            ])
    }
}
