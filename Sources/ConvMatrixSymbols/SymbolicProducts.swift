import ConvMatrixCore
import Symbolic

extension Layer {
    /// The symbolic output `O = X·M` (row convention; `y = M·x` in the column one), M the
    /// layer's matrix (U of a convolution, T of a transposed convolution): output `r` is
    /// `Σ I_c · k_t` over the entries `(c, t)` of row `r` of the column-convention M, in
    /// canonical order.
    ///
    /// `matrix` must be this layer's ``ConvMatrixCore/Layer/matrix(limits:)`` matrix.
    public func symbolicOutput(_ matrix: TapMatrix, symbols: LayerSymbols) -> [Expression] {
        Self.products(matrix, left: symbols.input, kernel: symbols.kernel)
    }

    /// `C = O·Mᵀ`: for every input position, `Σ O_r · k_t` over the outputs `r` it
    /// feeds and the taps `t` that connect them — the transposed map applied to the symbolic
    /// output, showing which outputs reach each input through which taps.
    ///
    /// `matrix` must be this layer's ``ConvMatrixCore/Layer/matrix(limits:)`` matrix.
    public func symbolicTransposedOutput(_ matrix: TapMatrix, symbols: LayerSymbols)
        -> [Expression]
    {
        Self.products(matrix.transposed(), left: symbols.output, kernel: symbols.kernel)
    }

    /// For each row of `matrix`, `Σ left(column) · kernel[tap]`.
    package static func products(_ matrix: TapMatrix, left: (Int) -> Symbol, kernel: [Symbol])
        -> [Expression]
    {
        // Each symbol is built once, not once per entry that mentions it.
        let leftSymbols = (0..<matrix.columnCount).map(left)
        return (0..<matrix.rowCount).map { r in
            Expression.sum(
                matrix.entries(inRow: r).map { Monomial([leftSymbols[$0.column], kernel[$0.tap]]) })
        }
    }

    /// `O = X·M` with the kernel replaced by values (for example `1/(k·k)` for average
    /// pooling): output `r` is `Σ value(t)·I_c` over the entries `(c, t)` of row `r`.
    ///
    /// Throws ``Symbolic/SymbolicError/overflow(_:)`` when an exact coefficient overflows.
    public func symbolicOutput(
        _ matrix: TapMatrix, symbols: LayerSymbols, tapValues: [Expression]
    ) throws -> [Expression] {
        try Self.valuedSums(matrix, left: symbols.input, tapValues: tapValues)
    }

    /// `C = O·Mᵀ` with the kernel replaced by values: input `c` collects `Σ value(t)·O_r`.
    public func symbolicTransposedOutput(
        _ matrix: TapMatrix, symbols: LayerSymbols, tapValues: [Expression]
    ) throws -> [Expression] {
        try Self.valuedSums(matrix.transposed(), left: symbols.output, tapValues: tapValues)
    }
}

extension Convolution {
    /// ``Layer/symbolicOutput(_:symbols:)`` of this convolution: `O = X·U`.
    public func symbolicOutput(_ u: TapMatrix, symbols: LayerSymbols) -> [Expression] {
        Layer.convolution(self).symbolicOutput(u, symbols: symbols)
    }

    /// ``Layer/symbolicTransposedOutput(_:symbols:)`` of this convolution: `C = O·T`.
    public func symbolicTransposedOutput(_ u: TapMatrix, symbols: LayerSymbols) -> [Expression] {
        Layer.convolution(self).symbolicTransposedOutput(u, symbols: symbols)
    }

    /// ``Layer/symbolicOutput(_:symbols:tapValues:)`` of this convolution.
    public func symbolicOutput(_ u: TapMatrix, symbols: LayerSymbols, tapValues: [Expression])
        throws -> [Expression]
    {
        try Layer.convolution(self).symbolicOutput(
            u, symbols: symbols, tapValues: tapValues)
    }

    /// ``Layer/symbolicTransposedOutput(_:symbols:tapValues:)`` of this convolution.
    public func symbolicTransposedOutput(
        _ u: TapMatrix, symbols: LayerSymbols, tapValues: [Expression]
    ) throws -> [Expression] {
        try Layer.convolution(self).symbolicTransposedOutput(
            u, symbols: symbols, tapValues: tapValues)
    }
}
