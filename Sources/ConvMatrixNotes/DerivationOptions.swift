import ConvMatrixCore
import ConvMatrixNumeric
import ConvMatrixRendering
import ConvMatrixSymbols

/// What a derivation shows and how much of it.
public struct DerivationOptions: Hashable, Sendable {
    /// Letters for input, kernel and output (I, k, O by default).
    public var names: SymbolNames
    /// The name of the output-gradient symbol: `\delta` for LaTeX, `δ` or `d` for text.
    public var gradientName: String
    /// Rows shown per matrix before eliding the middle (at least 3).
    public var maxRows: Int
    /// Columns shown per matrix before eliding the middle (at least 3).
    public var maxColumns: Int
    /// Terms shown per entry before the middle terms are elided (at least 3).
    public var maxTerms: Int
    /// Kernel placements, and slices of a grid, shown before the rest are left out.
    public var maxPlacements: Int
    /// Whether plain-text mathematics is 7-bit ASCII.
    public var ascii: Bool
    /// Memory budget for the sparse matrices.
    public var limits: ResourceLimits

    /// Options with 12×12 matrices, 4 terms per entry and 4 placements by default (a 3×3
    /// kernel's output entries have 9 terms: shown whole they overflow a printed page).
    public init(
        names: SymbolNames = .ikO, gradientName: String = "\\delta", maxRows: Int = 12,
        maxColumns: Int = 12, maxTerms: Int = 4, maxPlacements: Int = 4, ascii: Bool = false,
        limits: ResourceLimits = .default
    ) {
        self.names = names
        self.gradientName = gradientName
        self.maxRows = maxRows
        self.maxColumns = maxColumns
        self.maxTerms = maxTerms
        self.maxPlacements = maxPlacements
        self.ascii = ascii
        self.limits = limits
    }
}
