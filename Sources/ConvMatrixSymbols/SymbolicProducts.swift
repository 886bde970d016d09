import ConvMatrixCore
import Symbolic

extension Convolution {
    /// The symbolic output `O = X·U` (row convention; `y = U·x` in the column one): output `r`
    /// is `Σ I_c · k_t` over the entries `(c, t)` of row `r` of the column-convention U, in
    /// canonical order.
    ///
    /// `u` must be this convolution's ``unrolled(limits:)`` matrix.
    public func symbolicOutput(_ u: TapMatrix, symbols: LayerSymbols) -> [Expression] {
        Convolution.products(u, left: symbols.input, kernel: symbols.kernel)
    }

    /// `C = O·T`: for every input position, `Σ O_r · k_t` over the outputs `r` it
    /// feeds and the taps `t` that connect them — the transposed convolution applied to the
    /// symbolic output, showing which outputs reach each input through which taps.
    ///
    /// `u` must be this convolution's ``unrolled(limits:)`` matrix.
    public func symbolicTransposedOutput(_ u: TapMatrix, symbols: LayerSymbols) -> [Expression] {
        Convolution.products(u.transposed(), left: symbols.output, kernel: symbols.kernel)
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
}

extension Convolution {
    /// `O = X·U` with the kernel replaced by values (for example `1/(k·k)` for average
    /// pooling): output `r` is `Σ value(t)·I_c` over the entries `(c, t)` of row `r`.
    ///
    /// Throws ``Symbolic/SymbolicError/overflow(_:)`` when an exact coefficient overflows.
    public func symbolicOutput(_ u: TapMatrix, symbols: LayerSymbols, tapValues: [Expression])
        throws
        -> [Expression]
    {
        try (0..<u.rowCount).map { r in
            try u.entries(inRow: r).reduce(Expression.zero) { sum, entry in
                try sum + Expression(symbols.input(entry.column)) * tapValues[entry.tap]
            }
        }
    }

    /// `C = O·T` with the kernel replaced by values: input `c` collects `Σ value(t)·O_r`.
    public func symbolicTransposedOutput(
        _ u: TapMatrix, symbols: LayerSymbols, tapValues: [Expression]
    )
        throws -> [Expression]
    {
        let t = u.transposed()
        return try (0..<t.rowCount).map { c in
            try t.entries(inRow: c).reduce(Expression.zero) { sum, entry in
                try sum + Expression(symbols.output(entry.column)) * tapValues[entry.tap]
            }
        }
    }
}
