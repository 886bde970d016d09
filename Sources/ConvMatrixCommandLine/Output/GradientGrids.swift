import ConvMatrix

/// `backward`'s symbolic gradients as grids. Elided text computes only the entries it shows
/// (``LayerGradientSymbols/Entries``), without U, and shortens long sums (``SumElision/standard``);
/// every other output (LaTeX, `--full`) holds every sum, so it is counted against
/// `--max-memory` before U and the sums are built.
struct GradientGrids {
    /// A gradient: `∂E/∂x`, `∂E/∂w` or `∂E/∂b`.
    enum Part { case input, kernel, bias }

    /// Bytes per stored entry of U that the whole symbolic gradients keep: a product in each of
    /// `∂E/∂x` and `∂E/∂w` (two symbols with their index arrays, about 250 bytes each, measured
    /// with `/usr/bin/time` on a 56×56, 16 → 16 layer), U itself and M's transpose.
    static let bytesPerEntry = 600

    private let entries: LayerGradientSymbols.Entries
    private let render: RenderOptions
    private let whole: LayerGradientSymbols?

    /// The gradients of `conv` (its transposed layer's with `transposed`); `numbers` says which
    /// are printed in numbers instead, and need no symbols.
    init(
        _ conv: Convolution, symbols: LayerSymbols, transposed: Bool, render: RenderOptions,
        numbers: (input: Bool, kernel: Bool, bias: Bool)
    ) throws(UsageError) {
        entries = LayerGradientSymbols.Entries(
            conv, symbols: symbols, transposed: transposed, deltaName: render.gradientName)
        self.render = render
        let elided = render.format == .text && TextStackOutput(options: render).elision != nil
        guard !elided, !(numbers.input && numbers.kernel && numbers.bias) else {
            whole = nil
            return
        }
        let stored = conv.unrolledEntryCount
        let bytes = stored.flatMap { CheckedArithmetic.multiply($0, Self.bytesPerEntry) }
            .flatMap { terms in
                CheckedArithmetic.multiply(conv.outputCount + conv.inputCount, 256).flatMap {
                    CheckedArithmetic.add(terms, $0)
                }
            }
        do {
            try render.limits.checkMemory(
                bytes,
                for:
                    "the symbolic gradients (\(stored.map(String.init) ?? "too many") products in each of ∂E/∂x and ∂E/∂w)"
            )
            let u = try conv.unrolled(limits: render.limits)
            whole = LayerGradientSymbols(
                conv, u: u, symbols: symbols, transposed: transposed,
                deltaName: render.gradientName)
        } catch {
            throw UsageError(error)
        }
    }

    /// The grids of `part`, `(channels, extents…)`.
    func grids(_ part: Part, channels: Int, extents: Extents) throws(UsageError)
        -> ExpressionGrids
    {
        if let whole {
            let values: [Expression]
            switch part {
            case .input: values = whole.input
            case .kernel: values = whole.kernel
            case .bias: values = whole.bias
            }
            return ExpressionGrids(values, channels: channels, extents: extents)
        }
        let shown = ElidedGrids(
            channels: channels, extents: extents, elision: TextStackOutput(options: render).elision)
        var grids: ExpressionGrids
        switch part {
        case .input:
            // A few columns (or rows) of U, built at once: the only part that can fail.
            let cells = shown?.cells ?? Array(0..<(channels * extents.count))
            let values: [Expression]
            do {
                values = try entries.input(at: cells, limits: render.limits)
            } catch {
                throw UsageError(error)
            }
            grids =
                shown?.grids(values)
                ?? ExpressionGrids(values, channels: channels, extents: extents)
        case .kernel, .bias:
            // One sum at a time, made when it is printed: a weight's gradient on ResNet-50's
            // first layer has 12,544 terms, and keeping the shown ones whole took 0.8 GB.
            let entries = self.entries
            let cell = { (index: Int) -> Expression in
                part == .kernel ? entries.kernel(at: [index])[0] : entries.bias(at: [index])[0]
            }
            let layout = GridSlices.layout(channels: channels, extents: extents)
            let size = layout.rows * layout.columns
            let labels = layout.labels
            grids = ExpressionGrids(
                count: labels.count, rows: layout.rows, columns: layout.columns,
                label: { labels[$0] },
                cell: { grid, row, column in cell(grid * size + row * layout.columns + column) })
            // Text prints a long sum by its ends: only those products are made.
            let elision = SumElision.standard
            grids.sumCell = { grid, row, column in
                let index = grid * size + row * layout.columns + column
                return part == .kernel
                    ? entries.kernelSum(
                        at: index, wholeUpTo: elision.threshold, edgeItems: elision.edgeItems)
                    : entries.biasSum(
                        at: index, wholeUpTo: elision.threshold, edgeItems: elision.edgeItems)
            }
        }
        grids.sums = .standard
        return grids
    }
}
