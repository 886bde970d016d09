import ConvMatrix

extension ApplyCommand {
    /// Every output at once, from the whole matrix: LaTeX, `--full` text, the exports, and
    /// text with kernel values. U is counted against the budget before it is built.
    func runWhole(
        _ arguments: ParsedArguments, layer: Layer, render: RenderOptions,
        transposed: Bool, output: inout some TextOutputStream
    ) throws(UsageError) -> CommandResult {
        let checks = MatrixOutput(options: render)
        // The printed grid: the layer's output side, or its input side for C = O·T.
        let side = transposed ? layer.inputSide : layer.outputSide
        let (channels, extents) = (side.channels, side.extents)
        let u: TapMatrix
        do {
            u = try layer.matrix(limits: render.limits)
        } catch {
            throw UsageError(error)
        }
        let grids = render.gridWriter
        if let grids {
            // The printed sums are built in memory before they are written: U itself, and what
            // the format keeps per term.
            let bytes = u.storedCount.multipliedReportingOverflow(by: 8 + grids.bytesPerSumTerm)
            do {
                try render.limits.checkMemory(
                    bytes.overflow ? nil : bytes.partialValue,
                    for: "the printed sums (\(u.storedCount) terms)")
            } catch {
                throw UsageError(error)
            }
        }
        var generator = SplitMix64(seed: try ValueOptions.seed(arguments))
        let kernelValues = try ValueOptions.kernelValues(
            arguments, layout: layer.kernelLayout, generator: &generator)
        try checks.checkExport(values: kernelValues, pattern: arguments.has(Options.pattern))
        let symbols = LayerSymbols(layer, names: render.names)
        let view = LayerMatrix(layer, convention: .column, transposed: transposed)
        guard let grids else {
            // A format that holds one matrix (mtx, json): the printed outputs are linear forms,
            // and their coefficient matrix is the layer's matrix M (O = M·x), or Mᵀ for
            // C = Mᵀ·O, in the column convention.
            guard let export = render.exportWriter else {
                throw UsageError(flag: "format", "apply does not write \(render.format.rawValue)")
            }
            try MatrixOutput.checkFiniteExport(u, values: kernelValues)
            export.write(
                view.matrix(from: u), kernel: symbols.kernel, values: kernelValues,
                header: UnrollCommand.exportHeader(view, arguments: arguments, command: name),
                to: &output)
            return CommandResult()
        }
        let title = Self.title(layer, transposed: transposed, symbols: symbols, style: render.style)
        guard let kernelValues else {
            // Sums of symbol products, printed without building expressions.
            grids.write(
                sums: { sums in
                    transposed
                        ? layer.symbolicTransposedOutputText(u, symbols: symbols, sums: sums)
                        : layer.symbolicOutputText(u, symbols: symbols, sums: sums)
                }, channels: channels, extents: extents, title: title, to: &output)
            return CommandResult()
        }
        let taps = try MatrixOutput.tapExpressions(kernelValues, kernel: symbols.kernel)
        let values: [Expression]
        do {
            values =
                transposed
                ? try layer.symbolicTransposedOutput(u, symbols: symbols, tapValues: taps)
                : try layer.symbolicOutput(u, symbols: symbols, tapValues: taps)
        } catch {
            throw UsageError(flag: "kernel-values", "exact arithmetic overflowed: \(error)")
        }
        grids.write(
            ExpressionGrids(values, channels: channels, extents: extents), title: title,
            to: &output)
        return CommandResult()
    }
}
