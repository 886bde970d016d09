import ConvMatrixCore
import ConvMatrixNumeric
import ConvMatrixRendering
import ConvMatrixSymbols
import Symbolic

extension Derivation {
    /// The derivation for `conv`, with the backward formulas
    /// (``ConvMatrixCore/Convolution/symbolicBackward(_:symbols:deltaName:)``) and the equivalent direct
    /// convolution of the transpose (``ConvMatrixCore/EquivalentConvolution``).
    ///
    /// Every matrix is elided to `options.maxRows × options.maxColumns`, every sum to
    /// `options.maxTerms` terms, and at most `options.maxPlacements` placements and grid slices
    /// are shown. Only what is shown is computed, as NumPy prints a large array: the few rows of
    /// U that the shown outputs need (``ConvMatrixCore/Convolution/unrolledRows(_:limits:)``),
    /// the few columns the shown inputs need (``ConvMatrixCore/Convolution/unrolledColumns(_:limits:)``),
    /// the entries of the shown weights (``ConvMatrixCore/Convolution/entries(ofTap:)``), and
    /// of a long sum its first and last terms (``ConvMatrixSymbols/ProductSum``) — never U itself.
    /// The document is the one the whole matrices would give, entry for entry.
    ///
    /// Throws when what is shown needs more memory than `options.limits` allow.
    public init(_ conv: Convolution, options: DerivationOptions) throws(SpecificationError) {
        try Derivation.checkShownMemory(conv, options: options)
        let counterpart = try conv.transposedCounterpart.validated()
        let builder = DerivationBuilder(conv: conv, options: options)
        self.init(
            sections: [
                builder.layer(), builder.inputGrid(), builder.flattened(), builder.outputSize(),
                try builder.placements(), try builder.unrolled(), try builder.forward(),
                try builder.transposed(counterpart), try builder.connectivity(),
                try builder.equivalent(counterpart), try builder.backward(),
            ], names: options.names)
    }
}

/// Builds the sections of a convolution's derivation, one method per section, computing only
/// the entries each section shows.
struct DerivationBuilder {
    let conv: Convolution
    let options: DerivationOptions
    let symbols: LayerSymbols
    /// One symbol per weight, in PyTorch's order.
    let kernel: [Symbol]

    init(conv: Convolution, options: DerivationOptions) {
        self.conv = conv
        self.options = options
        self.symbols = LayerSymbols(conv, names: options.names)
        self.kernel = symbols.kernel
    }

    private var names: SymbolNames { options.names }
    private var times: String { options.ascii ? "x" : "×" }
    private func sizes(_ values: [Int]) -> String {
        values.map(String.init).joined(separator: times)
    }

    /// The entries of a matrix that its first cut shows, by row and column.
    typealias Table = [Int: [Int: ElidedMatrix.Cell]]

    /// The rows (or columns) of `count` that a cut to `limit` keeps.
    private func kept(_ count: Int, _ limit: Int) -> [Int] {
        ElidedMatrix.kept(count, limit: limit).compactMap { $0 }
    }

    /// A `rowCount × columnCount` matrix whose shown entries are `table`'s (absent ones are
    /// zero), elided to the row and column limits, then narrowed until its plain-text width (a
    /// measure of its typeset width) fits ``DerivationOptions/maxWidth``: fewer columns first,
    /// down to 3, then fewer terms per entry, down to 3. Narrowing keeps a subset of the
    /// columns first shown, so `table` holds every entry asked for.
    private func elide(rowCount: Int, columnCount: Int, table: Table) -> ElidedMatrix {
        elide(rowCount: rowCount, columnCount: columnCount) { table[$0]?[$1] ?? .zero }
    }

    private func elide(rowCount: Int, columnCount: Int, cell: (Int, Int) -> ElidedMatrix.Cell)
        -> ElidedMatrix
    {
        var columns = options.maxColumns
        var terms = options.maxTerms
        while true {
            var elided = ElidedMatrix(
                rowCount: rowCount, columnCount: columnCount, maxRows: options.maxRows,
                maxColumns: columns, maxTerms: terms, cell: cell)
            if options.inputFirst {
                elided.factorOrder = .inputFirst(
                    names: options.names, gradientName: options.gradientName)
            }
            if elided.estimatedWidth(ascii: options.ascii) + 30 <= options.maxWidth {
                return elided
            }
            if columns > 3 && elided.columnsNeeded > 3 {
                columns = min(columns, elided.columnsNeeded) - 1
            } else if terms > 3 {
                // Down from the longest entry shown, not from the limit (which may be huge).
                let longest = elided.cells.joined().map(\.termCount).max() ?? 0
                guard longest > 3 else { return elided }
                terms = min(terms, longest) - 1
            } else {
                return elided
            }
        }
    }

