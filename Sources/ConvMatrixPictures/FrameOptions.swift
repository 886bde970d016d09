import ConvMatrixSymbols

/// What the frame pictures write in their cells.
public struct FrameOptions: Hashable, Sendable {
    /// The letters of inputs, kernel and outputs.
    public var names: SymbolNames
    /// Symbols in the cells: `true` always, `false` never, nil when the cells are large enough
    /// (18 pt and up).
    public var labels: Bool?
    /// Kernel values to print instead of kernel symbols, one per weight in PyTorch's order.
    public var kernelValues: [String]?
    /// Input values to print instead of input symbols, channel first then row-major (the input
    /// of the layer drawn: the transposed layer's own input for its pictures).
    public var inputValues: [String]?

    /// Options with the default letters, automatic labels and kernel symbols.
    public init(
        names: SymbolNames = .ikO, labels: Bool? = nil, kernelValues: [String]? = nil,
        inputValues: [String]? = nil
    ) {
        self.names = names
        self.labels = labels
        self.kernelValues = kernelValues
        self.inputValues = inputValues
    }
}
