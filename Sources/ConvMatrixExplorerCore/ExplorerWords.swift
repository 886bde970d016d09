/// The first word of every answer.
public enum ExplorerStatus: Int32, CaseIterable, Sendable {
    /// An error line follows (``ExplorerErrorWord``).
    case error = 0
    /// A layer follows (``ExplorerLayerWord``).
    case layer = 1
}

/// The words that open an error answer, at the offsets of their raw values; the UTF-8 bytes of
/// the line follow, four to a word.
public enum ExplorerErrorWord: Int, CaseIterable, Sendable {
    /// ``ExplorerStatus/error``.
    case status
    /// The byte length of the line.
    case byteCount
}

/// The words that open a layer's answer, at the offsets of their raw values. The page's
/// `LAYER_WORDS` is generated from this declaration.
public enum ExplorerLayerWord: Int, CaseIterable, Sendable {
    /// ``ExplorerStatus/layer``.
    case status
    /// The number of words of the whole answer.
    case total
    /// 0 for a convolution, 1 for a transposed convolution.
    case kind
    /// The number of spatial axes.
    case rank
    /// Input channels (the layer's own).
    case inChannels
    /// Output channels (the layer's own).
    case outChannels
    /// Groups.
    case groups
    /// The padding mode's position in `PaddingMode.allCases` (0 for a transposed layer).
    case paddingMode
    /// 0 cross-correlation, 1 true convolution (the kernel rotated).
    case orientation
    /// The weight's first channel axis (`M`, or `C_in` for a transposed layer).
    case outerChannels
    /// The weight's second channel axis (`C/g`, or `C_out/g`).
    case innerChannels
    /// Rows of the matrix (outputs).
    case rows
    /// Columns of the matrix (inputs).
    case columns
    /// Taps (weights).
    case taps
    /// Stored entries `E` of the matrix.
    case stored
}

/// The words of one spatial axis, at offsets of their raw values from the axis's first word;
/// ``sameInputSizeCount`` pairs (output size, output padding) follow them.
public enum ExplorerAxisWord: Int, CaseIterable, Sendable {
    /// Input positions (the layer's own input).
    case inputSize
    /// Kernel taps.
    case kernelSize
    /// Stride.
    case stride
    /// Dilation.
    case dilation
    /// Padding before.
    case paddingBefore
    /// Padding after.
    case paddingAfter
    /// Output padding (transposed layers).
    case outputPadding
    /// Output positions.
    case outputSize
    /// The number of (output size, output padding) pairs that follow.
    case sameInputSizeCount
}
