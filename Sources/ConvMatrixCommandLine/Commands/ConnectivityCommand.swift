import ConvMatrix

/// `convmatrix connectivity`: which input feeds which output through which tap, and back.
struct ConnectivityCommand: Command {
    static let format = OptionDefinition(
        name: "format", choices: ConnectivityReport.Layout.self,
        help: "Lines (default), Markdown tables, or CSV rows.")

    let name = "connectivity"
    let abstract =
        "List, for each output, the inputs it reads and the taps used; and the inverse map."
    let discussion = """
        With --transpose, the connectivity of the transposed convolution (the positions of the
        forward input are written with the input letter, its inputs with the output letter):
        it is the forward connectivity reversed, link for link.

        EXAMPLES:
          convmatrix connectivity --input 5x5 --kernel 3x3 --stride 2
          convmatrix connectivity --input 5x5 --kernel 3x3 --stride 2 --transpose --format markdown
          convmatrix connectivity --input 4 --kernel 3 --padding 1 --padding-mode reflect --format csv
        """
    let options =
        Options.layer + [
            Options.transpose, Options.names, Options.indexBase, ConnectivityCommand.format,
            Options.ascii,
            Options.maxMemory, Options.full,
        ]

    func run(_ arguments: ParsedArguments, output: inout some TextOutputStream) throws(UsageError)
        -> CommandResult
    {
        let layer = try LayerOptions.layer(arguments)
        let layout = try arguments.choice(
            ConnectivityCommand.format, default: ConnectivityReport.Layout.text)
        let names = try arguments.symbolNames()
        let limits = try LayerOptions.limits(arguments)
        let view = LayerMatrix(
            layer, convention: .column, transposed: arguments.has(Options.transpose))
        let symbols = LayerSymbols(layer, names: names)
        let style = TextStyle(ascii: arguments.has(Options.ascii))
        let report: ConnectivityReport
        if var elided = try Self.elided(
            layer, view: view, symbols: symbols, layout: layout, limits: limits,
            full: arguments.has(Options.full))
        {
            elided.elisionHint = Hints.connectivityElision
            report = elided
        } else {
            report = try Self.whole(layer, view: view, symbols: symbols, limits: limits)
        }
        if layout == .text {
            let description = LayerDescription.describe(layer, style: style)
            let c = symbols.transposedOutputLetter
            let line =
                view.transposed
                ? "Connectivity of \(view.transposedMapNoun), \(c) = \(names.output)\(style.dot)\(view.layerLetter)\(style.transposeMark) (\(c) on the input grid), of \(view.layerNoun): \(description)"
                : "Connectivity of \(view.layerNoun): \(description)"
            output.write(line + "\n\n")
        }
        report.write(
            layout: layout, printer: PlainTextPrinter(ascii: style.ascii || layout == .csv),
            style: style, to: &output)
        return CommandResult()
    }

    /// The report of every link, from the whole matrix (counted against the budget first).
    static func whole(
        _ layer: Layer, view: LayerMatrix, symbols: LayerSymbols, limits: ResourceLimits
    ) throws(UsageError) -> ConnectivityReport {
        let u: TapMatrix
        do {
            // Counted by arithmetic before U is built: the map's links (as
            // `Connectivity.estimatedBytes` counts them) and U itself, 8 bytes an entry.
            let entries = layer.entryCountBound
            let bytes = entries.flatMap { CheckedArithmetic.multiply($0, 128 + 8) }.flatMap {
                total in
                CheckedArithmetic.multiply(layer.outputSide.count + layer.inputSide.count, 64)
                    .flatMap {
                        CheckedArithmetic.add(total, $0)
                    }
            }
            try limits.checkMemory(bytes, for: "the connectivity map")
            u = try layer.matrix(limits: limits)
            try limits.checkMemory(
                Connectivity.estimatedBytes(for: u), for: "the connectivity map")
        } catch {
            throw UsageError(error)
        }
        // The transposed map reads the outputs O and writes C on the input grid.
        return
            view.transposed
            ? ConnectivityReport(
                u.transposed(), targetName: { symbols.transposedOutput($0) },
                sourceName: { symbols.output($0) }, tapNames: symbols.kernel)
            : ConnectivityReport(
                u, targetName: { symbols.output($0) }, sourceName: { symbols.input($0) },
                tapNames: symbols.kernel)
    }

    /// Text and Markdown of a layer with more than NumPy's 1000 links, unless `--full`: the
    /// first and last three lines of each map, built from those rows and columns of the
    /// layer's matrix alone (U is not built). Nil when everything is printed.
    static func elided(
        _ layer: Layer, view: LayerMatrix, symbols: LayerSymbols,
        layout: ConnectivityReport.Layout, limits: ResourceLimits, full: Bool
    ) throws(UsageError) -> ConnectivityReport? {
        let elision = TextElision.numpy
        guard layout != .csv, !full,
            (layer.entryCountBound ?? Int.max) > elision.threshold
        else { return nil }
        let outputs = elision.shown(layer.outputSide.count).indices
        let inputs = elision.shown(layer.inputSide.count).indices
        guard outputs.count < layer.outputSide.count || inputs.count < layer.inputSide.count else {
            return nil
        }
        do {
            if view.transposed {
                return ConnectivityReport(
                    rows: try layer.matrixColumns(inputs, limits: limits), of: inputs,
                    targetCount: layer.inputSide.count,
                    inverseRows: try layer.matrixRows(outputs, limits: limits), of: outputs,
                    sourceCount: layer.outputSide.count, edgeItems: elision.edgeItems,
                    targetName: { symbols.transposedOutput($0) },
                    sourceName: { symbols.output($0) }, tapNames: symbols.kernel)
            }
            return ConnectivityReport(
                rows: try layer.matrixRows(outputs, limits: limits), of: outputs,
                targetCount: layer.outputSide.count,
                inverseRows: try layer.matrixColumns(inputs, limits: limits), of: inputs,
                sourceCount: layer.inputSide.count, edgeItems: elision.edgeItems,
                targetName: { symbols.output($0) }, sourceName: { symbols.input($0) },
                tapNames: symbols.kernel)
        } catch {
            throw UsageError(error)
        }
    }
}
