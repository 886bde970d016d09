import ConvMatrix
import Symbolic

/// `convmatrix symbols`: the symbolic input grid I, its flattening X, the output grid O or the
/// kernel — the other matrices of the derivation.
struct SymbolsCommand: Command {
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
        [SymbolsCommand.of] + Options.layer + Options.rendering.filter { $0.name != "convention" }

    func run(_ arguments: ParsedArguments, output: inout some TextOutputStream) throws(UsageError)
        -> CommandResult
    {
        let tensor = try arguments.choice(SymbolsCommand.of, default: Tensor.input)
        let conv = try LayerOptions.convolution(arguments)
        let render = try RenderOptions(arguments)
        let writer = MatrixOutput(options: render)
        let s = render.style
        // Sizes first: the dense guard runs before a single symbol is built.
        switch tensor {
        case .flattened:
            try writer.checkSize(rows: 1, columns: conv.inputCount, what: "X")
        case .input:
            try writer.checkSize(
                rows: conv.inputCount / (conv.inputExtents.sizes.last ?? 1),
                columns: conv.inputExtents.sizes.last ?? 1, what: "I")
        case .output:
            try writer.checkSize(
                rows: conv.outputCount / (conv.outputExtents.sizes.last ?? 1),
                columns: conv.outputExtents.sizes.last ?? 1, what: "O")
        case .kernel:
            try writer.checkSize(
                rows: conv.weightCount / (conv.kernelExtents.sizes.last ?? 1),
                columns: conv.kernelExtents.sizes.last ?? 1, what: "k")
        }
        let symbols = LayerSymbols(conv, names: render.names)
        switch tensor {
        case .flattened:
            let row = (0..<conv.inputCount).map { Expression(symbols.input($0)) }
            guard let matrix = try? SymbolicMatrix([row]) else { return CommandResult() }
            writer.write(
                matrix,
                title: [
                    "X: the input \(render.names.input) flattened row-major (1\(s.times)\(conv.inputCount))."
                ],
                to: &output)
        case .input:
            writer.write(
                GridSlices(
                    (0..<conv.inputCount).map { Expression(symbols.input($0)) },
                    channels: conv.inChannels,
                    extents: conv.inputExtents),
                title: ["\(render.names.input): the input, \(s.sizes(conv.inputExtents.sizes))."],
                to: &output)
        case .output:
            writer.write(
                GridSlices(
                    (0..<conv.outputCount).map { Expression(symbols.output($0)) },
                    channels: conv.outChannels,
                    extents: conv.outputExtents),
                title: [
                    "\(render.names.output): the output, \(s.sizes(conv.outputExtents.sizes))."
                ], to: &output)
        case .kernel:
            let shape = s.sizes(conv.kernelLayout.shape)
            writer.write(
                GridSlices(
                    symbols.kernel.map { Expression($0) },
                    channels: conv.outChannels * conv.inChannelsPerGroup,
                    extents: conv.kernelExtents),
                title: [
                    "\(render.names.kernel): the kernel, weight shape \(shape) (PyTorch order: output channel, input channel within the group, spatial); slice o\(s.dot)(C/g) + c holds weight[o, c]."
                ],
                to: &output)
        }
        return CommandResult()
    }
}
