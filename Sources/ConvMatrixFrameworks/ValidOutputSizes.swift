import ConvMatrixCore

/// The output sizes a transposed layer can have while staying the transpose of the same
/// convolution: every size `o` that the forward convolution (same kernel, stride, dilation and
/// padding before) maps back to the layer's input size `m`.
///
/// With the padding before fixed at `c`, the forward convolution of `o` inputs padded by `c`
/// before and `q` after has `⌊(o + c + q − k_e)/s⌋ + 1` outputs, which is `m` for exactly `s`
/// consecutive sizes `o = (m − 1)s + k_e − c − q + a`, `a = 0 … s − 1`: PyTorch's
/// `output_padding` (pytorch#56328 asks why it must be below the stride: a larger `a` would
/// leave this window). The window used is PyTorch's (`q = c`) for a layer PyTorch writes exactly
/// (with an output padding ≥ s, which PyTorch allows below the dilation, the layer's own size is
/// outside: that layer is not the transpose of a convolution with this input size), and for
/// others the window moved by whole strides to hold the layer's own size. Each size is translated into every framework, so that the
/// parameter selecting it (PyTorch's and Keras's `output_padding`, TensorFlow's `output_shape`,
/// ONNX's `output_padding`) can be read off.
public struct ValidOutputSizes: Sendable {
    /// One size of one axis.
    public struct Size: Sendable {
        /// The output size on this axis (the other axes keep theirs).
        public let outputSize: Int
        /// `a`, its position in the window (PyTorch's `output_padding` when the padding is
        /// symmetric).
        public let index: Int
        /// Whether it is the layer's own size.
        public let isCurrent: Bool
        /// The layer with this size, in every framework.
        public let translations: [(framework: Framework, translation: FrameworkTranslation)]
    }

    /// The sizes of each axis, outermost axis first: all `s` of them, or with a stride above
    /// ``maxListed`` the first and last `maxListed / 2` (see ``sizeCounts``).
    public let axes: [[Size]]
    /// How many valid sizes each axis has (its stride, less any below 1).
    public let sizeCounts: [Int]

    /// The most sizes listed per axis (each is translated into every framework).
    public static let maxListed = 8

    /// The valid sizes of `layer`, a transposed layer. Empty for a forward layer, or one too
    /// large for the rules' arithmetic.
    public init(_ layer: FrameworkGeometry) {
        let spans = try? ParameterCheck.spans(
            input: layer.inputSize, kernel: layer.kernelSize, stride: layer.stride,
            dilation: layer.dilation)
        guard layer.direction == .transposed, spans != nil else {
            axes = []
            sizeCounts = []
            return
        }
        var counts: [Int] = []
        axes = layer.axes.indices.map { t in
            let axis = layer.axes[t]
            let s = axis.stride
            let base = axis.fullScatter - 2 * axis.offset
            // PyTorch's own window when PyTorch writes the layer exactly (its size may then lie
            // outside it: an output padding ≥ s, allowed below the dilation); otherwise the
            // window moved by whole strides to hold the layer's size.
            let exact = FrameworkTranslation.translating(layer, to: .pytorch).isExact
            let shift =
                exact
                ? 0
                : (axis.outputSize - base) >= 0
                    ? (axis.outputSize - base) / s : -((base - axis.outputSize + s - 1) / s)
            let first = base + shift * s
            let valid = min(max(0, 1 - first), s)..<s
            counts.append(valid.count)
            let half = ValidOutputSizes.maxListed / 2
            let listed =
                valid.count <= ValidOutputSizes.maxListed
                ? Array(valid)
                : Array(valid.prefix(half)) + Array(valid.suffix(half))
            return listed.compactMap { a -> Size? in
                let o = first + a
                guard o >= 1 else { return nil }
                var axes = layer.axes
                axes[t] = FrameworkAxis(
                    .transposed, inputSize: axis.inputSize, kernelSize: axis.kernelSize,
                    stride: s, dilation: axis.dilation, offset: axis.offset, outputSize: o)
                let variant = FrameworkGeometry(
                    direction: .transposed, axes: axes, kernelFlipped: layer.kernelFlipped)
                return Size(
                    outputSize: o, index: a, isCurrent: o == axis.outputSize,
                    translations: Framework.allCases.map {
                        ($0, FrameworkTranslation.translating(variant, to: $0))
                    })
            }
        }
        sizeCounts = counts
    }
}

extension FrameworkGeometry {
    /// The axes of a ConvMatrix convolution (zeros padding; other modes are not a framework's
    /// padding and are treated as zeros).
    public init(_ convolution: Convolution) {
        self.init(
            .forward, convolution.axes, kernelFlipped: convolution.orientation == .convolution)
    }

    /// The axes of a ConvMatrix transposed convolution.
    public init(_ transposed: TransposedConvolution) {
        self.init(
            .transposed, transposed.axes, kernelFlipped: transposed.orientation == .convolution)
    }

    /// The axes of a ConvMatrix layer, forward or transposed: the offset is the padding before.
    private init(
        _ direction: FrameworkDirection, _ axes: [some CoreLayerAxis], kernelFlipped: Bool
    ) {
        self.init(
            direction: direction,
            axes: axes.map {
                FrameworkAxis(
                    direction, inputSize: $0.inputSize, kernelSize: $0.kernelSize,
                    stride: $0.stride, dilation: $0.dilation, offset: $0.padding.before,
                    outputSize: $0.outputSize)
            },
            kernelFlipped: kernelFlipped)
    }

    /// The transposed layer of this forward layer's matrix transposed: input the outputs,
    /// output the inputs, the same offset.
    public var transposedCounterpart: FrameworkGeometry {
        FrameworkGeometry(
            direction: direction == .forward ? .transposed : .forward,
            axes: axes.map {
                FrameworkAxis(
                    direction == .forward ? .transposed : .forward, inputSize: $0.outputSize,
                    kernelSize: $0.kernelSize, stride: $0.stride, dilation: $0.dilation,
                    offset: $0.offset, outputSize: $0.inputSize)
            },
            kernelFlipped: kernelFlipped)
    }
}

/// The fields a framework reads from an axis of a ConvMatrix convolution or transposed
/// convolution (``ConvolutionAxis``, ``TransposedConvolutionAxis``), which name them alike.
protocol CoreLayerAxis {
    /// Positions of the layer's input on this axis.
    var inputSize: Int { get }
    /// Kernel taps on this axis.
    var kernelSize: Int { get }
    /// The stride.
    var stride: Int { get }
    /// The dilation.
    var dilation: Int { get }
    /// The padding before and after.
    var padding: AxisPadding { get }
    /// Positions of the layer's output on this axis.
    var outputSize: Int { get }
}

extension ConvolutionAxis: CoreLayerAxis {}
extension TransposedConvolutionAxis: CoreLayerAxis {}
