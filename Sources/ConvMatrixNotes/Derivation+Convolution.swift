import ConvMatrixCore
import ConvMatrixNumeric
import ConvMatrixRendering
import ConvMatrixSymbols
import Symbolic

extension Derivation {
    /// The derivation for `conv`, with the backward formulas
    /// (``Convolution/symbolicBackward(_:symbols:deltaName:)``) and the equivalent direct
    /// convolution of the transpose (``EquivalentConvolution``).
    ///
    /// Every matrix is computed symbolically from the layer's tap matrix (``Convolution/unrolled(limits:)``)
    /// and elided to `options.maxRows × options.maxColumns`; at most `options.maxPlacements`
    /// placements and grid slices are shown. Throws when the layer needs more memory than
    /// `options.limits` allow.
    public init(_ conv: Convolution, options: DerivationOptions) throws(SpecificationError) {
        try Derivation.checkSymbolicMemory(conv, options: options)
        let u = try conv.unrolled(limits: options.limits)
        let counterpart = try conv.transposedCounterpart.validated()
        let builder = DerivationBuilder(conv: conv, u: u, options: options)
        self.init(
            sections: [
                builder.layer(), builder.inputGrid(), builder.flattened(), builder.outputSize(),
                builder.placements(), builder.unrolled(), try builder.forward(),
                builder.transposed(counterpart), builder.connectivity(),
                try builder.equivalent(counterpart), builder.backward(),
            ], names: options.names)
    }
}

/// Builds the sections of a convolution's derivation, one method per section.
struct DerivationBuilder {
    let conv: Convolution
    let u: TapMatrix
    let options: DerivationOptions
    let symbols: LayerSymbols

    init(conv: Convolution, u: TapMatrix, options: DerivationOptions) {
        self.conv = conv
        self.u = u
        self.options = options
        self.symbols = LayerSymbols(conv, names: options.names)
    }

