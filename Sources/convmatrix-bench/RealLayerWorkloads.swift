import ConvMatrix
import Symbolic

/// The commands that print large layers elided, on ResNet-50's first layer, as the command line runs them: elided
/// text computes only the cells it shows, numbers come from the definition, and U is never
/// built. Each workload is a process of its own, so its peak is the command's work.
extension Workloads {
    static let resnetLayer = ConvolutionSpec(
        inputSize: [224, 224], kernelSize: [7, 7], stride: [2, 2],
        padding: .explicit([AxisPadding(3), AxisPadding(3)]), inChannels: 3, outChannels: 64)

    /// The cells elided text shows of a `(channels, extents…)` tensor.
    static func shown(channels: Int, extents: Extents) -> [Int] {
        let layout = GridSlices.layout(channels: channels, extents: extents)
        return TextGridWriter.shownCells(
            grids: layout.labels.count, rows: layout.rows, columns: layout.columns, .numpy)
            ?? Array(0..<(channels * extents.count))
    }

    /// Prints `values` (the shown cells' sums) shortened as the command line does, counted.
    static func printed(_ values: [Expression]) -> Int {
        let printer = PlainTextPrinter()
        return values.reduce(0) {
            $0 + SumElision.standard.text($1, dots: "⋯") { printer.string(for: $0) }.utf8.count
        }
    }

    static let realLayers: [Workload] = [
        Workload(
            name: "resnet-apply-text",
            summary: "ResNet-50 conv1: apply as elided text (the shown outputs' rows of U)",
            repeats: 5,
            run: { try text(direction: .forward) }),
        Workload(
            name: "resnet-apply-transpose-text",
            summary: "ResNet-50 conv1: apply --transpose as elided text (columns of U)",
            repeats: 5,
            run: { try text(direction: .transposed) }),
        Workload(
            name: "resnet-apply-values",
            summary: "ResNet-50 conv1: apply with random values, exact (direct convolution)",
            repeats: 5, run: { try values(direction: .forward) }),
        Workload(
            name: "resnet-apply-transpose-values",
            summary: "ResNet-50 conv1: apply --transpose with random values, exact (scatter)",
            repeats: 5, run: { try values(direction: .transposed) }),
        Workload(
            name: "resnet-backward-text",
            summary: "ResNet-50 conv1: backward, symbolic, the entries elided text shows",
            repeats: 1,
            run: {
                let conv = try resnetLayer.validated()
                let entries = LayerGradientSymbols.Entries(
                    conv, symbols: LayerSymbols(conv), transposed: false, deltaName: "δ")
                let input = try entries.input(
                    at: shown(channels: conv.inChannels, extents: conv.inputExtents),
                    limits: .default)
                var bytes = printed(input)
                let elision = SumElision.standard
                let printer = PlainTextPrinter()
                let sums =
                    shown(
                        channels: conv.kernelLayout.count / conv.kernelExtents.count,
                        extents: conv.kernelExtents
                    ).map {
                        entries.kernelSum(
                            at: $0, wholeUpTo: elision.threshold, edgeItems: elision.edgeItems)
                    }
                    + (0..<conv.outChannels).map {
                        entries.biasSum(
                            at: $0, wholeUpTo: elision.threshold, edgeItems: elision.edgeItems)
                    }
                for sum in sums {
                    bytes += elision.text(sum, dots: "⋯") { printer.string(for: $0) }.utf8.count
                }
                return "\(bytes) B"
            }),
        Workload(
            name: "resnet-backward-values",
            summary: "ResNet-50 conv1: backward with random values, exact (scatter, correlation)",
            repeats: 5,
            run: {
                let conv = try resnetLayer.validated()
                var g = SplitMix64(seed: 1)
                let values = LayerValues(
                    input: (0..<conv.inputCount).map { _ in g.nextDyadic() },
                    kernel: (0..<conv.weightCount).map { _ in g.nextDyadic() },
                    delta: (0..<conv.outputCount).map { _ in g.nextDyadic() })
                let result = try conv.backwardDirect(values: values)
                return "exact: \(result.input.isExact && result.kernel.isExact)"
            }),
        Workload(
            name: "resnet-connectivity",
            summary: "ResNet-50 conv1: connectivity, the first and last lines of each map",
            repeats: 5,
            run: {
                let conv = try resnetLayer.validated()
                let layer = Layer.convolution(conv)
                let symbols = LayerSymbols(conv)
                let outputs = TextElision.numpy.shown(conv.outputCount).indices
                let inputs = TextElision.numpy.shown(conv.inputCount).indices
                let report = ConnectivityReport(
                    rows: try layer.matrixRows(outputs), of: outputs,
                    targetCount: conv.outputCount, inverseRows: try layer.matrixColumns(inputs),
                    of: inputs, sourceCount: conv.inputCount, edgeItems: 3,
                    targetName: { symbols.output($0) }, sourceName: { symbols.input($0) },
                    tapNames: symbols.kernel)
                var sink = CountingSink()
                report.write(
                    layout: .text, printer: PlainTextPrinter(), style: TextStyle(ascii: false),
                    to: &sink)
                return "\(sink.bytes) B"
            }),
        derive("resnet-derive-text", "derive (matrices, text)", style: .matrices, format: .text),
        derive("resnet-derive-latex", "derive (matrices, LaTeX)", style: .matrices, format: .latex),
        derive(
            "resnet-derive-values", "derive with random values (matrices, text)", style: .matrices,
            format: .text, values: true),
        derive(
            "resnet-derive-equations", "derive --style equations (text)", style: .equations,
            format: .text),
        derive(
            "resnet-derive-equations-latex", "derive --style equations (LaTeX)", style: .equations,
            format: .latex),
    ]

