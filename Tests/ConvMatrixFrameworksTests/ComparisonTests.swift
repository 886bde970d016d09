import ConvMatrixCore
import Testing

@testable import ConvMatrixFrameworks

/// The comparison catches a wrong translation: the check is not a formality.
@Suite("Matrix comparison")
struct ComparisonTests {
    /// Keras's `same` with `output_padding=1` is not PyTorch's `padding=1, output_padding=1`
    /// (keras-core#774): same size, different matrix.
    @Test func aWrongTranslationDiffers() throws {
        let keras = KerasLayer(
            direction: .transposed, strides: [2], padding: .same, outputPadding: [1])
        let geometry = try keras.geometry(input: [4], kernel: [3])
        let matrix = try geometry.unrolled()
        let naive = FrameworkLayer.pytorch(
            PyTorchLayer(
                direction: .transposed, stride: [2], padding: .amounts([1]), outputPadding: [1]))
        let check = try FrameworkComparison.check(
            naive, .none(rank: 1), against: matrix, geometry, limits: .default)
        guard case .differs(.entry) = check else {
            Issue.record("expected an entry difference, got \(check)")
            return
        }
        // The right one: padding 0 and a crop of one output at the end.
        let right = FrameworkLayer.pytorch(
            PyTorchLayer(
                direction: .transposed, stride: [2], padding: .amounts([0]), outputPadding: [0]))
        let extras = ExtraOperations(
            prePad: [AxisPadding(0)], postCrop: [AxisPadding(before: 0, after: 1)])
        #expect(
            try FrameworkComparison.check(
                right, extras, against: matrix, geometry, limits: .default
            ).holds)
    }

    /// JAX's default `transpose_kernel=False` reverses the taps: without the flip the matrices
    /// differ, with it they agree (jax#14337).
    @Test func theKernelFlipMatters() throws {
        let jax = JAXLayer(direction: .transposed, strides: [2], padding: .same)
        let geometry = try jax.geometry(input: [3], kernel: [3])
        #expect(geometry.kernelFlipped)
        let matrix = try geometry.unrolled()
        guard
            case .expressed(let torch, var extras) = FrameworkTranslation.translating(
                geometry, to: .pytorch)
        else {
            Issue.record("PyTorch has no translation")
            return
        }
        #expect(extras.flipKernel)
        #expect(
            try FrameworkComparison.check(
                torch, extras, against: matrix, geometry, limits: .default
            ).holds)
        extras.flipKernel = false
        #expect(
            !(try FrameworkComparison.check(
                torch, extras, against: matrix, geometry, limits: .default
            ).holds))
    }

    /// The issue's rule list, by name: each framework's output sizes for the same small layers.
    @Test(
        arguments: [
            // (framework layer, input, kernel, expected output, expected crop before)
            (
                FrameworkLayer.pytorch(
                    PyTorchLayer(
                        direction: .transposed, stride: [2], padding: .amounts([1]),
                        outputPadding: [1])), 3, 3, 6, 1
            ),
            (
                .tensorflow(
                    TensorFlowLayer(
                        direction: .transposed, strides: [2], padding: .same, outputShape: [6])), 3,
                3, 6, 0
            ),
            (
                .tensorflow(TensorFlowLayer(direction: .forward, strides: [2], padding: .same)), 7,
                4, 4, 1
            ),
            (.keras(KerasLayer(direction: .transposed, strides: [2], padding: .valid)), 3, 3, 7, 0),
            (.keras(KerasLayer(direction: .transposed, strides: [3], padding: .valid)), 3, 2, 9, 0),
            (.keras(KerasLayer(direction: .transposed, strides: [2], padding: .same)), 3, 3, 6, 0),
            (
                .keras(
                    KerasLayer(
                        direction: .transposed, strides: [2], padding: .same, outputPadding: [1])),
                3, 3, 6, 0
            ),
            (
                .keras(
                    KerasLayer(
                        direction: .transposed, strides: [2], padding: .same, outputPadding: [0])),
                3, 4, 4, 2
            ),
            (
                .jax(
                    JAXLayer(
                        direction: .transposed, strides: [2], padding: .same, transposeKernel: true)
                ), 3, 3, 6, 0
            ),
            (
                .jax(
                    JAXLayer(
                        direction: .transposed, strides: [2], padding: .valid, transposeKernel: true
                    )), 3, 3, 7, 0
            ),
            (
                .jax(
                    JAXLayer(
                        direction: .transposed, strides: [2], padding: .pairs([AxisPadding(0)]),
                        transposeKernel: true)), 3, 3, 3, 2
            ),
            (
                .jax(
                    JAXLayer(
                        direction: .transposed, strides: [2],
                        padding: .pairs([AxisPadding(before: 1, after: 2)]),
                        useConsistentPadding: true)), 3, 3, 4, 1
            ),
            (
                .onnx(ONNXLayer(direction: .transposed, strides: [2], autoPad: .sameUpper)), 3, 3,
                6, 0
            ),
            (
                .onnx(ONNXLayer(direction: .transposed, strides: [2], autoPad: .sameLower)), 3, 3,
                6, 1
            ),
            (.onnx(ONNXLayer(direction: .forward, strides: [2], autoPad: .sameLower)), 6, 2, 3, 0),
            (.onnx(ONNXLayer(direction: .forward, strides: [1], autoPad: .sameLower)), 6, 2, 6, 1),
            (.onnx(ONNXLayer(direction: .forward, strides: [1], autoPad: .sameUpper)), 6, 2, 6, 0),
        ])
    func ruleTable(_ item: (FrameworkLayer, Int, Int, Int, Int)) throws {
        let geometry = try item.0.geometry(input: [item.1], kernel: [item.2])
        #expect(geometry.outputSize == [item.3], "\(item.0)")
        #expect(geometry.axes[0].offset == item.4, "\(item.0)")
    }
}
