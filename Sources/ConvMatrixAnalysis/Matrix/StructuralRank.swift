import ConvMatrixCore

/// The structural (generic) rank of a sparse pattern: the largest number of stored entries no
/// two of which share a row or a column — a maximum matching of the bipartite graph
/// rows ↔ columns.
///
/// For a matrix whose non-zero entries are independent symbols, the rank equals this number
/// for almost every value of the symbols (Edmonds 1967; the "term rank"). A layer's taps are
/// shared between entries, so the rank at particular values can be lower — never higher —
/// which is what the exact and floating-point ranks measure.
///
/// Computed with the Hopcroft–Karp algorithm (SIAM J. Comput. 1973), `O(E·√V)`, started from a
/// greedy matching, which on convolution patterns already matches nearly every row.
public enum StructuralRank {
    /// The size of a maximum matching of `matrix`'s pattern.
    public static func of(_ matrix: TapMatrix) -> Int {
        let rows = matrix.rowCount
        let columns = matrix.columnCount
        let none = -1
        var matchRow = [Int](repeating: none, count: rows)  // row → column
        var matchColumn = [Int](repeating: none, count: columns)  // column → row
        let start = matrix.rowStart
        let adjacency = matrix.columns
        var size = 0
        // Greedy start.
        for r in 0..<rows {
            for i in start[r]..<start[r + 1] where matchColumn[Int(adjacency[i])] == none {
                let c = Int(adjacency[i])
                matchColumn[c] = r
                matchRow[r] = c
                size += 1
                break
            }
        }
        var layer = [Int](repeating: 0, count: rows)
        var cursor = [Int](repeating: 0, count: rows)
        var queue = [Int]()
        queue.reserveCapacity(rows)
        var stack: [Int] = []
        while true {
            // BFS from the free rows, layering rows by alternating-path distance.
            queue.removeAll(keepingCapacity: true)
            let unreached = Int.max
            for r in 0..<rows {
                if matchRow[r] == none {
                    layer[r] = 0
                    queue.append(r)
                } else {
                    layer[r] = unreached
                }
            }
            var head = 0
            var foundFree = false
            var limit = unreached
            while head < queue.count {
                let r = queue[head]
                head += 1
                if layer[r] >= limit { continue }
                for i in start[r]..<start[r + 1] {
                    let next = matchColumn[Int(adjacency[i])]
                    if next == none {
                        foundFree = true
                        limit = min(limit, layer[r] + 1)
                    } else if layer[next] == unreached {
                        layer[next] = layer[r] + 1
                        queue.append(next)
                    }
                }
            }
            guard foundFree else { break }
            // DFS along the layers from every free row, iteratively.
            for r in 0..<rows { cursor[r] = start[r] }
            var augmented = 0
            for free in 0..<rows where matchRow[free] == none {
                stack.removeAll(keepingCapacity: true)
                stack.append(free)
                var success = false
                while let r = stack.last {
                    if cursor[r] == start[r + 1] {
                        layer[r] = unreached  // dead end
                        stack.removeLast()
                        continue
                    }
                    let c = Int(adjacency[cursor[r]])
                    let next = matchColumn[c]
                    if next == none {
                        // Any free column ends an augmenting path (the layers keep the
                        // paths vertex-disjoint within a phase).
                        success = true
                        break
                    } else if layer[next] == layer[r] + 1 {
                        stack.append(next)
                        continue
                    }
                    cursor[r] += 1
                }
                guard success else { continue }
                // Flip the path: each row on the stack takes the column at its cursor.
                for r in stack.reversed() {
                    let c = Int(adjacency[cursor[r]])
                    matchColumn[c] = r
                    matchRow[r] = c
                    layer[r] = unreached
                }
                augmented += 1
            }
            if augmented == 0 { break }
            size += augmented
        }
        return size
    }
}
