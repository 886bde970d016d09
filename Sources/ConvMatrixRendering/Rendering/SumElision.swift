import ConvMatrixSymbols
import Symbolic

/// A long sum printed as NumPy prints a long array: its first and last terms around an
/// ellipsis. The gradient of one weight of ResNet-50's first layer is a sum of 12,544 products;
/// elided text shows `δ₀₀·I₀₀ + δ₀₁·I₀₂ + δ₀₂·I₀₄ + ⋯ + …` and says how long it is.
public struct SumElision: Hashable, Sendable {
    /// Sums with more terms than this are shortened.
    public let threshold: Int
    /// Terms kept at each end.
    public let edgeItems: Int

    /// Sums of more than 64 terms keep NumPy's 3 edge items at each end. NumPy's own threshold
    /// (1000) counts a whole array's entries; one cell of a printed grid wants fewer, so that
    /// the corners of a grid stay readable (a 64 → 64 layer's 3×3 kernel makes input gradients
    /// of 576 terms, and its weight gradients on 56×56 have 3136).
    public static let standard = SumElision(threshold: 64, edgeItems: 3)

    /// An elision past `threshold` terms keeping `edgeItems` at each end (at least 1).
    public init(threshold: Int, edgeItems: Int) {
        self.threshold = threshold
        self.edgeItems = max(1, edgeItems)
    }

    /// Whether `e` is shortened.
    public func shortens(_ e: Expression) -> Bool { e.terms.count > threshold }

    /// `e` printed by `print`, whole or — past ``threshold`` terms — as its first and last
    /// ``edgeItems`` terms in the printer's order around `dots`.
    public func text(_ e: Expression, dots: String, print: (Expression) -> String) -> String {
        text(
            ProductSum.cut(e, wholeUpTo: threshold, edgeItems, edgeItems), dots: dots, print: print)
    }

    /// `sum` printed by `print`: whole, or by its ends around `dots`.
    public func text(_ sum: ProductSum, dots: String, print: (Expression) -> String) -> String {
        switch sum {
        case .whole(let e): return print(e)
        case .ends(let ends): return SumElision.join(print(ends.head), print(ends.tail), dots: dots)
        }
    }

    /// `head + dots + tail`, with the tail's own minus sign as its joiner.
    public static func join(_ head: String, _ tail: String, dots: String) -> String {
        let joiner = tail.hasPrefix("-") || tail.hasPrefix("−") ? " " : " + "
        return head + " + " + dots + joiner + tail
    }
}
