extension Convolution {
    /// The number of entries U stores, `M · C/g · Π_t links_t` — what
    /// ``unrolled(limits:)`` counts before it builds anything — or `nil` when it overflows
    /// `Int`. Callers that build more per entry (symbolic expressions) budget with it first.
    public var unrolledStoredCount: Int? {
        let links = axes.map { AxisConnections.linkCount(axis: $0, mode: paddingMode) }
        return CheckedArithmetic.product(links + [outChannels, inChannelsPerGroup])
    }
}
