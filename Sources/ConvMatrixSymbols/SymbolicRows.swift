import ConvMatrixCore
import Symbolic

extension Layer {
    /// For each row of `rows` — a few rows of the layer's matrix M or of Mᵀ
    /// (``ConvMatrixCore/Layer/matrixRows(_:limits:)``,
    /// ``ConvMatrixCore/Layer/matrixColumns(_:limits:)``) — the sum
    /// `Σ left(c)·kernel(t)` over its entries `(c, t)`: the entries of `O = X·U` or `C = O·T`
    /// that those rows make, equal to the matching entries of
    /// ``symbolicOutput(_:symbols:)`` and ``symbolicTransposedOutput(_:symbols:)``.
    ///
    /// Only the symbols the rows mention are made, so an elided printout of a large layer costs
    /// what it shows.
    public static func productSums(
        _ rows: TapMatrix, left: (Int) -> Symbol, kernel: (Int) -> Symbol
    ) -> [Expression] {
        (0..<rows.rowCount).map { r in
            Expression.sum(
                rows.entries(inRow: r).map { Monomial([left($0.column), kernel($0.tap)]) })
        }
    }

    /// ``productSums(_:left:kernel:)`` with the taps valued: `Σ left(c)·tapValues[t]`.
    ///
    /// - Throws: when exact arithmetic overflows.
    public static func valuedSums(
        _ rows: TapMatrix, left: (Int) -> Symbol, tapValues: [Expression]
    ) throws -> [Expression] {
        try (0..<rows.rowCount).map { r in
            try rows.entries(inRow: r).reduce(Expression.zero) { sum, entry in
                try sum + Expression(left(entry.column)) * tapValues[entry.tap]
            }
        }
    }
}