    /// `Σ first(i)·second(j)` over `pairs` as a cell: whole up to ``DerivationOptions/maxTerms``
    /// terms, else its first two terms and its last, which is all a cut matrix prints.
    private func sum(_ pairs: [(Int, Int)], _ first: (Int) -> Symbol, _ second: (Int) -> Symbol)
        -> ElidedMatrix.Cell
    {
        ElidedMatrix.Cell(
            ProductSum.of(
                pairs, first: first, second: second, wholeUpTo: options.maxTerms, head: 2,
                tail: 1))
    }

    /// `δ` at output `r`, named like the output.
    private func delta(_ r: Int) -> Symbol {
        let output = symbols.output(r)
        return Symbol(
            options.gradientName, indices: output.indices, superscript: output.superscript)
    }

    /// The table of the entries of `rows` (a matrix whose row `j` is row `indices[j]` of the
    /// whole) in the columns `columns`.
    private func table(_ rows: SymbolicTapMatrix, indices: [Int], columns: [Int]) -> Table {
        let wanted = Set(columns)
        var table: Table = [:]
        for (j, row) in indices.enumerated() {
            for entry in rows.nonZeroEntries(inRow: j) where wanted.contains(entry.column) {
                table[row, default: [:]][entry.column] = .value(entry.value)
            }
        }
        return table
    }
    private func plain(_ name: String) -> MathText { MathText(latex: name, text: name) }

    func layer() -> Derivation.Section {
        var items: [DerivationPhrase] = [
            .parameter(.input, value: sizes(conv.inputExtents.sizes)),
            .parameter(.kernel, value: sizes(conv.kernelExtents.sizes)),
            .parameter(.stride, value: sizes(conv.axes.map(\.stride))),
            .parameter(
                .padding,
                value: conv.axes.map { $0.padding.description }.joined(separator: times)),
        ]
        if conv.axes.contains(where: { $0.dilation != 1 }) {
            items.append(.parameter(.dilation, value: sizes(conv.axes.map(\.dilation))))
        }
        if conv.hasChannels {
            items.append(
                .parameter(.channels, value: "\(conv.inChannels) → \(conv.outChannels)"))
        }
        if conv.groups != 1 { items.append(.parameter(.groups, value: "\(conv.groups)")) }
        if conv.paddingMode != .zeros {
            items.append(.parameter(.paddingMode, value: conv.paddingMode.rawValue))
        }
        items.append(conv.orientation == .convolution ? .trueConvolution : .crossCorrelation)
        return Derivation.Section(kind: .layer, blocks: [.paragraph(.introduction), .list(items)])
    }

    func inputGrid() -> Derivation.Section {
        var blocks: [Derivation.Block] = [
            .paragraph(.inputGrid(size: sizes(conv.inputExtents.sizes), channels: conv.inChannels))
        ]
        blocks += grid(channels: conv.inChannels, extents: conv.inputExtents, name: names.input) {
            .value(Expression(symbols.input($0)))
        }
        return Derivation.Section(kind: .inputGrid, blocks: blocks)
    }

    func flattened() -> Derivation.Section {
        Derivation.Section(
            kind: .flattened,
            blocks: [
                .paragraph(.flattened(count: conv.inputCount)),
                .matrix(
                    name: plain("X"),
                    elide(rowCount: 1, columnCount: conv.inputCount) { _, c in
                        .value(Expression(symbols.input(c)))
                    }, caption: nil, statesSize: false),
            ])
    }

    func outputSize() -> Derivation.Section {
        var blocks: [Derivation.Block] = [.paragraph(.outputSizeRule)]
        for (t, axis) in conv.axes.enumerated() {
            blocks.append(
                .formula(
                    DerivationFormulas.outputSize(
                        axis, index: t + options.names.indexBase, ascii: options.ascii)))
        }
        blocks.append(
            .paragraph(
                .outputSizeResult(
                    size: sizes(conv.outputExtents.sizes), channels: conv.outChannels)))
        for (t, axis) in conv.axes.enumerated() where !axis.unreachedInputRanges.isEmpty {
            // Positions are counted in the chosen index base, like the symbols.
            let base = options.names.indexBase
            let list = ShapeReport.runs(
                axis.unreachedInputRanges.map { ($0.lowerBound + base)...($0.upperBound + base) },
                style: TextStyle(ascii: false))
            blocks.append(.paragraph(.unreached(axis: t, rank: conv.rank, positions: list)))
        }
        return Derivation.Section(kind: .outputSize, blocks: blocks)
    }

