import ConvMatrixCore
import Symbolic

/// The symbols of one layer: which ``Symbolic/Symbol`` stands for each input, output and kernel weight.
///
/// Indices are the spatial position (`I_{12}` is row 1, column 2). Channels appear as a
/// superscript only when the layer has more than one channel on that side:
/// - input `I^{(c)}_{ij}` when `C > 1`;
/// - output `O^{(o)}_{ij}` when `M > 1`;
/// - kernel `k^{(o,c)}_{ab}` when `C > 1` or `M > 1`, with `o` the output channel and `c` the
///   input channel *within the group* — PyTorch's weight index `weight[o, c, a, b]`.
/// Every index is shifted by ``SymbolNames/indexBase`` (`x₁₁` for the first input with base 1).
/// So a single-channel layer prints exactly as the unrolling notes do (`k_{00}`, `I_{12}`, `O_{01}`), and the
/// same symbol prints the same way in every format.
public struct LayerSymbols: Sendable {
    /// The letters.
    public let names: SymbolNames
    /// The weights' layout: tap index ↔ (output channel, input channel, position).
    private let layout: KernelLayout
    /// Whether kernel symbols carry channel superscripts.
    private let channelled: Bool
    /// The letter of the layer's input: the input name of a convolution; the output name of a
    /// transposed convolution, whose input is what a convolution outputs (`O`).
    public let inputLetter: String
    /// The letter of the layer's output: the output name of a convolution; `C` for a
    /// transposed convolution, as in `C = O·T`.
    public let outputLetter: String
    /// The letter of what the transposed map produces from the output, on the input grid: `C`
    /// for a convolution (`C = O·T`), the output name (`O`) for a transposed convolution.
    public let transposedOutputLetter: String
    private let inputExtents: Extents
    private let inputChannels: Int
    private let outputExtents: Extents
    private let outputChannels: Int

    /// The symbols of a convolution: input `x`, weight `(M, C/g, k…)`, output `y`.
    public init(_ conv: Convolution, names: SymbolNames = .ikO) {
        self.init(
            names: names, letters: (names.input, names.output, Self.cLetter(names)),
            layout: conv.kernelLayout, channelled: conv.hasChannels, input: conv.inputExtents,
            inputChannels: conv.inChannels,
            output: conv.outputExtents, outputChannels: conv.outChannels)
    }

    /// The symbols of a transposed convolution given as a layer of its own. The roles stay
    /// those of the convolution it is the transpose of: its input (the `m`-grid it reads) is
    /// written with the output letter (`O`), its output (the `n`-grid it writes) is `C`, as in
    /// `C = O·T`, and its weight is `(C_in, C_out/g, k…)` — PyTorch's `ConvTranspose` order,
    /// which is also the order of its forward convolution's weight.
    public init(_ layer: TransposedConvolution, names: SymbolNames = .ikO) {
        self.init(
            names: names, letters: (names.output, Self.cLetter(names), names.output),
            layout: layer.kernelLayout,
            channelled: layer.inChannels > 1 || layer.outChannels > 1,
            input: layer.inputExtents, inputChannels: layer.inChannels,
            output: layer.outputExtents, outputChannels: layer.outChannels)
    }

    /// The symbols of either kind of layer.
    public init(_ layer: Layer, names: SymbolNames = .ikO) {
        switch layer {
        case .convolution(let conv): self.init(conv, names: names)
        case .transposed(let transposed): self.init(transposed, names: names)
        }
    }

    private init(
        names: SymbolNames, letters: (input: String, output: String, transposedOutput: String),
        layout: KernelLayout, channelled: Bool, input: Extents,
        inputChannels: Int, output: Extents, outputChannels: Int
    ) {
        self.names = names
        self.layout = layout
        self.channelled = channelled
        self.inputLetter = letters.input
        self.outputLetter = letters.output
        self.transposedOutputLetter = letters.transposedOutput
        self.inputExtents = input
        self.inputChannels = inputChannels
        self.outputExtents = output
        self.outputChannels = outputChannels
    }

    /// The first printed index (``SymbolNames/indexBase``).
    public var base: Int { names.indexBase }

    /// The symbol of kernel weight `tap` (PyTorch's weight order), its indices shifted by the
    /// index base.
    public func kernel(_ tap: Int) -> Symbol {
        let (outer, inner, position) = layout.components(of: tap)
        return Symbol(
            names.kernel, indices: position.map { $0 + base },
            superscript: channelled ? [outer + base, inner + base] : [])
    }

    /// One symbol per kernel weight, in PyTorch's weight order (the tap index).
    ///
    /// Built when read, one symbol per weight (`M·(C/g)·Πk` of them): creating a `LayerSymbols`
    /// costs nothing, so a command that never names a weight (`symbols --of input`) never pays
    /// for a layer with billions of them; a command that does reads this once, after its
    /// budget has been checked.
    public var kernel: [Symbol] { (0..<layout.count).map(kernel) }

    /// The input symbol for flat input index `flat` (channel first, then row-major).
    public func input(_ flat: Int) -> Symbol { onInputGrid(inputLetter, flat) }

    /// `C`, as the unrolling notes write what `T` produces, or `C'` when one of the chosen
    /// names is already `C`.
    static func cLetter(_ names: SymbolNames) -> String {
        [names.input, names.kernel, names.output].contains("C") ? "C'" : "C"
    }

    /// The symbol of entry `flat` of what the transposed map produces (`C = O·T` for a
    /// convolution): it lies on the input grid, so it carries the input's indices, under its
    /// own letter (it is not the input).
    public func transposedOutput(_ flat: Int) -> Symbol {
        onInputGrid(transposedOutputLetter, flat)
    }

    /// The symbol `letter` at flat index `flat` of the input grid (channel first, then
    /// row-major): the input's indices, shifted by the index base, and its channel as a
    /// superscript when there are several.
    private func onInputGrid(_ letter: String, _ flat: Int) -> Symbol {
        Symbol(
            letter,
            indices: inputExtents.multiIndex(flat % inputExtents.count).map { $0 + base },
            superscript: inputChannels > 1 ? [flat / inputExtents.count + base] : [])
    }

    /// The output symbol for flat output index `flat`.
    public func output(_ flat: Int) -> Symbol {
        Symbol(
            outputLetter,
            indices: outputExtents.multiIndex(flat % outputExtents.count).map { $0 + base },
            superscript: outputChannels > 1 ? [flat / outputExtents.count + base] : [])
    }
}
