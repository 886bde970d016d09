import ConvMatrixCore
import ConvMatrixNumeric
import ConvMatrixSymbols
import Symbolic

extension Derivation {
    /// The derivation as equation lists, the way the numpy lab on a conv layer writes it:
    ///
    ///     y₁₁ = x₁₁·w₁₁ + x₁₂·w₁₂ + x₂₁·w₂₁ + x₂₂·w₂₂            (one per output)
    ///     ∂E/∂w₁₁ = ∂E/∂y₁₁·x₁₁ + ∂E/∂y₁₂·x₁₂ + …                (one per weight)
    ///     ∂E/∂x₁₂ = ∂E/∂y₁₁·w₁₂ + ∂E/∂y₁₂·w₁₁ + ∂E/∂y₂₁·0 + …     (one per input)
    ///
    /// then the compact forms `∂E/∂w = x ⋆ δ` and `∂E/∂x = δ̂ ⋆ rot180(w)` (a full correlation) with the padding,
    /// the zeros inserted by the stride and the dilation of this layer (Dumoulin & Visin, A
    /// guide to convolution arithmetic for deep learning, for the transposed convolution).
    ///
    /// Every term comes from U: output `r` has the terms `(c, t)` of its row; `∂E/∂w_t` the
    /// entries with tap `t`; `∂E/∂x_c` the entries of column `c`. Lists are elided to
    /// `options.maxRows` equations and `options.maxTerms` terms, and only those are computed:
    /// the rows and columns of U of the equations shown, and of a long sum its first two
    /// terms and its last.
    public init(equationsFor conv: Convolution, options: DerivationOptions)
        throws(SpecificationError)
    {
        try Derivation.checkShownMemory(conv, options: options)
        let counterpart = try conv.transposedCounterpart.validated()
        let builder = DerivationBuilder(conv: conv, options: options)
        let equations = EquationsBuilder(conv: conv, options: options)
        let layer = builder.layer()
        self.init(
            sections: [
                Derivation.Section(
                    kind: .layer,
                    blocks: [.paragraph(.equationsIntroduction)] + layer.blocks.dropFirst()),
                try equations.forward(), equations.kernelGradient(),
                try equations.inputGradient(), try equations.compactForms(counterpart),
            ], names: options.names)
    }

    /// Bytes a shown term takes while a document is built: its two symbols with their index
    /// arrays, and its printed LaTeX and text (a few hundred bytes, counted generously).
    static let bytesPerShownTerm = 600

    /// Checks, by arithmetic and before anything is built, that what a derivation of `conv`
    /// shows fits `options.limits`: at most `maxPlacements` grids and placements of each kind
    /// and a few matrices, each of at most `maxRows × maxColumns` entries (or `maxRows`
    /// equations), each a sum of at most `maxTerms` terms or the longest a layer makes — the
    /// outputs of a channel (a weight's gradient), an input's taps times the outputs of its
    /// group, or a row of U. What is not shown is never built, whatever the layer's size.
    static func checkShownMemory(_ conv: Convolution, options: DerivationOptions)
        throws(SpecificationError)
    {
        let longest =
            [
                conv.outputExtents.count, conv.inChannelsPerGroup * conv.kernelExtents.count,
                conv.outChannelsPerGroup * conv.outputExtents.count,
            ].max() ?? 1
        let grids = CheckedArithmetic.multiply(max(options.maxPlacements, 1), 6)
            .flatMap { CheckedArithmetic.add($0, 8) }
        let bytes = CheckedArithmetic.product([
            grids ?? Int.max, max(options.maxRows, 3), max(options.maxColumns, 3),
            min(max(options.maxTerms, 3), longest) + 3, bytesPerShownTerm,
        ])
        try options.limits.checkMemory(
            bytes,
            for:
                "a derivation showing \(options.maxRows)×\(options.maxColumns) entries of up to \(options.maxTerms) terms"
        )
    }
}

/// Builds the equation-list sections, computing only the equations shown.
struct EquationsBuilder {
    let conv: Convolution
    let options: DerivationOptions
    let symbols: LayerSymbols
    private let latexPrinter = LaTeXPrinter(termOrder: .natural)
    private let textPrinter: PlainTextPrinter

    init(conv: Convolution, options: DerivationOptions) {
        self.conv = conv
        self.options = options
        self.symbols = LayerSymbols(conv, names: options.names)
        self.textPrinter = PlainTextPrinter(ascii: options.ascii)
    }

    private func math(_ symbol: Symbol) -> MathText {
        MathText(latex: latexPrinter.string(for: symbol), text: textPrinter.string(for: symbol))
    }

    /// `∂E/∂s` for a symbol `s`.
    private func partial(_ symbol: Symbol) -> MathText {
        let d = options.ascii ? "d" : "∂"
        return MathText(
            latex: "\\frac{\\partial E}{\\partial \(latexPrinter.string(for: symbol))}",
            text: "\(d)E/\(d)\(textPrinter.string(for: symbol))")
    }

