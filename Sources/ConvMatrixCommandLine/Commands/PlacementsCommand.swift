import ConvMatrix
import Symbolic

/// `convmatrix placements`: the kernel-in-input matrices,, one per output.
struct PlacementsCommand: Command {
    let name = "placements"
    let abstract = "Print the kernel laid on the input grid for every output position."
    let discussion = """
        Flattening each placement row-major and stacking them as columns gives U (row
        convention). --format latex --latex-style sympy prints SymPy's list of matrices.

        EXAMPLE:
          convmatrix placements --input 5x5 --kernel 3x3 --stride 2
        """
    let options = Options.layer + Options.rendering.filter { $0.name != "convention" }

    func run(_ arguments: ParsedArguments, output: inout some TextOutputStream) throws(UsageError)
        -> CommandResult
    {
        let conv = try LayerOptions.convolution(arguments)
        let render = try RenderOptions(arguments)
        let writer = MatrixOutput(options: render)
        let (total, overflow) = conv.outputCount.multipliedReportingOverflow(by: conv.inputCount)
        try writer.checkSize(
            rows: overflow ? Int.max : total / max(conv.inputExtents.sizes.last ?? 1, 1),
            columns: conv.inputExtents.sizes.last ?? 1, what: "the placements")
        let u: TapMatrix
        do {
            u = try conv.unrolled(limits: render.limits)
        } catch {
            throw UsageError(error)
        }
        let symbols = LayerSymbols(conv, names: render.names)
        let placements = conv.placements(u, symbols: symbols)
        let s = render.style
        switch render.format {
        case .latex:
            let matrices = placements.flatMap { placement in
                GridSlices(placement.values, channels: conv.inChannels, extents: conv.inputExtents)
                    .slices.map(\.matrix)
            }
            writer.writeColumnNote(columns: conv.inputExtents.sizes.last ?? 1, to: &output)
            render.latexPrinter.writeList(matrices, to: &output)
            output.write("\n")
        case .text:
            output.write(
                "Kernel placements of the convolution: \(LayerDescription.describe(conv, style: s))\n"
            )
            output.write(
                "One input-shaped matrix per output; flattened and stacked as columns they form U.\n"
            )
            for placement in placements {
                let label = render.expressionPrinter.string(for: symbols.output(placement.output))
                output.write("\n\(label):\n")
                let grid = GridSlices(
                    placement.values, channels: conv.inChannels, extents: conv.inputExtents)
                for slice in grid.slices {
                    if !slice.label.isEmpty { output.write("\(slice.label):\n") }
                    render.textPrinter.write(slice.matrix, to: &output)
                    output.write("\n")
                }
            }
        case .mtx, .json, .csv:
            break  // refused by checkSize: placements have no export format
        }
        return CommandResult()
    }
}
