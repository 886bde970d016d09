import Symbolic

/// The im2col matrix `M(x)`: one row per output, one column per kernel weight, so that the
/// convolution reads `y = M(x)·vec(k)` (the "other" unrolling, with input symbols as entries).
///
/// `M(x)[r, t] = Σ x_c` over the inputs `c` that output `r` multiplies by weight `t` — a single
/// input with zeros padding, possibly several under reflect, replicate or circular padding.
/// It gives the weight gradient of seed 003: `∂E/∂vec(k) = M(x)ᵀ·δ` with `δ = ∂E/∂y`.
public struct Im2colMatrix: SparseRowSource, Sendable {
    /// Non-zero entries of each row, by weight index.
    private let rows: [[(column: Int, value: Expression)]]
    /// Weights (columns).
    public let columnCount: Int
    /// Outputs (rows).
    public var rowCount: Int { rows.count }

    /// Builds `M(x)` from the column-convention tap matrix `u` (rows = outputs) and the layer's
    /// input symbols.
    public init(_ u: TapMatrix, symbols: LayerSymbols) {
        columnCount = u.tapCount
        rows = (0..<u.rowCount).map { r in
            var byTap: [Int: [Symbol]] = [:]
            for entry in u.entries(inRow: r) {
                byTap[entry.tap, default: []].append(symbols.input(entry.column))
            }
            return byTap.keys.sorted().map { tap in
                (tap, Expression.sum(byTap[tap] ?? []))
            }
        }
    }

    /// The entries of row `row` (output `row`), by increasing weight index.
    public func nonZeroEntries(inRow row: Int) -> [(column: Int, value: Expression)] {
        rows[row]
    }
}
