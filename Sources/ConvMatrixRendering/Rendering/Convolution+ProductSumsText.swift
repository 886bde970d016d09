import ConvMatrixCore
import ConvMatrixSymbols

extension Layer {
    /// The text of every entry of ``symbolicOutput(_:symbols:)`` (`O = X·U`), printed by
    /// `sums`: identical to the expression printer's text, without building the expressions.
    public func symbolicOutputText(_ u: TapMatrix, symbols: LayerSymbols, sums: ProductSums)
        -> [String]
    {
        sums.strings(
            rowsOf: u, left: (0..<inputSide.count).map(symbols.input), kernel: symbols.kernel)
    }

    /// The text of every entry of ``symbolicTransposedOutput(_:symbols:)`` (`C = O·T`).
    public func symbolicTransposedOutputText(
        _ u: TapMatrix, symbols: LayerSymbols, sums: ProductSums
    )
        -> [String]
    {
        sums.strings(
            rowsOf: u.transposed(), left: (0..<outputSide.count).map(symbols.output),
            kernel: symbols.kernel)
    }
}

extension Convolution {
    /// ``Layer/symbolicOutputText(_:symbols:sums:)`` of this convolution.
    public func symbolicOutputText(_ u: TapMatrix, symbols: LayerSymbols, sums: ProductSums)
        -> [String]
    {
        Layer.convolution(self).symbolicOutputText(u, symbols: symbols, sums: sums)
    }

    /// ``Layer/symbolicTransposedOutputText(_:symbols:sums:)`` of this convolution.
    public func symbolicTransposedOutputText(
        _ u: TapMatrix, symbols: LayerSymbols, sums: ProductSums
    ) -> [String] {
        Layer.convolution(self).symbolicTransposedOutputText(
            u, symbols: symbols, sums: sums)
    }
}
