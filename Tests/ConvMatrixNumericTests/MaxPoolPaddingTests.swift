import ConvMatrixCore
import Testing

@testable import ConvMatrixNumeric

/// PyTorch's padding rule for max pooling: at most half the dilated kernel on each side, so that
/// no window is only padding.
@Suite("Max pooling's padding rule")
struct MaxPoolPaddingTests {
    static func pooling(kernel: Int, padding: AxisPadding, dilation: Int = 1) throws
        -> Convolution
    {
        try ConvolutionSpec(
            inputSize: [8], kernelSize: [kernel], stride: [kernel],
            padding: .explicit([padding]), dilation: [dilation]
        ).validated()
    }

    @Test(
        "half the span or less is allowed, on either side",
        arguments: [(2, 1, 1), (3, 1, 1), (4, 2, 1), (3, 2, 2), (1, 0, 1)])
    func allowed(kernel: Int, padding: Int, dilation: Int) throws {
        let conv = try Self.pooling(
            kernel: kernel, padding: AxisPadding(before: padding, after: 0), dilation: dilation)
        try MaxPoolSelection.checkPadding(conv)
    }

    @Test("more than half the span is refused with the axis, the padding and the span")
    func refused() throws {
        let conv = try Self.pooling(kernel: 3, padding: AxisPadding(before: 0, after: 2))
        #expect(throws: MaxPoolPaddingError(axis: 0, padding: 2, kernelSpan: 3)) {
            try MaxPoolSelection.checkPadding(conv)
        }
        let error = MaxPoolPaddingError(axis: 0, padding: 2, kernelSpan: 3)
        #expect(
            error.message
                == "max pooling pads at most half the kernel on each side (PyTorch's rule), got 2 for a kernel spanning 3"
        )
        #expect(!error.message.contains("--"))
    }
}