    private var zero: MathText { MathText(latex: "0", text: "0") }

    /// The list of `total` equations, of which only the shown ones are made by `line`.
    private func list(total: Int, line: (Int) -> EquationList.Line) -> EquationList {
        EquationList(total: total, maxRows: options.maxRows, maxTerms: options.maxTerms, line: line)
    }

    /// An equation of `count` terms, of which `term(k)` makes the `k`-th: all of them, or only
    /// the first two and the last when the list shortens the sum.
    private func line(_ left: MathText, count: Int, term: (Int) -> [MathText])
        -> EquationList.Line
    {
        guard count > options.maxTerms else {
            return EquationList.Line(left: left, terms: (0..<count).map(term))
        }
        return EquationList.Line(
            left: left, terms: [term(0), term(1), term(count - 1)], termCount: count)
    }

    func forward() throws(SpecificationError) -> Derivation.Section {
        let total = conv.outputCount
        let shown = EquationList.shown(total, maxRows: options.maxRows)
        let rows = try conv.unrolledRows(shown, limits: options.limits)
        let position = Dictionary(uniqueKeysWithValues: shown.enumerated().map { ($1, $0) })
        let equations = list(total: total) { r in
            let entries = rows.entries(inRow: position[r] ?? 0)
            return line(math(symbols.output(r)), count: entries.count) { k in
                let x = math(symbols.input(entries[k].column))
                let w = math(symbols.kernel(entries[k].tap))
                return options.inputFirst ? [x, w] : [w, x]
            }
        }
        return Derivation.Section(
            kind: .forwardEquations,
            blocks: [.paragraph(.forwardEquations(outputs: total)), .equations(equations)]
                + (try NumericForwardBlocks.blocks(conv, options: options)))
    }

    /// The output channel of weight `t` and the outputs of that channel.
    private func outputs(ofTap t: Int) -> Range<Int> {
        let perOutputChannel = conv.kernelLayout.count / conv.outChannels
        let o = t / perOutputChannel
        return (o * conv.outputExtents.count)..<((o + 1) * conv.outputExtents.count)
    }

    /// The outputs whose channel reads input `c` (its group's output channels).
    private func outputs(ofInput c: Int) -> Range<Int> {
        let group = (c / conv.inputExtents.count) / conv.inChannelsPerGroup
        let first = group * conv.outChannelsPerGroup * conv.outputExtents.count
        return first..<(first + conv.outChannelsPerGroup * conv.outputExtents.count)
    }

    /// The equation `left = Σ ∂E/∂y_r·factor(p)` over `pairs` (output `r`, payload `p`) in
    /// output order, with `∂E/∂y_r·0` for the outputs of `outputs` without a pair when zeros
    /// are shown.
    private func gradientLine(
        _ left: MathText, outputs: Range<Int>, pairs: [(output: Int, payload: Int)],
        factor: (Int) -> MathText
    ) -> EquationList.Line {
        let terms = OutputOrderedTerms(outputs: outputs, pairs: pairs, zeros: options.showZeros)
        let make = { (item: (output: Int, payload: Int?)) -> [MathText] in
            [partial(symbols.output(item.output)), item.payload.map(factor) ?? zero]
        }
        guard terms.count > options.maxTerms else {
            return EquationList.Line(left: left, terms: terms.all.map(make))
        }
        return EquationList.Line(
            left: left, terms: (terms.first(2) + [terms.last].compactMap { $0 }).map(make),
            termCount: terms.count)
    }

    func kernelGradient() -> Derivation.Section {
        let equations = list(total: conv.weightCount) { t in
            gradientLine(
                partial(symbols.kernel(t)), outputs: outputs(ofTap: t),
                pairs: conv.entries(ofTap: t).map { ($0.row, $0.column) }
            ) { math(symbols.input($0)) }
        }
        return Derivation.Section(
            kind: .kernelGradientEquations,
            blocks: [
                .paragraph(.kernelGradientEquations(weights: conv.weightCount)),
                .equations(equations),
            ])
    }

    func inputGradient() throws(SpecificationError) -> Derivation.Section {
        let shown = EquationList.shown(conv.inputCount, maxRows: options.maxRows)
        let columns = try conv.unrolledColumns(shown, limits: options.limits)
        let position = Dictionary(uniqueKeysWithValues: shown.enumerated().map { ($1, $0) })
        let equations = list(total: conv.inputCount) { c in
            gradientLine(
                partial(symbols.input(c)), outputs: outputs(ofInput: c),
                pairs: columns.entries(inRow: position[c] ?? 0).map { ($0.column, $0.tap) }
            ) { math(symbols.kernel($0)) }
        }
        return Derivation.Section(
            kind: .inputGradientEquations,
            blocks: [
                .paragraph(
                    .inputGradientEquations(inputs: conv.inputCount, zeros: options.showZeros)),
                .equations(equations),
            ])
    }

