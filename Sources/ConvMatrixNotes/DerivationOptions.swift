import ConvMatrixCore
import ConvMatrixNumeric
import ConvMatrixSymbols

/// What a derivation shows and how much of it.
public struct DerivationOptions: Sendable {
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
    /// The widest display that fits the page, in points (``ElidedMatrix/estimatedWidth(ascii:)``):
    /// a matrix wider than this shows fewer columns, then fewer terms per entry, until it fits;
    /// what still does not fit is set smaller by the renderer. 380 fits an A4 page with
    /// 1.3 cm margins (521 pt) and the 831 px content column of MkDocs' default theme at a
    /// 1280 px window (KaTeX at 1.21 em sets about 2 px per such point), checked in CI.
    public var maxWidth: Int = 380
    /// Numbers for the input, the kernel and the bias: the forward section then also shows
    /// `O = X·U + b` in numbers. `nil` keeps the derivation symbolic.
    public var values: LayerValues?
    /// Equation lists: write the terms of outputs that do not reach an entry as `·0`, as the
    /// numpy lab does.
    public var showZeros: Bool = false
    /// Products with the input first (`x₁₁·w₁₁`, as courses write them) instead of the weight
    /// first.
    public var inputFirst: Bool = false

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
