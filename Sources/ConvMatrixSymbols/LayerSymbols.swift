import ConvMatrixCore
import Symbolic

/// The symbols of one layer: which ``Symbol`` stands for each input, output and kernel weight.
///
/// Indices are the spatial position (`I_{12}` is row 1, column 2). Channels appear as a
/// superscript only when the layer has more than one channel on that side:
/// - input `I^{(c)}_{ij}` when `C > 1`;
/// - output `O^{(o)}_{ij}` when `M > 1`;
/// - kernel `k^{(o,c)}_{ab}` when `C > 1` or `M > 1`, with `o` the output channel and `c` the
///   input channel *within the group* — PyTorch's weight index `weight[o, c, a, b]`.
/// So a single-channel layer prints exactly as the unrolling notes do (`k_{00}`, `I_{12}`, `O_{01}`), and the
/// same symbol prints the same way in every format.
public struct LayerSymbols: Sendable {
    /// The letters.
    public let names: SymbolNames
    /// One symbol per kernel weight, in PyTorch's weight order (the tap index).
    public let kernel: [Symbol]
    private let inputExtents: Extents
    private let inputChannels: Int
    private let outputExtents: Extents
    private let outputChannels: Int

    /// The symbols of a convolution: input `x`, weight `(M, C/g, k…)`, output `y`.
    public init(_ conv: Convolution, names: SymbolNames = .ikO) {
        self.init(
            names: names, layout: conv.kernelLayout, channelled: conv.hasChannels,
            input: conv.inputExtents, inputChannels: conv.inChannels,
            output: conv.outputExtents, outputChannels: conv.outChannels)
    }

    private init(
        names: SymbolNames, layout: KernelLayout, channelled: Bool, input: Extents,
        inputChannels: Int, output: Extents, outputChannels: Int
    ) {
        self.names = names
        self.kernel = (0..<layout.count).map { tap in
            let (outer, inner, position) = layout.components(of: tap)
            return Symbol(
                names.kernel, indices: position, superscript: channelled ? [outer, inner] : [])
        }
        self.inputExtents = input
        self.inputChannels = inputChannels
        self.outputExtents = output
        self.outputChannels = outputChannels
    }

    /// The input symbol for flat input index `flat` (channel first, then row-major).
    public func input(_ flat: Int) -> Symbol {
        Symbol(
            names.input, indices: inputExtents.multiIndex(flat % inputExtents.count),
            superscript: inputChannels > 1 ? [flat / inputExtents.count] : [])
    }

    /// The output symbol for flat output index `flat`.
    public func output(_ flat: Int) -> Symbol {
        Symbol(
            names.output, indices: outputExtents.multiIndex(flat % outputExtents.count),
            superscript: outputChannels > 1 ? [flat / outputExtents.count] : [])
    }
}