    func compactForms(_ layer: TransposedConvolution) throws(SpecificationError)
        -> Derivation.Section
    {
        let equivalent = try EquivalentConvolution(layer)
        let n = options.names
        let x = latexPrinter.string(for: Symbol(n.input))
        let w = latexPrinter.string(for: Symbol(n.kernel))
        let y = latexPrinter.string(for: Symbol(n.output))
        let d = options.ascii ? "d" : "∂"
        let stride = conv.axes.map(\.stride)
        let zeros = stride.allSatisfy { $0 == stride[0] } && stride[0] > 1 ? stride[0] - 1 : nil
        let dilations = conv.axes.map(\.dilation)
        let dilation =
            dilations.allSatisfy({ $0 == dilations[0] }) && dilations[0] > 1 ? dilations[0] : nil
        let padding = conv.axes.flatMap { [$0.padding.before, $0.padding.after] }
        let equivalentPadding = equivalent.signedPadding.flatMap { [$0.before, $0.after] }
        // A cross-correlation layer (as frameworks compute) sends δ back through the kernel
        // rotated 180°; a true convolution (--flip) through the kernel as is, and its kernel
        // gradient is the rotated correlation.
        let rotated = conv.orientation != .convolution
        let dy = MathText(
            latex: "\\frac{\\partial E}{\\partial \(y)}",
            text: "\(d)E/\(d)\(textPrinter.string(for: Symbol(n.output)))")
        let xText = textPrinter.string(for: Symbol(n.input))
        let wText = textPrinter.string(for: Symbol(n.kernel))
        let blocks: [Derivation.Block] = [
            .paragraph(
                .compactKernelGradient(
                    padding: padding.allSatisfy { $0 == 0 } ? [] : padding, zeros: zeros,
                    dilation: dilation, flipped: !rotated)),
            .formula(
                rotated
                    ? MathText(
                        latex: "\\frac{\\partial E}{\\partial \(w)} = \(x) \\star \(dy.latex)",
                        text: "\(d)E/\(d)\(wText) = \(xText) ⋆ \(dy.text)")
                    : MathText(
                        latex:
                            "\\frac{\\partial E}{\\partial \(w)} = \\operatorname{rot}_{180^\\circ}(\(x) \\star \(dy.latex))",
                        text: "\(d)E/\(d)\(wText) = rot180(\(xText) ⋆ \(dy.text))")),
            .paragraph(
                .compactInputGradient(
                    zeros: zeros, padding: equivalentPadding, dilation: dilation,
                    rotated: rotated)),
            .formula(
                MathText(
                    latex: rotated
                        ? "\\frac{\\partial E}{\\partial \(x)} = \(dy.latex) \\star \\operatorname{rot}_{180^\\circ}(\(w))"
                        : "\\frac{\\partial E}{\\partial \(x)} = \(dy.latex) \\star \(w)",
                    text: rotated
                        ? "\(d)E/\(d)\(xText) = \(dy.text) ⋆ rot180(\(wText))"
                        : "\(d)E/\(d)\(xText) = \(dy.text) ⋆ \(wText)")),
        ]
        return Derivation.Section(kind: .compactForms, blocks: blocks)
    }
}

/// The terms of a gradient entry in output order: for each output of a range, its pairs
/// (sorted by output), or a zero term when it has none and zeros are shown. Its ends are read
/// without walking the range: an input of ResNet-50's first layer feeds 802,816 outputs.
struct OutputOrderedTerms {
    let outputs: Range<Int>
    let pairs: [(output: Int, payload: Int)]
    let zeros: Bool

    /// How many terms: the pairs, and with zeros one more per output without a pair.
    var count: Int {
        guard zeros else { return pairs.count }
        var distinct = 0
        for (k, pair) in pairs.enumerated() where k == 0 || pairs[k - 1].output != pair.output {
            distinct += 1
        }
        return pairs.count + outputs.count - distinct
    }

    /// The first `n` terms.
    func first(_ n: Int) -> [(output: Int, payload: Int?)] {
        guard zeros else { return pairs.prefix(n).map { ($0.output, $0.payload) } }
        var result: [(output: Int, payload: Int?)] = []
        var next = 0
        var r = outputs.lowerBound
        while result.count < n && r < outputs.upperBound {
            if next < pairs.count && pairs[next].output == r {
                result.append((r, pairs[next].payload))
                next += 1
                if next == pairs.count || pairs[next].output != r { r += 1 }
            } else {
                result.append((r, nil))
                r += 1
            }
        }
        return result
    }

    /// The last term.
    var last: (output: Int, payload: Int?)? {
        let end = outputs.upperBound - 1
        if let pair = pairs.last, !zeros || pair.output == end {
            return (pair.output, pair.payload)
        }
        return zeros && !outputs.isEmpty ? (end, nil) : nil
    }

    /// Every term.
    var all: [(output: Int, payload: Int?)] {
        guard zeros else { return pairs.map { ($0.output, $0.payload) } }
        return first(count)
    }
}
