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
        let sizes = extents.sizes
        let columns = sizes.last ?? 1
        let rows = sizes.count >= 2 ? sizes[sizes.count - 2] : 1
        let leading = Array(sizes.dropLast(2))
        // `leading` is a suffix-free part of valid extents, so its product fits too.
        guard let leadingExtents = Extents(leading) else {
            self.slices = []
            return
        }
        let perSlice = rows * columns
        var slices: [Slice] = []
        for channel in 0..<channels {
            for lead in 0..<leadingExtents.count {
                let base = channel * extents.count + lead * perSlice
                let dense = (0..<rows).map { i in
                    (0..<columns).map { j in values[base + i * columns + j] }
                }
                var parts: [String] = []
                if channels > 1 { parts.append("channel \(channel)") }
                if !leading.isEmpty {
                    let index = leadingExtents.multiIndex(lead).map(String.init).joined(
                        separator: ",")
                    parts.append(leading.count == 1 ? "depth \(index)" : "leading index (\(index))")
                }
                // A dense array of expressions always forms a valid matrix.
                let matrix =
                    (try? SymbolicMatrix(dense))
                    ?? (try? SymbolicMatrix(rowCount: 0, columnCount: 0))
                if let matrix {
                    slices.append(Slice(label: parts.joined(separator: ", "), matrix: matrix))
                }
            }
        }
        self.slices = slices
    }
}
