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
    /// `options.maxRows` equations and `options.maxTerms` terms.
    public init(equationsFor conv: Convolution, options: DerivationOptions)
        throws(SpecificationError)
    {
        try Derivation.checkSymbolicMemory(conv, options: options)
        let u = try conv.unrolled(limits: options.limits)
        let counterpart = try conv.transposedCounterpart.validated()
        let builder = DerivationBuilder(conv: conv, u: u, options: options)
        let equations = EquationsBuilder(conv: conv, u: u, options: options)
        let layer = builder.layer()
        self.init(
            sections: [
                Derivation.Section(
                    kind: .layer,
                    blocks: [.paragraph(.equationsIntroduction)] + layer.blocks.dropFirst()),
                try equations.forward(), equations.kernelGradient(), equations.inputGradient(),
                try equations.compactForms(counterpart),
            ], names: options.names)
    }

    /// Bytes a derivation's symbolic expressions take per stored entry of U. Measured as peak
    /// resident memory over the 21 MB of a 3-wide layer: 375 B on 28×28/5×5 (14 400 entries),
    /// 350 B on 64×64/7×7 (164 836), 361 B on 48×48/5×5 with 2 → 3 channels (290 400); the
    /// budget counts 600 B.
    static let bytesPerStoredEntry = 600

    /// Checks, by arithmetic and before U or any expression is built, that the symbolic
    /// matrices of a derivation of `conv` fit `options.limits`: U's stored entries are
    /// `M · C/g · Π_t links_t` (``Convolution/unrolled(limits:)``).
    static func checkSymbolicMemory(_ conv: Convolution, options: DerivationOptions)
        throws(SpecificationError)
    {
        let stored = conv.unrolledStoredCount
        try options.limits.checkMemory(
            stored.flatMap { $0 <= Int.max / bytesPerStoredEntry ? $0 * bytesPerStoredEntry : nil },
            for: "a derivation with \(stored.map(String.init) ?? "too many") symbolic products")
    }
}

/// Builds the equation-list sections.
struct EquationsBuilder {
    let conv: Convolution
    let u: TapMatrix
    let options: DerivationOptions
    let symbols: LayerSymbols
    private let latexPrinter = LaTeXPrinter(termOrder: .natural)
    private let textPrinter: PlainTextPrinter

    init(conv: Convolution, u: TapMatrix, options: DerivationOptions) {
        self.conv = conv
        self.u = u
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

    private func list(_ lines: [EquationList.Line]) -> EquationList {
        EquationList(lines, maxRows: options.maxRows, maxTerms: options.maxTerms)
    }

    func forward() throws(SpecificationError) -> Derivation.Section {
        let lines = (0..<u.rowCount).map { r in
            EquationList.Line(
                left: math(symbols.output(r)),
                terms: u.entries(inRow: r).sorted { $0.column < $1.column }.map { entry in
                    let x = math(symbols.input(entry.column))
                    let w = math(symbols.kernel[entry.tap])
                    return options.inputFirst ? [x, w] : [w, x]
                })
        }
        return Derivation.Section(
            kind: .forwardEquations,
            blocks: [.paragraph(.forwardEquations(outputs: u.rowCount)), .equations(list(lines))]
                + (try NumericForwardBlocks.blocks(conv, u: u, options: options)))
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

    func kernelGradient() -> Derivation.Section {
        // Entries of U by tap: for each weight, (output, input) in output order.
        var byTap = [[(output: Int, input: Int)]](repeating: [], count: conv.kernelLayout.count)
        for r in 0..<u.rowCount {
            for entry in u.entries(inRow: r) { byTap[entry.tap].append((r, entry.column)) }
        }
        let lines = (0..<conv.kernelLayout.count).map { t in
            var terms: [[MathText]] = []
            var next = 0
            let pairs = byTap[t]
            for r in outputs(ofTap: t) {
                var found = false
                while next < pairs.count && pairs[next].output == r {
                    terms.append([
                        partial(symbols.output(r)), math(symbols.input(pairs[next].input)),
                    ])
                    next += 1
                    found = true
                }
                if !found && options.showZeros { terms.append([partial(symbols.output(r)), zero]) }
            }
            return EquationList.Line(left: partial(symbols.kernel[t]), terms: terms)
        }
        return Derivation.Section(
            kind: .kernelGradientEquations,
            blocks: [
                .paragraph(.kernelGradientEquations(weights: conv.kernelLayout.count)),
                .equations(list(lines)),
            ])
    }

    func inputGradient() -> Derivation.Section {
        let t = u.transposed()
        let lines = (0..<conv.inputCount).map { c in
            let entries = t.entries(inRow: c).sorted { $0.column < $1.column }
            var terms: [[MathText]] = []
            var next = 0
            for r in outputs(ofInput: c) {
                var found = false
                while next < entries.count && entries[next].column == r {
                    terms.append([
                        partial(symbols.output(r)), math(symbols.kernel[entries[next].tap]),
                    ])
                    next += 1
                    found = true
                }
                if !found && options.showZeros { terms.append([partial(symbols.output(r)), zero]) }
            }
            return EquationList.Line(left: partial(symbols.input(c)), terms: terms)
        }
        return Derivation.Section(
            kind: .inputGradientEquations,
            blocks: [
                .paragraph(
                    .inputGradientEquations(inputs: conv.inputCount, zeros: options.showZeros)),
                .equations(list(lines)),
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
