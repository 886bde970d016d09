import ConvMatrixCore
import ConvMatrixLayerFlags

/// Everything the explorer page draws about one layer, computed by the library: the matrix,
/// the sizes, the output-size arithmetic per axis, and for a transposed layer the output sizes
/// that give back the same input and the overlap count of every output.
public struct ExplorerModel: Sendable {
    /// The layer.
    public let layer: ExplorerLayer
    /// Its matrix in the column convention: row = output, column = input (U, or T for a
    /// transposed layer), entries `(column, tap)` per row; a sum of taps is several entries.
    public let matrix: TapMatrix
    /// The arithmetic of each spatial axis.
    public let axes: [ExplorerAxis]
    /// For every output (flat index), the number of `(input, tap)` products it sums: the
    /// overlap count of a transposed layer (its checkerboard), the window size of a convolution
    /// (smaller where zero padding is cut off).
    public let outputTermCounts: [Int]
    /// For every input, the number of `(output, tap)` products it takes part in: the terms of
    /// its entry of `C = O·T` (for a transposed layer: of `O·T` with the layer's own T).
    public let inputTermCounts: [Int]

    /// The budget of the page: 256 MiB for U and its build (the budget of the command line is
    /// 4 GiB; a page shares the memory of a browser tab).
    public static let limits = ResourceLimits(maxMemoryBytes: 256 << 20, maxDenseCells: 50_000_000)

    /// The most inputs and outputs together the explorer keeps a count for (8 bytes each).
    public static let maxElements = 4_000_000

    /// Computes the model of `layer`.
    public init(_ layer: ExplorerLayer) throws(ExplorerError) {
        self.layer = layer
        do {
            // First the command line's own check of the layer's size, at its default budget, so
            // that a layer too large for any page gets the words and numbers `convmatrix unroll`
            // prints for it (64-bit arithmetic: the WebAssembly host's Int is 32-bit).
            try ResourceLimits.checkElements(
                layer.elementCounts, budget: ResourceLimits.defaultMemoryBytes)
            // Per input and per output the page keeps a count, an answer word and its own
            // index arrays (about 24 bytes each): counted before anything is built.
            let (inChannels, inExtents) = layer.input
            let (outChannels, outExtents) = layer.output
            let positions = CheckedArithmetic.multiply(inChannels, inExtents.count).flatMap { i in
                CheckedArithmetic.multiply(outChannels, outExtents.count).flatMap { o in
                    CheckedArithmetic.add(i, o)
                }
            }
            try ExplorerModel.limits.checkMemory(
                positions.flatMap { CheckedArithmetic.multiply($0, 24) },
                for: "the page's counts per input and output")
            matrix = try layer.matrix(limits: ExplorerModel.limits)
        } catch {
            throw ExplorerError(error)
        }
        axes = ExplorerAxis.axes(of: layer)
        // One count per output and per input, counted before they are allocated: a layer with
        // one output and 2³¹ − 1 inputs has a one-entry matrix but 16 GB of input counts.
        let elements = matrix.rowCount.addingReportingOverflow(matrix.columnCount)
        guard !elements.overflow, elements.partialValue <= ExplorerModel.maxElements else {
            throw ExplorerError(
                .input,
                "the layer has \(matrix.columnCount) inputs and \(matrix.rowCount) outputs; the explorer draws at most \(ExplorerModel.maxElements) together"
            )
        }
        var outputs = [Int](repeating: 0, count: matrix.rowCount)
        var inputs = [Int](repeating: 0, count: matrix.columnCount)
        for r in 0..<matrix.rowCount {
            outputs[r] = matrix.rowStart[r + 1] - matrix.rowStart[r]
            for e in matrix.rowStart[r]..<matrix.rowStart[r + 1] {
                inputs[Int(matrix.columns[e])] += 1
            }
        }
        outputTermCounts = outputs
        inputTermCounts = inputs
    }

    /// The model of the layer `flags` describe.
    public init(flags: ExplorerFlags) throws(ExplorerError) {
        try self.init(try flags.layer())
    }
}

/// The output-size arithmetic of one spatial axis, with its numbers.
public struct ExplorerAxis: Hashable, Sendable {
    /// Input positions (the layer's own input).
    public let inputSize: Int
    /// Kernel taps.
    public let kernelSize: Int
    /// Stride.
    public let stride: Int
    /// Dilation.
    public let dilation: Int
    /// Padding before and after (resolved from a word when one was given).
    public let padding: AxisPadding
    /// Output padding (transposed layers; 0 otherwise).
    public let outputPadding: Int
    /// Output positions.
    public let outputSize: Int
    /// For a transposed layer, the output sizes whose forward convolution gives back this
    /// layer's input size, each with the output padding that selects it (empty for a
    /// convolution): `n = (m − 1)·s − p_b − p_a + d·(k − 1) + a + 1` for every allowed `a`
    /// (`a < s` or `a < d`) with `⌊(n + p_b + p_a − d·(k − 1) − 1)/s⌋ + 1 = m`.
    public let sameInputSizes: [SameInputSize]

    static func axes(of layer: ExplorerLayer) -> [ExplorerAxis] {
        switch layer {
        case .forward(let conv):
            return conv.axes.map { axis in
                ExplorerAxis(
                    inputSize: axis.inputSize, kernelSize: axis.kernelSize, stride: axis.stride,
                    dilation: axis.dilation, padding: axis.padding, outputPadding: 0,
                    outputSize: axis.outputSize, sameInputSizes: [])
            }
        case .transposed(let layer):
            return layer.axes.map { axis in
                var sizes: [SameInputSize] = []
                for a in 0..<max(axis.stride, axis.dilation) {
                    let n = OutputSize.transposed(
                        input: axis.inputSize, kernel: axis.kernelSize, stride: axis.stride,
                        padding: axis.padding, dilation: axis.dilation, outputPadding: a)
                    guard n >= 1 else { continue }
                    let back = OutputSize.convolution(
                        input: n, kernel: axis.kernelSize, stride: axis.stride,
                        padding: axis.padding, dilation: axis.dilation)
                    if back == axis.inputSize {
                        sizes.append(SameInputSize(outputSize: n, outputPadding: a))
                    }
                }
                return ExplorerAxis(
                    inputSize: axis.inputSize, kernelSize: axis.kernelSize, stride: axis.stride,
                    dilation: axis.dilation, padding: axis.padding,
                    outputPadding: axis.outputPadding, outputSize: axis.outputSize,
                    sameInputSizes: sizes)
            }
        }
    }
}

/// An output size of a transposed layer that gives back its input size, and the output padding
/// that selects it.
public struct SameInputSize: Hashable, Sendable {
    /// The output positions `n`.
    public let outputSize: Int
    /// The output padding `a` that gives `n`.
    public let outputPadding: Int
}