    func placements() throws(SpecificationError) -> Derivation.Section {
        let shown = min(options.maxPlacements, conv.outputCount)
        let rows = SymbolicTapMatrix(
            try conv.unrolledRows(Array(0..<shown), limits: options.limits), kernel: kernel)
        var blocks: [Derivation.Block] = [
            .paragraph(.placements(shown: shown, total: conv.outputCount))
        ]
        for r in 0..<shown {
            var values: [Int: Expression] = [:]
            for entry in rows.nonZeroEntries(inRow: r) { values[entry.column] = entry.value }
            // P carries the indices of the output it produces, in the chosen index base.
            let output = symbols.output(r)
            let p = Symbol("P", indices: output.indices, superscript: output.superscript)
            let name = MathText(
                latex: LaTeXPrinter(termOrder: .natural).string(for: p),
                text: PlainTextPrinter(ascii: options.ascii).string(for: p))
            blocks.append(.paragraph(.placementFor(index: outputIndex(r))))
            blocks += grid(channels: conv.inChannels, extents: conv.inputExtents, name: name) {
                values[$0].map { .value($0) } ?? .zero
            }
        }
        return Derivation.Section(kind: .placements, blocks: blocks)
    }

    func unrolled() throws(SpecificationError) -> Derivation.Section {
        // U's rows are inputs: the columns of the row convention's U, built alone.
        let rows = kept(conv.inputCount, options.maxRows)
        let columns = SymbolicTapMatrix(
            try conv.unrolledColumns(rows, limits: options.limits), kernel: kernel)
        let u = elide(
            rowCount: conv.inputCount, columnCount: conv.outputCount,
            table: table(
                columns, indices: rows, columns: kept(conv.outputCount, options.maxColumns)))
        var blocks: [Derivation.Block] = [
            .paragraph(.unrolled(rows: conv.inputCount, columns: conv.outputCount)),
            .matrix(name: plain("U"), u, caption: nil, statesSize: true),
        ]
        if conv.paddingMode != .zeros {
            blocks.append(.paragraph(.sumsOfTaps(mode: conv.paddingMode.rawValue)))
        }
        return Derivation.Section(kind: .unrolled, blocks: blocks)
    }

    func forward() throws(SpecificationError) -> Derivation.Section {
        var blocks: [Derivation.Block] = [
            .paragraph(.forward(inputs: conv.inputCount, outputs: conv.outputCount)),
            .formula(
                DerivationFormulas.shapes(
                    "X", "U", names.output, f: conv.inputCount, u: conv.outputCount,
                    ascii: options.ascii)),
        ]
        blocks += try sumGrid(
            channels: conv.outChannels, extents: conv.outputExtents, name: plain(names.output)
        ) { outputs throws(SpecificationError) in
            // O_r = Σ I_c·k_t over row r of U.
            let rows = try conv.unrolledRows(outputs, limits: options.limits)
            return outputs.indices.map { j in
                sum(rows.entries(inRow: j).map { ($0.column, $0.tap) }, symbols.input) {
                    kernel[$0]
                }
            }
        }
        blocks += try NumericForwardBlocks.blocks(conv, options: options)
        return Derivation.Section(kind: .forward, blocks: blocks)
    }

    func transposed(_ layer: TransposedConvolution) throws(SpecificationError)
        -> Derivation.Section
    {
        let rows = kept(conv.outputCount, options.maxRows)
        let t = elide(
            rowCount: conv.outputCount, columnCount: conv.inputCount,
            table: table(
                SymbolicTapMatrix(
                    try conv.unrolledRows(rows, limits: options.limits), kernel: kernel),
                indices: rows, columns: kept(conv.inputCount, options.maxColumns)))
        var blocks: [Derivation.Block] = [
            .paragraph(.transposed(inputs: conv.outputCount, outputs: conv.inputCount)),
            .matrix(name: plain("T"), t, caption: nil, statesSize: true),
            .paragraph(.transposedSizeRule),
        ]
        for (t, axis) in layer.axes.enumerated() {
            blocks.append(
                .formula(
                    DerivationFormulas.transposedSize(
                        axis, index: t + options.names.indexBase, ascii: options.ascii)))
        }
        if layer.axes.contains(where: { $0.outputPadding != 0 }) {
            blocks.append(
                .paragraph(.outputPadding(values: sizes(layer.axes.map(\.outputPadding)))))
        }
        if conv.paddingMode != .zeros {
            blocks.append(.paragraph(.zeroPaddedCounterpart(mode: conv.paddingMode.rawValue)))
        }
        return Derivation.Section(kind: .transposed, blocks: blocks)
    }

