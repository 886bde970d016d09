import ConvMatrixCore

/// The characters of plain-text reports: Unicode by default, pure ASCII with `--ascii`.
public struct TextStyle: Hashable, Sendable {
    /// Whether to write ASCII only.
    public let ascii: Bool

    /// Unicode or ASCII.
    public init(ascii: Bool) { self.ascii = ascii }

    /// `×` or `x`, between axis sizes.
    public var times: String { ascii ? "x" : "×" }
    /// `·` or `*`, for products.
    public var dot: String { ascii ? "*" : "·" }
    /// `−` or `-`.
    public var minus: String { ascii ? "-" : "−" }
    /// `→` or `->`.
    public var arrow: String { ascii ? "->" : "→" }
    /// `ᵀ` or `^T`.
    public var transposeMark: String { ascii ? "^T" : "ᵀ" }
    /// `⌊x⌋` or `floor(x)`.
    public func floor(_ x: String) -> String { ascii ? "floor(\(x))" : "⌊\(x)⌋" }
    /// `⌈x⌉` or `ceil(x)`.
    public func ceil(_ x: String) -> String { ascii ? "ceil(\(x))" : "⌈\(x)⌉" }
    /// Sizes joined by ``times``: `5×5`.
    public func sizes(_ values: [Int]) -> String {
        values.map(String.init).joined(separator: times)
    }
    /// A per-axis value: `2` when every axis has it, `2×1` otherwise.
    public func perAxis(_ values: [Int]) -> String {
        Set(values).count == 1 ? "\(values[0])" : sizes(values)
    }
    /// Per-axis paddings: `1`, `1×2`, `0:1×1:0`.
    public func padding(_ values: [AxisPadding]) -> String {
        Set(values).count == 1
            ? values[0].description : values.map(\.description).joined(separator: times)
    }
    /// `≥` or `>=`.
    public var atLeast: String { ascii ? ">=" : "≥" }
}
