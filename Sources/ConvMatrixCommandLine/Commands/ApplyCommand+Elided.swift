import ConvMatrix

extension ApplyCommand {
    /// `apply` as elided text: the outputs shown (NumPy's corners of the first and last grids)
    /// are computed each from its own row of the layer's matrix — or its column, with
    /// `--transpose` — and nothing else is built. ResNet-50's first layer prints in
    /// milliseconds instead of needing its 116-million-entry U.
    func runElided(
        _ arguments: ParsedArguments, layer: Layer, render: RenderOptions,
        transposed: Bool, shown: ElidedGrids, output: inout some TextOutputStream
    ) throws(UsageError) -> CommandResult {
        var generator = SplitMix64(seed: try ValueOptions.seed(arguments))
        let kernelValues = try ValueOptions.kernelValues(
            arguments, layout: layer.kernelLayout, generator: &generator)
        try MatrixOutput(options: render).checkExport(
            values: kernelValues, pattern: arguments.has(Options.pattern))
        let symbols = LayerSymbols(layer, names: render.names)
        let rows: TapMatrix
        do {
            rows =
                transposed
                ? try layer.matrixColumns(shown.cells, limits: render.limits)
                : try layer.matrixRows(shown.cells, limits: render.limits)
        } catch {
            throw UsageError(error)
        }
        let left = { (index: Int) -> Symbol in
            transposed ? symbols.output(index) : symbols.input(index)
        }
        let values: [Expression]
        if let kernelValues {
            let taps = try MatrixOutput.tapExpressions(kernelValues, kernel: symbols.kernel)
            do {
                values = try Layer.valuedSums(rows, left: left, tapValues: taps)
            } catch {
                throw UsageError(flag: "kernel-values", "exact arithmetic overflowed: \(error)")
            }
        } else {
            values = Layer.productSums(rows, left: left, kernel: { symbols.kernel($0) })
        }
        // Sums past 64 terms (a 64-channel 3×3 layer's C has 576) show their ends.
        var grids = shown.grids(values)
        grids.sums = .standard
        TextFormat(options: render).write(
            grids,
            title: Self.title(layer, transposed: transposed, symbols: symbols, style: render.style),
            to: &output)
        return CommandResult()
    }
}
