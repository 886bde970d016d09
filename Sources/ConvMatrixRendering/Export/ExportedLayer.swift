import ConvMatrixCore

/// A layer's geometry as plain values, for machine-readable exports (`--format json`): the
/// resolved per-axis amounts, whatever words the user typed.
public struct ExportedLayer: Hashable, Sendable {
    /// `convolution` or `transposed-convolution`.
    public let kind: String
    /// Spatial input extents.
    public let input: [Int]
    /// Spatial kernel extents.
    public let kernel: [Int]
    /// Stride per axis.
    public let stride: [Int]
    /// `(before, after)` padding per axis.
    public let padding: [AxisPadding]
    /// Dilation per axis.
    public let dilation: [Int]
    /// Output padding per axis (transposed layers only).
    public let outputPadding: [Int]?
    /// Spatial output extents.
    public let output: [Int]
    /// Input channels.
    public let inChannels: Int
    /// Output channels.
    public let outChannels: Int
    /// Groups.
    public let groups: Int
    /// Padding mode (convolutions only; a transposed layer crops).
    public let paddingMode: PaddingMode?
    /// Whether the kernel is rotated 180° (a true convolution).
    public let flip: Bool
    /// The weight tensor's shape in PyTorch's layout.
    public let weightShape: [Int]

    /// The geometry of a convolution.
    public init(_ conv: Convolution) {
        kind = "convolution"
        input = conv.axes.map(\.inputSize)
        kernel = conv.axes.map(\.kernelSize)
        stride = conv.axes.map(\.stride)
        padding = conv.axes.map(\.padding)
        dilation = conv.axes.map(\.dilation)
        outputPadding = nil
        output = conv.axes.map(\.outputSize)
        inChannels = conv.inChannels
        outChannels = conv.outChannels
        groups = conv.groups
        paddingMode = conv.paddingMode
        flip = conv.orientation == .convolution
        weightShape = conv.kernelLayout.shape
    }

    /// The geometry of a transposed convolution.
    public init(_ layer: TransposedConvolution) {
        kind = "transposed-convolution"
        input = layer.axes.map(\.inputSize)
        kernel = layer.axes.map(\.kernelSize)
        stride = layer.axes.map(\.stride)
        padding = layer.axes.map(\.padding)
        dilation = layer.axes.map(\.dilation)
        outputPadding = layer.axes.map(\.outputPadding)
        output = layer.axes.map(\.outputSize)
        inChannels = layer.inChannels
        outChannels = layer.outChannels
        groups = layer.groups
        paddingMode = nil
        flip = layer.orientation == .convolution
        weightShape = layer.kernelLayout.shape
    }
}

/// What an exported matrix is, in words and flags: written as `%` comments in Matrix Market
/// and as fields in JSON.
public struct MatrixExportHeader: Hashable, Sendable {
    /// The command that reproduces the matrix, e.g. `convmatrix unroll --input 5x5 --kernel 3x3
    /// --convention column`.
    public let command: String
    /// The matrix's name: `U`, `Uᵀ` or `T`.
    public let matrix: String
    /// `row` or `column`.
    public let convention: String
    /// The product the matrix takes part in, e.g. `y = U·x`.
    public let product: String
    /// What the rows index, e.g. `outputs (channel, then spatial row-major)`.
    public let rows: String
    /// What the columns index.
    public let columns: String
    /// The layer's geometry.
    public let layer: ExportedLayer

    /// Creates a header.
    public init(
        command: String, matrix: String, convention: String, product: String, rows: String,
        columns: String, layer: ExportedLayer
    ) {
        self.command = command
        self.matrix = matrix
        self.convention = convention
        self.product = product
        self.rows = rows
        self.columns = columns
        self.layer = layer
    }
}