    private var names: SymbolNames { options.names }
    private var times: String { options.ascii ? "x" : "×" }
    private func sizes(_ values: [Int]) -> String {
        values.map(String.init).joined(separator: times)
    }
    /// `matrix` elided to the row and column limits, then narrowed until its plain-text width
    /// (a measure of its typeset width) fits ``DerivationOptions/maxWidth``: fewer columns
    /// first, down to 3, then fewer terms per entry, down to 3.
    private func elide(_ matrix: some SparseRowSource) -> ElidedMatrix {
        var columns = options.maxColumns
        var terms = options.maxTerms
        while true {
            var elided = ElidedMatrix(
                matrix, maxRows: options.maxRows, maxColumns: columns, maxTerms: terms)
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
                let longest =
                    elided.cells.joined().map { cell -> Int in
                        if case .value(let e) = cell { return e.terms.count }
                        return 0
                    }.max() ?? 0
                guard longest > 3 else { return elided }
                terms = min(terms, longest) - 1
            } else {
                return elided
            }
        }
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
        let values = (0..<conv.inputCount).map { Expression(symbols.input($0)) }
        var blocks: [Derivation.Block] = [
            .paragraph(.inputGrid(size: sizes(conv.inputExtents.sizes), channels: conv.inChannels))
        ]
        blocks += grid(
            values, channels: conv.inChannels, extents: conv.inputExtents, name: names.input)
        return Derivation.Section(kind: .inputGrid, blocks: blocks)
    }

    func flattened() -> Derivation.Section {
        let row = (0..<conv.inputCount).map { Expression(symbols.input($0)) }
        let matrix =
            (try? SymbolicMatrix([row])) ?? (try? SymbolicMatrix(rowCount: 0, columnCount: 0))
        var blocks: [Derivation.Block] = [.paragraph(.flattened(count: conv.inputCount))]
        if let matrix {
            blocks.append(.matrix(name: plain("X"), elide(matrix), caption: nil, statesSize: false))
        }
        return Derivation.Section(kind: .flattened, blocks: blocks)
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

    func placements() -> Derivation.Section {
        let matrix = SymbolicTapMatrix(u, kernel: symbols.kernel)
        let shown = min(options.maxPlacements, u.rowCount)
        var blocks: [Derivation.Block] = [.paragraph(.placements(shown: shown, total: u.rowCount))]
        for r in 0..<shown {
            var values = [Expression](repeating: .zero, count: conv.inputCount)
            for entry in matrix.nonZeroEntries(inRow: r) { values[entry.column] = entry.value }
            // P carries the indices of the output it produces, in the chosen index base.
            let output = symbols.output(r)
            let p = Symbol("P", indices: output.indices, superscript: output.superscript)
            let name = MathText(
                latex: LaTeXPrinter(termOrder: .natural).string(for: p),
                text: PlainTextPrinter(ascii: options.ascii).string(for: p))
            blocks.append(.paragraph(.placementFor(index: outputIndex(r))))
            blocks += grid(
                values, channels: conv.inChannels, extents: conv.inputExtents, name: name)
        }
        return Derivation.Section(kind: .placements, blocks: blocks)
    }

    func unrolled() -> Derivation.Section {
        let matrix = SymbolicTapMatrix(u.transposed(), kernel: symbols.kernel)
        var blocks: [Derivation.Block] = [
            .paragraph(.unrolled(rows: conv.inputCount, columns: conv.outputCount)),
            .matrix(name: plain("U"), elide(matrix), caption: nil, statesSize: true),
        ]
        if conv.paddingMode != .zeros {
            blocks.append(.paragraph(.sumsOfTaps(mode: conv.paddingMode.rawValue)))
        }
        return Derivation.Section(kind: .unrolled, blocks: blocks)
    }

    func forward() throws(SpecificationError) -> Derivation.Section {
        let values = conv.symbolicOutput(u, symbols: symbols)
        var blocks: [Derivation.Block] = [
            .paragraph(.forward(inputs: conv.inputCount, outputs: conv.outputCount)),
            .formula(
                DerivationFormulas.shapes(
                    "X", "U", names.output, f: conv.inputCount, u: conv.outputCount,
                    ascii: options.ascii)),
        ]
        blocks += grid(
            values, channels: conv.outChannels, extents: conv.outputExtents, name: names.output)
        blocks += try NumericForwardBlocks.blocks(conv, u: u, options: options)
        return Derivation.Section(kind: .forward, blocks: blocks)
    }

    func transposed(_ layer: TransposedConvolution) -> Derivation.Section {
        let matrix = SymbolicTapMatrix(u, kernel: symbols.kernel)
        var blocks: [Derivation.Block] = [
            .paragraph(.transposed(inputs: conv.outputCount, outputs: conv.inputCount)),
            .matrix(name: plain("T"), elide(matrix), caption: nil, statesSize: true),
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

    func connectivity() -> Derivation.Section {
        let values = conv.symbolicTransposedOutput(u, symbols: symbols)
        var blocks: [Derivation.Block] = [
            .formula(
                DerivationFormulas.shapes(
                    names.output, "T", "C", f: conv.outputCount, u: conv.inputCount,
                    ascii: options.ascii)),
            .paragraph(.connectivity),
        ]
        blocks += grid(values, channels: conv.inChannels, extents: conv.inputExtents, name: "C")
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

    func backward() -> Derivation.Section {
        let backward = conv.symbolicBackward(u, symbols: symbols, deltaName: options.gradientName)
        let im2col = conv.symbolicWeightMatrix(u, symbols: symbols)
        var blocks: [Derivation.Block] = [.paragraph(.backward), .paragraph(.inputGradient)]
        blocks += grid(
            backward.inputGradient, channels: conv.inChannels, extents: conv.inputExtents,
            name: MathText(
                latex: "\\frac{\\partial E}{\\partial \(names.input)}",
                text: options.ascii ? "dE/d\(names.input)" : "∂E/∂\(names.input)"))
        blocks.append(.paragraph(.columnConvention))
        blocks.append(
            .paragraph(.weightGradient(rows: im2col.rowCount, columns: im2col.columnCount)))
        blocks.append(
            .matrix(
                name: MathText(
                    latex: "M(\(names.input))", text: "M(\(HeadingLetters.unicode(names.input)))"),
                elide(im2col), caption: nil, statesSize: true))
        blocks += grid(
            backward.weightGradient, channels: conv.outChannels * conv.inChannelsPerGroup,
            extents: conv.kernelExtents,
            name: MathText(
                latex: "\\frac{\\partial E}{\\partial \(names.kernel)}",
                text: options.ascii ? "dE/d\(names.kernel)" : "∂E/∂\(names.kernel)"))
        return Derivation.Section(kind: .backward, blocks: blocks)
    }

    /// `(i, j)` or `(o, i, j)` for flat output `r`, in the chosen index base.
    private func outputIndex(_ r: Int) -> String {
        let base = options.names.indexBase
        let spatial = conv.outputExtents.multiIndex(r % conv.outputExtents.count).map { $0 + base }
        let index = (conv.outChannels > 1 ? [r / conv.outputExtents.count + base] : []) + spatial
        return "(" + index.map(String.init).joined(separator: ", ") + ")"
    }

    /// Matrix blocks for a flattened `(channels, extents…)` tensor, one per slice, at most
    /// `maxPlacements` of them.
    private func grid(_ values: [Expression], channels: Int, extents: Extents, name: String)
        -> [Derivation.Block]
    {
        grid(values, channels: channels, extents: extents, name: plain(name))
    }

    private func grid(_ values: [Expression], channels: Int, extents: Extents, name: MathText)
        -> [Derivation.Block]
    {
        let slices = GridSlices(values, channels: channels, extents: extents).slices
        let leading = Extents(Array(extents.sizes.dropLast(2))) ?? extents
        let perChannel = max(leading.rank == 0 ? 1 : leading.count, 1)
        let shown = min(slices.count, max(options.maxPlacements, 1))
        var blocks: [Derivation.Block] = []
        for (index, slice) in slices.prefix(shown).enumerated() {
            let channel = channels > 1 ? index / perChannel : nil
            let depth =
                extents.rank > 2
                ? leading.multiIndex(index % perChannel).map(String.init).joined(separator: ",")
                : nil
            let caption: DerivationPhrase? =
                channel == nil && depth == nil ? nil : .slice(channel: channel, depth: depth)
            blocks.append(
                .matrix(name: name, elide(slice.matrix), caption: caption, statesSize: false))
        }
        if shown < slices.count {
            blocks.append(.paragraph(.slicesShown(shown: shown, total: slices.count)))
        }
        return blocks
    }
}