    /// For each input in `inputs`, `Σ left(r)·k_t` over column `c` of U: `C = O·T` with the
    /// outputs' letter, `∂E/∂x = Uᵀ·δ` with δ.
    private func columnSums(_ inputs: [Int], left: (Int) -> Symbol)
        throws(SpecificationError) -> [ElidedMatrix.Cell]
    {
        let columns = try conv.unrolledColumns(inputs, limits: options.limits)
        return inputs.indices.map { j in
            sum(columns.entries(inRow: j).map { ($0.column, $0.tap) }, left) { kernel[$0] }
        }
    }

    func connectivity() throws(SpecificationError) -> Derivation.Section {
        var blocks: [Derivation.Block] = [
            .formula(
                DerivationFormulas.shapes(
                    names.output, "T", "C", f: conv.outputCount, u: conv.inputCount,
                    ascii: options.ascii)),
            .paragraph(.connectivity),
        ]
        blocks += try sumGrid(
            channels: conv.inChannels, extents: conv.inputExtents, name: plain("C")
        ) { inputs throws(SpecificationError) in
            try columnSums(inputs, left: symbols.output)
        }
        return Derivation.Section(kind: .connectivity, blocks: blocks)
    }

    func equivalent(_ layer: TransposedConvolution) throws(SpecificationError)
        -> Derivation.Section
    {
        let equivalent = try EquivalentConvolution(layer)
        var items: [DerivationPhrase] = []
        for (t, axis) in layer.axes.enumerated() {
            items.append(
                .insertedZeros(
                    axis: t, rank: layer.rank, zeros: equivalent.insertedZeros[t],
                    size: (axis.inputSize - 1) * axis.stride + 1))
        }
        for (t, padding) in equivalent.signedPadding.enumerated() {
            items.append(
                .equivalentPadding(
                    axis: t, rank: layer.rank, before: padding.before, after: padding.after))
        }
        items.append(.equivalentKernel(dilation: sizes(layer.axes.map(\.dilation))))
        if conv.hasChannels {
            // Only a layer with channels has channels to swap.
            items.append(
                .equivalentChannels(
                    inChannels: equivalent.convolution.inChannels,
                    outChannels: equivalent.convolution.outChannels))
        }
        var blocks: [Derivation.Block] = [.paragraph(.equivalent), .list(items)]
        blocks.append(
            .paragraph(.equivalentOutput(size: sizes(equivalent.convolution.outputExtents.sizes))))
        if equivalent.signedPadding.contains(where: { $0.before < 0 || $0.after < 0 }) {
            blocks.append(.paragraph(.crops))
        }
        return Derivation.Section(kind: .equivalent, blocks: blocks)
    }

    func backward() throws(SpecificationError) -> Derivation.Section {
        var blocks: [Derivation.Block] = [.paragraph(.backward), .paragraph(.inputGradient)]
        blocks += try sumGrid(
            channels: conv.inChannels, extents: conv.inputExtents,
            name: MathText(
                latex: "\\frac{\\partial E}{\\partial \(names.input)}",
                text: options.ascii ? "dE/d\(names.input)" : "∂E/∂\(names.input)")
        ) { inputs throws(SpecificationError) in
            try columnSums(inputs, left: delta)
        }
        blocks.append(.paragraph(.columnConvention))
        blocks.append(
            .paragraph(.weightGradient(rows: conv.outputCount, columns: conv.weightCount)))
        // M(x): row r holds, at weight t, the input that t multiplies for output r.
        let rows = kept(conv.outputCount, options.maxRows)
        let wanted = Set(kept(conv.weightCount, options.maxColumns))
        let u = try conv.unrolledRows(rows, limits: options.limits)
        var m: Table = [:]
        for (j, r) in rows.enumerated() {
            for entry in u.entries(inRow: j) where wanted.contains(entry.tap) {
                m[r, default: [:]][entry.tap] = .value(Expression(symbols.input(entry.column)))
            }
        }
        blocks.append(
            .matrix(
                name: MathText(
                    latex: "M(\(names.input))", text: "M(\(HeadingLetters.unicode(names.input)))"),
                elide(rowCount: conv.outputCount, columnCount: conv.weightCount, table: m),
                caption: nil, statesSize: true))
        blocks += try sumGrid(
            channels: conv.outChannels * conv.inChannelsPerGroup, extents: conv.kernelExtents,
            name: MathText(
                latex: "\\frac{\\partial E}{\\partial \(names.kernel)}",
                text: options.ascii ? "dE/d\(names.kernel)" : "∂E/∂\(names.kernel)")
        ) { taps throws(SpecificationError) in
            // ∂E/∂w_t = Σ δ_r·x_c over the entries of U with tap t.
            taps.map { tap in
                sum(conv.entries(ofTap: tap).map { ($0.row, $0.column) }, delta, symbols.input)
            }
        }
        return Derivation.Section(kind: .backward, blocks: blocks)
    }

