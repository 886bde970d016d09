import ConvMatrix

/// `convmatrix symbols`: the symbolic input grid I, its flattening X, the output grid O or the
/// kernel — the other matrices of the derivation.
struct SymbolsCommand: Command {
    /// The formats it writes.
    static let formats: [RenderOptions.Format] = [.text, .latex]

    /// Which tensor to print.
    enum Tensor: String, CaseIterable {
        case input, flattened, output, kernel
    }

    static let of = OptionDefinition(
        name: "of", valueName: "<input|flattened|output|kernel>",
        help:
            "The tensor: the input grid I, its row-major flattening X (1×n), the output grid O, or the kernel k (default input)."
    )

    let name = "symbols"
    let abstract =
        "Print the symbolic input grid I, the flattened input X, the output grid O or the kernel."
    let discussion = """
        Channels and depth slices are printed one 2-D slice at a time.

        EXAMPLES:
          convmatrix symbols --of input --input 5x5 --kernel 3x3 --stride 2
          convmatrix symbols --of flattened --input 5x5 --kernel 3x3 --stride 2 --format latex --latex-style sympy
        """
    let options =
        [SymbolsCommand.of] + Options.layer
        + Options.rendering(formats: Self.formats).filter { $0.name != "convention" }
        + [Options.full]

    func run(_ arguments: ParsedArguments, output: inout some TextOutputStream) throws(UsageError)
        -> CommandResult
    {
        let tensor = try arguments.choice(SymbolsCommand.of, default: Tensor.input)
        let layer = try LayerOptions.layer(arguments)
        let render = try RenderOptions(arguments, formats: Self.formats)
        let shape = Self.shape(tensor, of: layer)
        let layout = shape.layout
        // Sizes first: the dense guard runs before a single symbol is built (elided text
        // prints the corners only).
        if !TextStackOutput(options: render).isCut(
            grids: layout.labels.count, rows: layout.rows, columns: layout.columns)
        {
            try MatrixOutput(options: render).checkSize(
                rows: shape.dense?.rows ?? layout.rows,
                columns: shape.dense?.columns ?? layout.columns, what: shape.letter)
        }
        let symbols = LayerSymbols(layer, names: render.names)
        let symbol: (Int) -> Symbol
        switch tensor {
        case .flattened, .input: symbol = symbols.input
        case .output: symbol = symbols.output
        case .kernel: symbol = { symbols.kernel[$0] }
        }
        guard let writer = render.gridWriter else {
            throw UsageError(flag: "format", "symbols are written as text or latex")
        }
        let size = layout.rows * layout.columns
        let grids = ExpressionGrids(
            count: layout.labels.count, rows: layout.rows, columns: layout.columns,
            label: { layout.labels[$0] },
            cell: { grid, row, column in
                Expression(symbol(grid * size + row * layout.columns + column))
            })
        let title = title(
            tensor, layer: layer, names: render.names, symbols: symbols, style: render.style)
        writer.write(grids, title: [title], to: &output)
        return CommandResult()
    }

    /// How `tensor` of `layer` is printed: as a stack of 2-D grids (`layout`), the size of the
    /// dense text of them all (`dense`, checked against the cell limit; nil for the one row of
    /// the flattened input, the layout's own size), and its letter.
    static func shape(_ tensor: Tensor, of layer: Layer) -> (
        layout: (rows: Int, columns: Int, labels: [String]), dense: GridShape?, letter: String
    ) {
        let kernelLayout = layer.kernelLayout
        // The kernel prints one spatial slice per (outer, inner) channel pair of its layout.
        let kernelChannels = kernelLayout.count / max(kernelLayout.spatial.count, 1)
        switch tensor {
        case .flattened:
            return ((1, layer.inputSide.count, [""]), nil, "X")
        case .input:
            return (
                GridSlices.layout(
                    channels: layer.inputSide.channels, extents: layer.inputSide.extents),
                GridShape(channels: layer.inputSide.channels, extents: layer.inputSide.extents), "I"
            )
        case .output:
            return (
                GridSlices.layout(
                    channels: layer.outputSide.channels, extents: layer.outputSide.extents),
                GridShape(channels: layer.outputSide.channels, extents: layer.outputSide.extents),
                "O"
            )
        case .kernel:
            return (
                GridSlices.layout(channels: kernelChannels, extents: kernelLayout.spatial),
                GridShape(channels: kernelChannels, extents: kernelLayout.spatial), "k"
            )
        }
    }

    /// The line above the text of `tensor`: what it is and its size.
    private func title(
        _ tensor: Tensor, layer: Layer, names: SymbolNames, symbols: LayerSymbols,
        style s: TextStyle
    ) -> String {
        // A convolution's tensors are "the input", "the output"; a transposed layer's say whose.
        let of: String
        switch layer {
        case .convolution: of = ""
        case .transposed: of = " of the transposed convolution"
        }
        switch tensor {
        case .flattened:
            return
                "X: the input \(symbols.inputLetter)\(of) flattened row-major (1\(s.times)\(layer.inputSide.count))."
        case .input:
            return
                "\(symbols.inputLetter): the input\(of), \(s.sizes(layer.inputSide.extents.sizes))."
        case .output:
            return
                "\(symbols.outputLetter): the output\(of), \(s.sizes(layer.outputSide.extents.sizes))."
        case .kernel:
            let order: String
            switch layer {
            case .convolution:
                order =
                    "PyTorch order: output channel, input channel within the group, spatial); slice o\(s.dot)(C/g) + c holds weight[o, c]."
            case .transposed:
                order =
                    "PyTorch's ConvTranspose order: input channel, output channel within the group, spatial); slice c\(s.dot)(M/g) + o holds weight[c, o]."
            }
            return
                "\(names.kernel): the kernel\(of), weight shape \(s.sizes(layer.kernelLayout.shape)) (\(order)"
        }
    }
}
