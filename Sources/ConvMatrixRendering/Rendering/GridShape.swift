import ConvMatrixCore

/// The dense size at which a `(channels, spatial…)` tensor prints: its 2-D slices (see
/// ``GridSlices``) stacked, so `rows = channels · Π(all axes but the last)` and `columns` = the
/// last axis. Printers budget cells by this size before they build a single entry.
public struct GridShape: Hashable, Sendable {
    /// Rows of all slices together; `Int.max` when the count does not fit in an `Int`.
    public let rows: Int
    /// Columns of each slice (the last axis; 1 for a scalar).
    public let columns: Int

    /// The printed size of a tensor with `channels` channels over `extents`.
    public init(channels: Int, extents: Extents) {
        let columns = max(extents.sizes.last ?? 1, 1)
        self.columns = columns
        self.rows = CheckedArithmetic.multiply(channels, extents.count / columns) ?? Int.max
    }

    private init(rows: Int, columns: Int) {
        self.rows = rows
        self.columns = columns
    }

    /// `count` such tensors one under the other (one per output, for the placements).
    public func repeated(_ count: Int) -> GridShape {
        GridShape(rows: CheckedArithmetic.multiply(rows, count) ?? Int.max, columns: columns)
    }
}
