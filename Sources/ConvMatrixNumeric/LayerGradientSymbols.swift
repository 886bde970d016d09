import ConvMatrixCore
import ConvMatrixSymbols
import Symbolic

/// The gradients of a layer as symbols: `∂E/∂x`, `∂E/∂w` and `∂E/∂b` in terms of the upstream
/// gradient `δ` (one symbol per output, indexed like the outputs), the inputs and the weights.
///
/// For a convolution `y = U·x + b` (``SymbolicBackward``): `∂E/∂x = Uᵀ·δ`, `∂E/∂w = M(x)ᵀ·δ`.
/// For the transposed layer `z = Uᵀ·x + b`, whose inputs are indexed like U's rows and whose
/// outputs like U's columns: `∂E/∂x_r = Σ_{(c, t) ∈ U[r]} δ_c·w_t` (U·δ), and
/// `∂E/∂w_t = Σ_{(r, c, t) ∈ U} x_r·δ_c`. In both, `∂E/∂b_o = Σ_i δ[o, i]`.
public struct LayerGradientSymbols: Sendable {
    /// `∂E/∂x`, one expression per input of the layer.
    public let input: [Expression]
    /// `∂E/∂w`, in PyTorch's weight order.
    public let kernel: [Expression]
    /// `∂E/∂b`, one per output channel of the layer.
    public let bias: [Expression]

    /// The gradients of `conv` (or, with `transposed`, of its transposed layer).
    ///
    /// - Parameters:
    ///   - conv: the convolution.
    ///   - u: `conv`'s ``ConvMatrixCore/Convolution/unrolled(limits:)`` matrix.
    ///   - symbols: the names of the layer's inputs, taps and outputs.
    ///   - transposed: whether the gradients are those of the transposed layer.
    ///   - deltaName: the upstream gradient's letter (`δ`, or `\delta` for LaTeX).
    public init(
        _ conv: Convolution, u: TapMatrix, symbols: LayerSymbols, transposed: Bool,
        deltaName: String
    ) {
        if !transposed {
            let backward = conv.symbolicBackward(u, symbols: symbols, deltaName: deltaName)
            input = backward.inputGradient
            kernel = backward.weightGradient
            bias = LayerGradientSymbols.channelSums(
                backward.delta, channels: conv.outChannels)
            return
        }
        // The transposed layer reads the forward outputs (symbols named like the inputs) and
        // writes on the forward input grid (δ named like the outputs' gradient).
        let inputs = (0..<conv.outputCount).map { r in
            let o = symbols.output(r)
            return Symbol(symbols.names.input, indices: o.indices, superscript: o.superscript)
        }
        let delta = (0..<conv.inputCount).map { c in
            let x = symbols.input(c)
            return Symbol(deltaName, indices: x.indices, superscript: x.superscript)
        }
        input = Layer.products(u, left: { delta[$0] }, kernel: symbols.kernel)
        kernel = Layer.products(
            conv.weightMatrix(u).transposed(), left: { inputs[$0] },
            kernel: delta)
        bias = LayerGradientSymbols.channelSums(delta, channels: conv.inChannels)
    }

    private static func channelSums(_ delta: [Symbol], channels: Int) -> [Expression] {
        let perChannel = delta.count / max(channels, 1)
        return (0..<channels).map { o in
            Expression.sum(delta[(o * perChannel)..<((o + 1) * perChannel)].map { Monomial($0) })
        }
    }
}
