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
        + [Options.full]

    func run(_ arguments: ParsedArguments, output: inout some TextOutputStream) throws(UsageError)
        -> CommandResult
    {
        let layer = try LayerOptions.layer(arguments)
        let render = try RenderOptions(arguments, formats: Self.formats)
        let writer = MatrixOutput(options: render)
        let text = TextStackOutput(options: render)
        let grid = GridShape(channels: layer.inChannels, extents: layer.inputExtents)
        let layout = GridSlices.layout(channels: layer.inChannels, extents: layer.inputExtents)
        // One grid per output and input slice; elided text shows a few of them.
        let grids = layer.outputCount.multipliedReportingOverflow(by: layout.labels.count)
        let cut = text.isCut(
            grids: grids.overflow ? .max : grids.partialValue, rows: layout.rows,
            columns: layout.columns)
        if !cut {
            let all = grid.repeated(layer.outputCount)
            try writer.checkSize(rows: all.rows, columns: all.columns, what: "the placements")
        }
        let u: TapMatrix
        do {
            u = try layer.unrolled(limits: render.limits)
        } catch {
            throw UsageError(error)
        }
        let symbols = LayerSymbols(layer, names: render.names)
        let view = LayerMatrix(layer, convention: .row)
        if render.format == .latex {
            let matrices = layer.placements(u, symbols: symbols).flatMap { placement in
                GridSlices(
                    placement.values, channels: layer.inChannels, extents: layer.inputExtents
                )
                .slices.map(\.matrix)
            }
            writer.writeColumnNote(columns: grid.columns, to: &output)
            render.latexPrinter.writeList(matrices, to: &output)
            output.write("\n")
            return CommandResult()
        }
        // Text: each output's placement, one grid per input slice; only the grids shown are
        // named and filled, from U's row for that output.
        let slices = layout.labels.count
        let size = layout.rows * layout.columns
        let matrix = SymbolicTapMatrix(u, kernel: symbols.kernel)
        var window: (output: Int, values: [Int: Expression]) = (-1, [:])
        let label = { (k: Int) -> String in
            let name = render.expressionPrinter.string(for: symbols.output(k / slices))
            let slice = layout.labels[k % slices]
            return slice.isEmpty ? name : "\(name), \(slice)"
        }
        text.write(
            grids: grids.partialValue, label: label, rows: layout.rows, columns: layout.columns,
            title: [
                "Kernel placements of \(view.layerNoun): \(LayerDescription.describe(layer, style: render.style))",
                "One input-shaped matrix per output; flattened and stacked as columns they form \(view.layerLetter).",
                "",
            ], noun: "placements", separator: "\n", to: &output
        ) { k, row, column in
            let r = k / slices
            if window.output != r {
                let entries = matrix.nonZeroEntries(inRow: r).map { ($0.column, $0.value) }
                window = (r, Dictionary(uniqueKeysWithValues: entries))
            }
            let value = window.values[(k % slices) * size + row * layout.columns + column]
            return value.map(render.expressionPrinter.string(for:)) ?? "0"
        }
        return CommandResult()
    }
}
