import ConvMatrixCore

/// Counts drawn on the spatial grid they belong to: one line per row of a 2-D grid (a 1-D
/// grid is one line; a 3-D grid shows its first slice), numbers right-aligned, at most
/// ``maxSide`` rows and columns (the rest elided with `…`).
public enum GridMap {
    /// The largest number of rows and columns drawn.
    public static let maxSide = 32

    /// The lines of the map of `counts` (one channel, flat over `extents`).
    public static func lines(_ counts: [Int], extents: Extents) -> [String] {
        let sizes = extents.sizes
        let columns = sizes.last ?? 1
        let rows = sizes.count >= 2 ? sizes[sizes.count - 2] : 1
        let shownRows = min(rows, maxSide)
        let shownColumns = min(columns, maxSide)
        let width = counts.prefix(rows * columns).map { String($0).count }.max() ?? 1
        var lines: [String] = []
        for r in 0..<shownRows {
            var cells: [String] = []
            for c in 0..<shownColumns {
                let text = String(counts[r * columns + c])
                cells.append(String(repeating: " ", count: width - text.count) + text)
            }
            lines.append(cells.joined(separator: " ") + (columns > shownColumns ? " …" : ""))
        }
        if rows > shownRows { lines.append("…") }
        return lines
    }

    /// What the map shows, e.g. `5×5 grid`, `first 32 of 112 rows and columns`,
    /// `first slice of 4×4×4`.
    public static func caption(extents: Extents, ascii: Bool) -> String {
        var caption = extents.formatted(ascii: ascii) + " grid"
        let sizes = extents.sizes
        if sizes.contains(where: { $0 > maxSide }) {
            caption += ", top-left \(maxSide)\(ascii ? "x" : "×")\(maxSide) shown"
        }
        if sizes.count > 2 { caption += ", first slice" }
        return caption
    }
}
