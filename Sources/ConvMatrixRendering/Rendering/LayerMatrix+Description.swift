import ConvMatrixCore
import ConvMatrixSymbols

extension ExportedLayer {
    /// The geometry of either kind of layer.
    public init(_ layer: Layer) {
        switch layer {
        case .convolution(let conv): self.init(conv)
        case .transposed(let transposed): self.init(transposed)
        }
    }
}

extension LayerMatrix {
    /// The letter of the layer's own matrix: U for a convolution, T for a transposed convolution.
    public var layerLetter: String {
        switch layer {
        case .convolution: "U"
        case .transposed: "T"
        }
    }

    /// The printed matrix's name: `U`, `Uᵀ`, `T` or `Tᵀ` (`U^T` in ASCII).
    public func name(style s: TextStyle) -> String {
        transposed ? layerLetter + s.transposeMark : layerLetter
    }

    /// What the layer is, in words: "the convolution" or "the transposed convolution".
    public var layerNoun: String {
        switch layer {
        case .convolution: "the convolution"
        case .transposed: "the transposed convolution"
        }
    }

    /// The kind of layer, capitalised for a heading: "Convolution", "Transposed convolution".
    public var layerKind: String {
        switch layer {
        case .convolution: "Convolution"
        case .transposed: "Transposed convolution"
        }
    }

    /// What the transposed map is, in words: the transposed convolution of a convolution, the
    /// convolution a transposed convolution is the transpose of.
    public var transposedMapNoun: String {
        switch layer {
        case .convolution: "the transposed convolution"
        case .transposed: "the convolution it is the transpose of"
        }
    }

    /// One line saying which product the matrix takes part in and its size, e.g.
    /// `Row convention: X·U = O, X = the input I flattened row-major (1×25); U is 25×4.` The
    /// letters are the layer's (`symbols`): a transposed convolution reads `O` and writes `C`.
    public func productLine(symbols: LayerSymbols, style s: TextStyle) -> String {
        let t = s.transposeMark
        let size = "\(shape.rows)\(s.times)\(shape.columns)"
        let printed = name(style: s)
        let i = symbols.inputLetter
        let o = symbols.outputLetter
        let c = symbols.transposedOutputLetter
        let n = layer.inputSide.count
        switch (layer, convention, transposed) {
        case (.convolution, .row, false):
            return
                "Row convention: X\(s.dot)U = \(o), X = the input \(i) flattened row-major (1\(s.times)\(n)); U is \(size)."
        case (.convolution, .row, true):
            return
                "Row convention: \(o)\(s.dot)T = \(c) with T = U\(t), the transposed convolution; \(printed) is \(size)."
        case (.convolution, .column, false):
            return
                "Column convention: y = U\(s.dot)x, x = the input \(i) flattened row-major (\(n)\(s.times)1); U is \(size)."
        case (.convolution, .column, true):
            return
                "Column convention: x' = U\(t)\(s.dot)y, the transposed convolution; \(printed) is \(size)."
        case (.transposed, .row, false):
            return
                "Row convention: \(i)\(s.dot)T = \(o), \(i) = the input of the transposed convolution flattened row-major (1\(s.times)\(n)); T is \(size)."
        case (.transposed, .row, true):
            return
                "Row convention: \(o)\(s.dot)U = \(c) with U = T\(t), \(transposedMapNoun); \(printed) is \(size)."
        case (.transposed, .column, false):
            return
                "Column convention: z = T\(s.dot)y, y = the input \(i) of the transposed convolution flattened row-major (\(n)\(s.times)1); T is \(size)."
        case (.transposed, .column, true):
            return
                "Column convention: y' = T\(t)\(s.dot)z, \(transposedMapNoun); \(printed) is \(size)."
        }
    }

    /// The product in ASCII for exports: `X*U = O`, `O*U^T = C, the transposed convolution`,
    /// `y = U*x`, `x' = U^T*y, the transposed convolution`; for a transposed layer `O*T = C`,
    /// `C*T^T = O, …`, `z = T*y`, `y' = T^T*z, …`.
    public var exportedProduct: String {
        switch (layer, convention, transposed) {
        case (.convolution, .row, false): "X*U = O"
        case (.convolution, .row, true): "O*U^T = C, \(transposedMapNoun)"
        case (.convolution, .column, false): "y = U*x"
        case (.convolution, .column, true): "x' = U^T*y, \(transposedMapNoun)"
        case (.transposed, .row, false): "O*T = C"
        case (.transposed, .row, true): "C*T^T = O, \(transposedMapNoun)"
        case (.transposed, .column, false): "z = T*y"
        case (.transposed, .column, true): "y' = T^T*z, \(transposedMapNoun)"
        }
    }

    /// What the rows of the printed matrix index, in words, with their number.
    public var rowsDescription: String {
        rowsAreOutputs ? outputsDescription : inputsDescription
    }

    /// What the columns of the printed matrix index, in words, with their number.
    public var columnsDescription: String {
        rowsAreOutputs ? inputsDescription : outputsDescription
    }

    private var inputsDescription: String {
        "inputs (channel, then spatial row-major), \(layer.inputSide.count)"
    }

    private var outputsDescription: String {
        "outputs (channel, then spatial row-major), \(layer.outputSide.count)"
    }
}
