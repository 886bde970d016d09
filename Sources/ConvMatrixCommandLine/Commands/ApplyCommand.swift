import ConvMatrix

/// `convmatrix apply`: the symbolic output O = X·U on the output grid, or the transposed
/// C = O·T on the input grid.
struct ApplyCommand: Command {
    /// The formats it writes.
    static let formats = RenderOptions.Format.allCases

    let name = "apply"
    let abstract =
        "Print the symbolic output O = X·U on the output grid, or C = O·T with --transpose."
    let discussion = """
        Each output is the sum of input-times-tap products its window covers. With --transpose
        the symbolic output O goes back through T = Uᵀ: C = O·T, reshaped to the input grid,
        shows which outputs reach each input through which taps — the transposed convolution
        reproduces the connectivity, not the values. With --transposed the flags describe a
        transposed convolution: it reads O and writes C = O·T on its own output grid.

        EXAMPLES:
          convmatrix apply --input 5x5 --kernel 3x3 --stride 2
          convmatrix apply --transposed --input 2x2 --kernel 4x4 --stride 2 --padding 1
          convmatrix apply --transpose --input 5x5 --kernel 3x3 --stride 2 --format latex --latex-style sympy
          convmatrix apply --input 5x5 --kernel 3x3 --input-values 0,0,1,0,0,0,0,1,0,0,0,0,1,0,0,0,0,1,0,0,0,0,1,0,0 --kernel-values 1,0,-1,2,0,-2,1,0,-1 --bias 0

        With --input-values (and --kernel-values or --average-pool) the output is computed in
        numbers, exactly when every value is exact (1/9 stays 1/9), with --bias added per output
        channel; --format json prints {"shape": [C_out, …], "values": […]} in PyTorch's layout.
        """
    let options =
        Options.layer + [Options.transpose, Options.averagePool]
        + Options.rendering(formats: Self.formats).filter { $0.name != "convention" }
        + [Options.full] + Options.values + [Options.inputValues, Options.bias, Options.maxPool]

    func run(_ arguments: ParsedArguments, output: inout some TextOutputStream) throws(UsageError)
        -> CommandResult
    {
        if arguments.has(Options.maxPool) { return try runMaxPool(arguments, output: &output) }
        let layer = try LayerOptions.layer(arguments)
        let render = try RenderOptions(arguments, formats: Self.formats)
        let transposed = arguments.has(Options.transpose)
        if arguments.value(Options.inputValues) != nil {
            return try runWithValues(
                arguments, layer: layer, render: render, transposed: transposed, output: &output)
        }
        if arguments.value(Options.bias) != nil {
            throw UsageError(flag: "bias", "needs --input-values: a bias is added to numbers")
        }
        let checks = MatrixOutput(options: render)
        let extents = transposed ? layer.inputSide.extents : layer.outputSide.extents
        let channels = transposed ? layer.inputSide.channels : layer.outputSide.channels
        let grid = GridShape(channels: channels, extents: extents)
        let stacks = TextStackOutput(options: render)
        if render.format == .text,
            let shown = ElidedGrids(channels: channels, extents: extents, elision: stacks.elision)
        {
            // Elided text: only the outputs shown are computed, each from its own row (or
            // column) of the layer's matrix; U itself is never built.
            return try runElided(
                arguments, layer: layer, render: render, transposed: transposed, shown: shown,
                output: &output)
        }
        try checks.checkSize(rows: grid.rows, columns: grid.columns, what: transposed ? "C" : "O")
        return try runWhole(
            arguments, layer: layer, render: render, transposed: transposed, output: &output)
    }

    /// The two lines above the grid: what it is, and the layer.
    static func title(
        _ layer: Layer, transposed: Bool, symbols: LayerSymbols, style s: TextStyle
    ) -> [String] {
        let view = LayerMatrix(layer, convention: .column, transposed: transposed)
        let description = "\(view.layerKind): \(LayerDescription.describe(layer, style: s))"
        let i = symbols.inputLetter
        let o = symbols.outputLetter
        let c = symbols.transposedOutputLetter
        switch (layer, transposed) {
        case (.convolution, false):
            return [
                "\(o) = X\(s.dot)U on the \(s.sizes(layer.outputSide.extents.sizes)) output grid.",
                description,
            ]
        case (.convolution, true):
            return [
                "\(c) = \(o)\(s.dot)T with T = U\(s.transposeMark), the transposed convolution, on a \(s.sizes(layer.inputSide.extents.sizes)) grid the size of the input \(i): each position collects the outputs its windows produced, through the taps that connect them.",
                description,
            ]
        case (.transposed, false):
            return [
                "\(o) = \(i)\(s.dot)T on the \(s.sizes(layer.outputSide.extents.sizes)) output grid of the transposed convolution: each position collects the inputs that reach it, through the taps that connect them.",
                description,
            ]
        case (.transposed, true):
            return [
                "\(c) = \(o)\(s.dot)U with U = T\(s.transposeMark), \(view.transposedMapNoun), on a \(s.sizes(layer.inputSide.extents.sizes)) grid the size of the input \(i).",
                description,
            ]
        }
    }
}