    /// `(i, j)` or `(o, i, j)` for flat output `r`, in the chosen index base.
    private func outputIndex(_ r: Int) -> String {
        let base = options.names.indexBase
        let spatial = conv.outputExtents.multiIndex(r % conv.outputExtents.count).map { $0 + base }
        let index = (conv.outChannels > 1 ? [r / conv.outputExtents.count + base] : []) + spatial
        return "(" + index.map(String.init).joined(separator: ", ") + ")"
    }

    /// Matrix blocks for a flattened `(channels, extents…)` tensor whose entries are made by
    /// `cells` for a list of flat indices at once: only the shown slices' shown entries are
    /// asked for.
    private func sumGrid(
        channels: Int, extents: Extents, name: MathText,
        cells: ([Int]) throws(SpecificationError) -> [ElidedMatrix.Cell]
    ) throws(SpecificationError) -> [Derivation.Block] {
        let flats = shown(channels: channels, extents: extents)
        let values = Dictionary(
            zip(flats, try cells(flats)), uniquingKeysWith: { first, _ in first })
        return grid(channels: channels, extents: extents, name: name) { values[$0] ?? .zero }
    }

    /// The flat indices of the entries that ``grid(channels:extents:name:cell:)`` shows.
    private func shown(channels: Int, extents: Extents) -> [Int] {
        let layout = GridSlices.layout(channels: channels, extents: extents)
        let rows = kept(layout.rows, options.maxRows)
        let columns = kept(layout.columns, options.maxColumns)
        let size = layout.rows * layout.columns
        return (0..<min(layout.labels.count, max(options.maxPlacements, 1))).flatMap { slice in
            rows.flatMap { i in columns.map { slice * size + i * layout.columns + $0 } }
        }
    }

    private func grid(
        channels: Int, extents: Extents, name: String, cell: (Int) -> ElidedMatrix.Cell
    ) -> [Derivation.Block] {
        grid(channels: channels, extents: extents, name: plain(name), cell: cell)
    }

    /// Matrix blocks for a flattened `(channels, extents…)` tensor, one per slice, at most
    /// `maxPlacements` of them; `cell(flat)` is asked only for the entries shown.
    private func grid(
        channels: Int, extents: Extents, name: MathText, cell: (Int) -> ElidedMatrix.Cell
    ) -> [Derivation.Block] {
        let layout = GridSlices.layout(channels: channels, extents: extents)
        let size = layout.rows * layout.columns
        let leading = Extents(Array(extents.sizes.dropLast(2))) ?? extents
        let perChannel = max(leading.rank == 0 ? 1 : leading.count, 1)
        let shown = min(layout.labels.count, max(options.maxPlacements, 1))
        var blocks: [Derivation.Block] = []
        for index in 0..<shown {
            let channel = channels > 1 ? index / perChannel : nil
            let depth =
                extents.rank > 2
                ? leading.multiIndex(index % perChannel).map(String.init).joined(separator: ",")
                : nil
            let caption: DerivationPhrase? =
                channel == nil && depth == nil ? nil : .slice(channel: channel, depth: depth)
            let matrix = elide(rowCount: layout.rows, columnCount: layout.columns) { i, j in
                cell(index * size + i * layout.columns + j)
            }
            blocks.append(.matrix(name: name, matrix, caption: caption, statesSize: false))
        }
        if shown < layout.labels.count {
            blocks.append(.paragraph(.slicesShown(shown: shown, total: layout.labels.count)))
        }
        return blocks
    }
}
