import ConvMatrix
import Symbolic

/// `convmatrix symbols`: the symbolic input grid I, its flattening X, the output grid O or the
/// kernel — the other matrices of seed 004's derivation.
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
        let symbols = LayerSymbols(conv, names: render.names)
        let s = render.style
        switch tensor {
        case .flattened:
            try writer.checkSize(rows: 1, columns: conv.inputCount, what: "X")
            let row = (0..<conv.inputCount).map { Expression(symbols.input($0)) }
            let matrix =
                (try? SymbolicMatrix([row])) ?? (try? SymbolicMatrix(rowCount: 0, columnCount: 0))
            guard let matrix else { return CommandResult() }
            writer.write(
                matrix,
                title: [
                    "X: the input \(render.names.input) flattened row-major (1\(s.times)\(conv.inputCount))."
                ],
                to: &output)
        case .input, .output, .kernel:
            let (values, channels, extents, label): ([Expression], Int, Extents, String)
            switch tensor {
            case .input:
                (values, channels, extents, label) = (
                    (0..<conv.inputCount).map { Expression(symbols.input($0)) }, conv.inChannels,
                    conv.inputExtents, "\(render.names.input): the input"
                )
            case .output:
                (values, channels, extents, label) = (
                    (0..<conv.outputCount).map { Expression(symbols.output($0)) }, conv.outChannels,
                    conv.outputExtents, "\(render.names.output): the output"
                )
            default:
                (values, channels, extents, label) = (
                    symbols.kernel.map { Expression($0) },
                    conv.outChannels * conv.inChannelsPerGroup,
                    conv.kernelExtents, "\(render.names.kernel): the kernel (PyTorch weight order)"
                )
            }
            try writer.checkSize(
                rows: values.count / max(extents.sizes.last ?? 1, 1),
                columns: extents.sizes.last ?? 1, what: label)
            writer.write(
                GridSlices(values, channels: channels, extents: extents),
                title: ["\(label), \(s.sizes(extents.sizes))."], to: &output)
        }
        return CommandResult()
    }
}
