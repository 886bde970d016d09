import ConvMatrix
import Symbolic

/// `convmatrix placements`: the kernel-in-input matrices,, one per output.
struct PlacementsCommand: Command {
    /// The formats it writes.
    static let formats: [RenderOptions.Format] = [.text, .latex]

    let name = "placements"
    let abstract = "Print the kernel laid on the input grid for every output position."
    let discussion = """
        Flattening each placement row-major and stacking them as columns gives U (row
        convention). --format latex --latex-style sympy prints SymPy's list of matrices.

        EXAMPLE:
          convmatrix placements --input 5x5 --kernel 3x3 --stride 2
        """
    let options =
        Options.layer + Options.rendering(formats: Self.formats).filter { $0.name != "convention" }

    func run(_ arguments: ParsedArguments, output: inout some TextOutputStream) throws(UsageError)
        -> CommandResult
    {
        let layer = try LayerOptions.layer(arguments)
        let render = try RenderOptions(arguments, formats: Self.formats)
        let writer = MatrixOutput(options: render)
        let grid = GridShape(channels: layer.inChannels, extents: layer.inputExtents)
        let all = grid.repeated(layer.outputCount)
        try writer.checkSize(rows: all.rows, columns: all.columns, what: "the placements")
        let u: TapMatrix
        do {
            u = try layer.unrolled(limits: render.limits)
        } catch {
            throw UsageError(error)
        }
        let symbols = LayerSymbols(layer, names: render.names)
        let placements = layer.placements(u, symbols: symbols)
        let s = render.style
        let view = LayerMatrix(layer, convention: .row)
        switch render.format {
        case .latex:
            let matrices = placements.flatMap { placement in
                GridSlices(
                    placement.values, channels: layer.inChannels, extents: layer.inputExtents
                )
                .slices.map(\.matrix)
            }
            writer.writeColumnNote(columns: grid.columns, to: &output)
            render.latexPrinter.writeList(matrices, to: &output)
            output.write("\n")
        case .text:
            output.write(
                "Kernel placements of \(view.layerNoun): \(LayerDescription.describe(layer, style: s))\n"
            )
            output.write(
                "One input-shaped matrix per output; flattened and stacked as columns they form \(view.layerLetter).\n"
            )
            for placement in placements {
                let label = render.expressionPrinter.string(for: symbols.output(placement.output))
                output.write("\n\(label):\n")
                let slices = GridSlices(
                    placement.values, channels: layer.inChannels, extents: layer.inputExtents)
                for slice in slices.slices {
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
