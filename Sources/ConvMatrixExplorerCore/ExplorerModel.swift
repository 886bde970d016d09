import ConvMatrixCore
import ConvMatrixLayerFlags

/// Everything the explorer page draws about one layer, computed by the library: the matrix,
/// the sizes, the output-size arithmetic per axis, and for a transposed layer the output sizes
/// that give back the same input and the overlap count of every output.
public struct ExplorerModel: Sendable {
    /// The layer.
    public let layer: Layer
    /// Its matrix in the column convention: row = output, column = input (U, or T for a
    /// transposed layer), entries `(column, tap)` per row; a sum of taps is several entries.
    public let matrix: TapMatrix
    /// The arithmetic of each spatial axis.
    public let axes: [LayerAxis]
    /// Per axis, the output sizes of a transposed layer that give back its input size
    /// (``ConvMatrixCore/Layer/sameInputSizes``); empty lists for a convolution.
    public let sameInputSizes: [[SameInputSize]]
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
    public init(_ layer: Layer) throws(ExplorerError) {
        self.layer = layer
        do {
            // First the command line's own check of the layer's size, at its default budget, so
            // that a layer too large for any page gets the words and numbers `convmatrix unroll`
            // prints for it (64-bit arithmetic: the WebAssembly host's Int is 32-bit).
            try ResourceLimits.checkElements(
                layer.elementCounts, budget: ResourceLimits.defaultMemoryBytes)
            // Per input and per output the page keeps a count, an answer word and its own
            // index arrays (about 24 bytes each): counted before anything is built.
            let (input, output) = (layer.inputSide, layer.outputSide)
            let inputs = CheckedArithmetic.multiply(input.channels, input.extents.count)
            let outputs = CheckedArithmetic.multiply(output.channels, output.extents.count)
            let positions = inputs.flatMap { i in outputs.flatMap { CheckedArithmetic.add(i, $0) } }
            try ExplorerModel.limits.checkMemory(
                positions.flatMap { CheckedArithmetic.multiply($0, 24) },
                for: "the page's counts per input and output")
            matrix = try layer.matrix(limits: ExplorerModel.limits)
        } catch {
            throw ExplorerError(error)
        }
        axes = layer.axes
        sameInputSizes = layer.sameInputSizes
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

/// An output size of a transposed layer that gives back its input size, and the output padding
/// that selects it.
public struct SameInputSize: Hashable, Sendable {
    /// The output positions `n`.
    public let outputSize: Int
    /// The output padding `a` that gives `n`.
    public let outputPadding: Int
}
