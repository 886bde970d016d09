/// The minimum, maximum and histogram of a list of counts, with the counts themselves kept so
/// that they can be drawn on the grid they belong to.
public struct CountSummary: Hashable, Sendable {
    /// One count per position, in flat order.
    public let counts: [Int]
    /// The smallest count (0 for an empty list).
    public let min: Int
    /// The largest count (0 for an empty list).
    public let max: Int
    /// `(count, how many positions have it)`, by increasing count.
    public let histogram: [(value: Int, positions: Int)]

    /// Summarises `counts`.
    public init(_ counts: [Int]) {
        self.counts = counts
        self.min = counts.min() ?? 0
        self.max = counts.max() ?? 0
        var tally: [Int: Int] = [:]
        for c in counts { tally[c, default: 0] += 1 }
        histogram = tally.keys.sorted().map { ($0, tally[$0] ?? 0) }
    }

    /// Whether every count is the same.
    public var isUniform: Bool { min == max }

    public static func == (l: CountSummary, r: CountSummary) -> Bool { l.counts == r.counts }
    public func hash(into hasher: inout Hasher) { hasher.combine(counts) }
}
