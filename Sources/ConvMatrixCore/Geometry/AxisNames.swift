/// How the spatial axes are named to a user: the rows and columns of a 2-D layer (PyTorch's
/// `H` and `W`), the depth, rows and columns of a 3-D one, the length of a 1-D one; `axis t`
/// only past three axes. Messages and reports say "3 rows", not "3 on axis 0".
public enum AxisNames {
    /// `rows`, `columns` in 2-D; `depth`, `rows`, `columns` in 3-D; `length` in 1-D; `axis t`
    /// beyond.
    public static func names(rank: Int) -> [String] {
        switch rank {
        case 1: ["length"]
        case 2: ["rows", "columns"]
        case 3: ["depth", "rows", "columns"]
        default: (0..<rank).map { "axis \($0)" }
        }
    }

    /// Where in a message a value of axis `t` belongs: ` for the rows`, ` for the depth`,
    /// ` for axis 4`; empty for a single axis (there is nothing to tell apart).
    public static func place(_ t: Int, rank: Int) -> String {
        guard rank > 1 else { return "" }
        let all = names(rank: rank)
        let name = t < all.count ? all[t] : "axis \(t)"
        return name.hasPrefix("axis") ? " for \(name)" : " for the \(name)"
    }

    /// `n` positions counted along axis `t`: `3 rows`, `3 columns`, `3 depth slices`,
    /// `3 positions` (1-D), `3 positions on axis 4`.
    public static func count<Count: BinaryInteger>(_ n: Count, _ t: Int, rank: Int) -> String {
        switch (rank, t) {
        case (2, 0), (3, 1): return n == 1 ? "1 row" : "\(n) rows"
        case (2, 1), (3, 2): return n == 1 ? "1 column" : "\(n) columns"
        case (3, 0): return n == 1 ? "1 depth slice" : "\(n) depth slices"
        case (1, _): return n == 1 ? "1 position" : "\(n) positions"
        default: return "\(n) position\(n == 1 ? "" : "s") on axis \(t)"
        }
    }
}
