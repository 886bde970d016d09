import ConvMatrixCore
import Symbolic

/// A flattened tensor `(channels, spatial…)` cut into the 2-D matrices a page can show.
///
/// A 2-D grid is one matrix; a 1-D signal is a 1×n row; a 3-D volume is one matrix per depth
/// slice; channels multiply the slices. Each slice carries a label naming its channel and depth
/// (empty when there is a single slice), so that printers can say what they show.
public struct GridSlices: Sendable {
    /// One printable slice.
    public struct Slice: Sendable {
        /// `channel 1`, `depth 0`, `channel 1, depth 0`, or empty for a lone slice.
        public let label: String
        /// The matrix of the last two axes (1×n for one axis).
        public let matrix: SymbolicMatrix
    }

    /// The slices in flattening order.
    public let slices: [Slice]

    /// Cuts `values` (flattened channel first, then row-major over `extents`) into slices.
    /// `channels` is shown in labels only when it is above 1.
    public init(_ values: [Expression], channels: Int, extents: Extents) {
        let layout = GridSlices.layout(channels: channels, extents: extents)
        var slices: [Slice] = []
        for (index, label) in layout.labels.enumerated() {
            let base = index * layout.rows * layout.columns
            let dense = (0..<layout.rows).map { i in
                (0..<layout.columns).map { j in values[base + i * layout.columns + j] }
            }
            // A dense array of equal-length rows always forms a valid matrix.
            if let matrix = try? SymbolicMatrix(dense) {
                slices.append(Slice(label: label, matrix: matrix))
            }
        }
        self.slices = slices
    }

    /// How a `(channels, extents…)` tensor is cut: rows and columns of each slice (the last two
    /// axes; one row for a single axis) and one label per slice, in flattening order —
    /// `channel 1`, `depth 0`, `channel 1, depth 0`, or empty for a lone slice.
    public static func layout(channels: Int, extents: Extents) -> (
        rows: Int, columns: Int, labels: [String]
    ) {
        let sizes = extents.sizes
        let columns = sizes.last ?? 1
        let rows = sizes.count >= 2 ? sizes[sizes.count - 2] : 1
        let leading = Array(sizes.dropLast(2))
        // `leading` is part of valid extents, so its product fits too.
        guard let leadingExtents = Extents(leading) else { return (rows, columns, []) }
        var labels: [String] = []
        for channel in 0..<channels {
            for lead in 0..<leadingExtents.count {
                var parts: [String] = []
                if channels > 1 { parts.append("channel \(channel)") }
                if !leading.isEmpty {
                    let index = leadingExtents.multiIndex(lead).map(String.init).joined(
                        separator: ",")
                    parts.append(leading.count == 1 ? "depth \(index)" : "leading index (\(index))")
                }
                labels.append(parts.joined(separator: ", "))
            }
        }
        return (rows, columns, labels)
    }
}
