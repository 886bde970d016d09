/// Which input feeds which output through which kernel taps: the graph behind a matrix.
///
/// For a layer with column-convention matrix A (rows = outputs, columns = inputs), output `r`
/// reads input `c` through the taps of entry `A[r, c]`. The inverse map lists, for every input,
/// the outputs it feeds; for a convolution it is exactly the connectivity of the transposed
/// convolution (the transpose "reproduces the connectivity, not the values").
public struct Connectivity: Hashable, Sendable {
    /// One link: a source position and the taps through which it reaches the target.
    public struct Link: Hashable, Sendable {
        /// The source (an input of the layer, or an output for the inverse map).
        public let source: Int
        /// The taps, in increasing order; several under reflect/replicate/circular padding.
        public let taps: [Int]
    }

    /// For each target (row), its links in increasing source order.
    public let links: [[Link]]

    /// About how many bytes the connectivity of `matrix` and its inverse take (links hold their
    /// taps in arrays of their own: about 64 bytes an entry each way), or nil past `Int`.
    public static func estimatedBytes(for matrix: TapMatrix) -> Int? {
        CheckedArithmetic.multiply(matrix.storedCount, 128).flatMap {
            CheckedArithmetic.add(
                $0, CheckedArithmetic.multiply(matrix.rowCount + matrix.columnCount, 64) ?? Int.max)
        }
    }

    /// The connectivity of the layer whose column-convention matrix is `matrix`.
    public init(_ matrix: TapMatrix) {
        links = (0..<matrix.rowCount).map { r in
            var result: [Link] = []
            for entry in matrix.entries(inRow: r) {
                if let last = result.last, last.source == entry.column {
                    result[result.count - 1] = Link(
                        source: last.source, taps: last.taps + [entry.tap])
                } else {
                    result.append(Link(source: entry.column, taps: [entry.tap]))
                }
            }
            return result
        }
    }

    /// Every `(target, source, tap)` triple of the graph.
    public var edges: Set<Edge> {
        var result = Set<Edge>()
        for (target, row) in links.enumerated() {
            for link in row {
                for (k, tap) in link.taps.enumerated() {
                    result.insert(
                        Edge(target: target, source: link.source, tap: tap, multiplicity: k))
                }
            }
        }
        return result
    }

    /// One edge of the graph; `multiplicity` numbers repeated taps of the same pair.
    public struct Edge: Hashable, Sendable {
        /// The reading position (an output).
        public let target: Int
        /// The read position (an input).
        public let source: Int
        /// The tap.
        public let tap: Int
        /// 0 for the first occurrence of this tap between the pair, 1 for the second, …
        public let multiplicity: Int

        /// The same edge read the other way (source and target swapped).
        public var reversed: Edge {
            Edge(target: source, source: target, tap: tap, multiplicity: multiplicity)
        }
    }
}