    /// The derivation styles.
    enum DeriveStyle { case matrices, equations }

    /// `derive` on ResNet-50's first layer: the document built from the rows, columns and
    /// sum ends it shows, and rendered.
    static func derive(
        _ name: String, _ summary: String, style: DeriveStyle, format: DerivationRenderer.Format,
        values: Bool = false
    ) -> Workload {
        Workload(
            name: name, summary: "ResNet-50 conv1: \(summary), elided", repeats: 3,
            run: {
                let conv = try resnetLayer.validated()
                var options = DerivationOptions(
                    gradientName: format == .text ? "δ" : "\\delta", maxRows: 12, maxColumns: 12,
                    maxTerms: 4)
                if values {
                    var g = SplitMix64(seed: 1)
                    options.values = LayerValues(
                        input: (0..<conv.inputCount).map { _ in g.nextDyadic() },
                        kernel: (0..<conv.weightCount).map { _ in g.nextDyadic() }, bias: nil)
                }
                let derivation =
                    style == .equations
                    ? try Derivation(equationsFor: conv, options: options)
                    : try Derivation(conv, options: options)
                let text = DerivationRenderer(format: format, language: .en).render(
                    derivation, layer: "")
                return "\(text.utf8.count) B"
            })
    }

    /// `apply` (or `apply --transpose`) as elided text on ResNet-50's first layer: the shown
    /// output cells of `O = X·U` from their rows of U, or the shown input cells of `C = O·Uᵀ`
    /// from their columns of U.
    static func text(direction: LayerDirection) throws -> String {
        let conv = try resnetLayer.validated()
        let layer = Layer.convolution(conv)
        let symbols = LayerSymbols(conv)
        let sums: [Expression]
        let cells: [Int]
        if direction == .forward {
            cells = shown(channels: conv.outChannels, extents: conv.outputExtents)
            sums = Layer.productSums(
                try layer.matrixRows(cells), left: { symbols.input($0) },
                kernel: { symbols.kernel($0) })
        } else {
            cells = shown(channels: conv.inChannels, extents: conv.inputExtents)
            sums = Layer.productSums(
                try layer.matrixColumns(cells), left: { symbols.output($0) },
                kernel: { symbols.kernel($0) })
        }
        return "\(cells.count) cells, \(printed(sums)) B"
    }

    /// `apply --input-values random --kernel-values random` (or `--transpose`) on ResNet-50's
    /// first layer: exact, computed in doubles where they cannot round.
    static func values(direction: LayerDirection) throws -> String {
        let conv = try resnetLayer.validated()
        var g = SplitMix64(seed: 1)
        let inputs = direction == .forward ? conv.inputCount : conv.outputCount
        let values = LayerValues(
            input: (0..<inputs).map { _ in g.nextDyadic() },
            kernel: (0..<conv.weightCount).map { _ in g.nextDyadic() })
        let result = try conv.evaluateDirect(values: values, direction: direction)
        return "exact: \(result.isExact)"
    }
}
