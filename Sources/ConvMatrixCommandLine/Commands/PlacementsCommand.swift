import ConvMatrix

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
        let checks = MatrixOutput(options: render)
        let text = TextStackOutput(options: render)
        let grid = GridShape(channels: layer.inputSide.channels, extents: layer.inputSide.extents)
        let layout = GridSlices.layout(
            channels: layer.inputSide.channels, extents: layer.inputSide.extents)
        // One grid per output and input slice; elided text shows a few of them.
        let grids = layer.outputSide.count.multipliedReportingOverflow(by: layout.labels.count)
        let cut = text.isCut(
            grids: grids.overflow ? .max : grids.partialValue, rows: layout.rows,
            columns: layout.columns)
        if !cut {
            let all = grid.repeated(layer.outputSide.count)
            try checks.checkSize(rows: all.rows, columns: all.columns, what: "the placements")
        }
        let u: TapMatrix
        do {
            u = try layer.matrix(limits: render.limits)
        } catch {
            throw UsageError(error)
        }
        guard let writer = render.gridWriter else {
            throw UsageError(flag: "format", "placements are written as text or latex")
        }
        let symbols = LayerSymbols(layer, names: render.names)
        let view = LayerMatrix(layer, convention: .row)
        let placements = Self.placements(
            u, layout: layout, count: grids.partialValue, symbols: symbols,
            printer: render.expressionPrinter)
        writer.write(
            placements,
            title: [
                "Kernel placements of \(view.layerNoun): \(LayerDescription.describe(layer, style: render.style))",
                "One input-shaped matrix per output; flattened and stacked as columns they form \(view.layerLetter).",
            ], to: &output)
        return CommandResult()
    }

    /// One grid per output and input slice, filled from U's row for that output: a writer that
    /// shows only some (elided text) fills only those.
    static func placements(
        _ u: TapMatrix, layout: (rows: Int, columns: Int, labels: [String]), count: Int,
        symbols: LayerSymbols, printer: PlainTextPrinter
    ) -> ExpressionGrids {
        let slices = layout.labels.count
        let size = layout.rows * layout.columns
        let matrix = SymbolicTapMatrix(u, kernel: symbols.kernel)
        var window: (output: Int, values: [Int: Expression]) = (-1, [:])
        var placements = ExpressionGrids(
            count: count, rows: layout.rows, columns: layout.columns,
            label: { k in
                let name = printer.string(for: symbols.output(k / slices))
                let slice = layout.labels[k % slices]
                return slice.isEmpty ? name : "\(name), \(slice)"
            },
            cell: { k, row, column in
                let r = k / slices
                if window.output != r {
                    let entries = matrix.nonZeroEntries(inRow: r).map { ($0.column, $0.value) }
                    window = (r, Dictionary(uniqueKeysWithValues: entries))
                }
                return window.values[(k % slices) * size + row * layout.columns + column] ?? .zero
            })
        placements.noun = "placements"
        placements.alwaysList = true
        placements.spaced = true
        return placements
    }
}
