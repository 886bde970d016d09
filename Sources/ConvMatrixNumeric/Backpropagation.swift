import ConvMatrixCore
import ConvMatrixSymbols
import Symbolic

/// The backward pass of a convolution (as the numpy lab on a conv layer writes it) written symbolically: the gradients of an
/// error `E` given the upstream gradient `δ = ∂E/∂y`, one symbol `δ_r` per output.
///
/// Since `y = U·x` and also `y = M(x)·k` (``ConvMatrixCore/Convolution/weightMatrix(_:)``), the chain rule gives
///
///     ∂E/∂x = Uᵀ·δ,      ∂E/∂x_c = Σ_{(r, t) : t ∈ U[r, c]} δ_r · k_t
///     ∂E/∂k = M(x)ᵀ·δ,   ∂E/∂k_t = Σ_{(r, c) : t ∈ U[r, c]} δ_r · x_c
///
/// For stride 1 and one channel, the first is the full convolution of `δ` with the kernel
/// rotated 180°, and the second the cross-correlation of `x` with `δ` (the numpy lab writes `∂E/∂w₁₁ =
/// Σ δ_ij x_ij`); with a stride `s > 1`, `δ` is first spread out with `s − 1` zeros between its
/// entries.
public struct SymbolicBackward: Sendable {
    /// The upstream gradient's symbols, one per output, named like the outputs (`δ_{01}`).
    public let delta: [Symbol]
    /// `∂E/∂x_c` for every input `c` (flat, channel first).
    public let inputGradient: [Expression]
    /// `∂E/∂k_t` for every weight `t` (PyTorch's weight order).
    public let weightGradient: [Expression]
}

extension Convolution {
    /// The im2col matrix M(x) as a pattern: one row per output, one column per kernel weight,
    /// and as "taps" the *inputs*: entry `(r, t)` is the sum of the inputs `x_c` that weight `t`
    /// multiplies in output `r`, so that `y = M(x)·k`.
    ///
    ///     M[r, t] = Σ { x_c : t ∈ U[r, c] }
    ///
    /// It is U with the roles of inputs and weights exchanged. Read it with
    /// ``ConvMatrixSymbols/SymbolicTapMatrix`` and the input symbols for the symbolic M(x), or evaluate it with
    /// ``TapMatrix/evaluated(tapValues:)`` at input values for the numeric one.
    ///
    /// `u` must be this convolution's ``unrolled(limits:)`` matrix.
    public func weightMatrix(_ u: TapMatrix) -> TapMatrix {
        var triplets: [(row: Int, column: Int, tap: Int)] = []
        triplets.reserveCapacity(u.storedCount)
        for r in 0..<u.rowCount {
            for i in u.rowStart[r]..<u.rowStart[r + 1] {
                triplets.append((r, Int(u.taps[i]), Int(u.columns[i])))
            }
        }
        return TapMatrix(
            rowCount: u.rowCount, columnCount: weightCount, tapCount: inputCount,
            triplets: triplets)
    }

    /// The symbolic M(x): entries are sums of input symbols (`I_{12}`, or `x_{12}` with seed
    /// 003's names).
    public func symbolicWeightMatrix(_ u: TapMatrix, symbols: LayerSymbols) -> SymbolicTapMatrix {
        SymbolicTapMatrix(weightMatrix(u), kernel: (0..<inputCount).map(symbols.input))
    }

    /// The symbolic backward pass: `Uᵀ·δ` and `M(x)ᵀ·δ` with a symbol `δ` per output.
    ///
    /// - Parameters:
    ///   - u: this convolution's ``unrolled(limits:)`` matrix.
    ///   - symbols: the layer's symbols (inputs and kernel).
    ///   - deltaName: the letter of the upstream gradient (default `δ`).
    public func symbolicBackward(
        _ u: TapMatrix, symbols: LayerSymbols, deltaName: String = "δ"
    ) -> SymbolicBackward {
        let delta = (0..<outputCount).map { r in
            let output = symbols.output(r)
            return Symbol(deltaName, indices: output.indices, superscript: output.superscript)
        }
        let inputs = (0..<inputCount).map(symbols.input)
        return SymbolicBackward(
            delta: delta,
            inputGradient: Layer.products(
                u.transposed(), left: { delta[$0] }, kernel: symbols.kernel),
            weightGradient: Layer.products(
                weightMatrix(u).transposed(), left: { delta[$0] }, kernel: inputs))
    }

    /// `∂E/∂x = Uᵀ·δ` at kernel values, for an upstream gradient `δ` (one value per output).
    public func inputGradient<Scalar: NumericScalar>(
        _ u: TapMatrix, delta: [Scalar], kernel: [Scalar]
    ) throws(NumericError) -> [Scalar] {
        try u.transposedProduct(delta, tapValues: kernel)
    }

    /// `∂E/∂k = M(x)ᵀ·δ` at input values `x` (flat, channel first), for an upstream gradient `δ`.
    ///
    /// `m` must be ``weightMatrix(_:)`` of this convolution's U.
    public func weightGradient<Scalar: NumericScalar>(
        _ m: TapMatrix, delta: [Scalar], input: [Scalar]
    ) throws(NumericError) -> [Scalar] {
        try m.transposedProduct(delta, tapValues: input)
    }
}
