/// "Did you mean …?" for a misspelled option or command: the closest known name by edit
/// distance, when it is close enough to be a slip of the keyboard.
enum Suggestion {
    /// The name in `candidates` closest to `typed`, or nil when none is within reach.
    ///
    /// Distance is Damerau–Levenshtein (insertions, deletions, substitutions and transpositions
    /// of neighbours each cost 1), computed after treating `_` as `-` (`--output_padding`) and
    /// ignoring case. A candidate is offered when the distance is at most a third of the longer
    /// name (at least 1, at most 3), or when one name is a prefix of the other (`--kern`).
    static func closest(to typed: String, in candidates: [String]) -> String? {
        let normalised = Array(typed.lowercased().map { $0 == "_" ? "-" : $0 })
        var best: (name: String, distance: Int)?
        for candidate in candidates {
            let target = Array(candidate.lowercased())
            let distance = editDistance(normalised, target)
            let reach = min(3, max(1, max(normalised.count, target.count) / 3))
            let isPrefix =
                normalised.count >= 3
                && (target.starts(with: normalised) || normalised.starts(with: target))
            guard distance <= reach || isPrefix else { continue }
            if let found = best, found.distance <= distance { continue }
            best = (candidate, distance)
        }
        return best?.name
    }

    /// The optimal-string-alignment distance between `a` and `b`.
    static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous2 = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    value = min(value, previous2[j - 2] + 1)
                }
                current[j] = value
            }
            (previous2, previous, current) = (previous, current, previous2)
        }
        return previous[b.count]
    }
}
