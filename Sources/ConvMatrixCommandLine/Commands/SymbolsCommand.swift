import ConvMatrix
import Symbolic

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

    func run(_ arguments: ParsedArguments, output: inout some TextOutputStream) throws(UsageError)
        -> CommandResult
    {
        let tensor = try arguments.choice(SymbolsCommand.of, default: Tensor.input)
        let layer = try LayerOptions.layer(arguments)
        let render = try RenderOptions(arguments, formats: Self.formats)
        let writer = MatrixOutput(options: render)
        let s = render.style
        let kernelLayout = layer.kernelLayout
        // The kernel prints one spatial slice per (outer, inner) channel pair of its layout.
        let kernelChannels = kernelLayout.count / max(kernelLayout.spatial.count, 1)
        let inputGrid = GridShape(channels: layer.inChannels, extents: layer.inputExtents)
        let outputGrid = GridShape(channels: layer.outChannels, extents: layer.outputExtents)
        let kernelGrid = GridShape(channels: kernelChannels, extents: kernelLayout.spatial)
        // Sizes first: the dense guard runs before a single symbol is built.
        switch tensor {
        case .flattened:
            try writer.checkSize(rows: 1, columns: layer.inputCount, what: "X")
        case .input:
            try writer.checkSize(rows: inputGrid.rows, columns: inputGrid.columns, what: "I")
        case .output:
            try writer.checkSize(rows: outputGrid.rows, columns: outputGrid.columns, what: "O")
        case .kernel:
            try writer.checkSize(rows: kernelGrid.rows, columns: kernelGrid.columns, what: "k")
        }
        let symbols = LayerSymbols(layer, names: render.names)
        // A convolution's tensors are "the input", "the output"; a transposed layer's say whose.
        let of: String
        switch layer {
        case .convolution: of = ""
        case .transposed: of = " of the transposed convolution"
        }
        switch tensor {
        case .flattened:
            writer.write(
                SymbolicMatrix(row: (0..<layer.inputCount).map { Expression(symbols.input($0)) }),
                title: [
                    "X: the input \(symbols.inputLetter)\(of) flattened row-major (1\(s.times)\(layer.inputCount))."
                ],
                to: &output)
        case .input:
            writer.write(
                GridSlices(
                    (0..<layer.inputCount).map { Expression(symbols.input($0)) },
                    channels: layer.inChannels, extents: layer.inputExtents),
                title: [
                    "\(symbols.inputLetter): the input\(of), \(s.sizes(layer.inputExtents.sizes))."
                ],
                to: &output)
        case .output:
            writer.write(
                GridSlices(
                    (0..<layer.outputCount).map { Expression(symbols.output($0)) },
                    channels: layer.outChannels, extents: layer.outputExtents),
                title: [
                    "\(symbols.outputLetter): the output\(of), \(s.sizes(layer.outputExtents.sizes))."
                ], to: &output)
        case .kernel:
            let shape = s.sizes(kernelLayout.shape)
            let order: String
            switch layer {
            case .convolution:
                order =
                    "PyTorch order: output channel, input channel within the group, spatial); slice o\(s.dot)(C/g) + c holds weight[o, c]."
            case .transposed:
                order =
                    "PyTorch's ConvTranspose order: input channel, output channel within the group, spatial); slice c\(s.dot)(M/g) + o holds weight[c, o]."
            }
            writer.write(
                GridSlices(
                    symbols.kernel.map { Expression($0) }, channels: kernelChannels,
                    extents: kernelLayout.spatial),
                title: [
                    "\(render.names.kernel): the kernel\(of), weight shape \(shape) (\(order)"
                ],
                to: &output)
        }
        return CommandResult()
    }
}
