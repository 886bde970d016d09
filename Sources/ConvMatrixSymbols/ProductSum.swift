import Symbolic

/// A long sum known by its ends: its first and last terms in ``Symbolic/Expression``'s
/// canonical order, and how many terms it has. An elided printout shows `head + ⋯ + tail`
/// and says how long the sum is, without the terms between.
public struct SumEnds: Hashable, Sendable {
    /// The first terms, in canonical order.
    public let head: Expression
    /// The last terms, in canonical order.
    public let tail: Expression
    /// How many terms the whole sum has (more than `head` and `tail` together).
    public let termCount: Int

    /// The ends `head` and `tail` of a sum of `termCount` terms.
    public init(head: Expression, tail: Expression, termCount: Int) {
        self.head = head
        self.tail = tail
        self.termCount = termCount
    }
}

/// A sum of two-symbol products `Σ a_i·b_j` over index pairs `(i, j)`: whole when it is short,
/// by its ends (``SumEnds``) when it is long.
public enum ProductSum: Hashable, Sendable {
    /// The whole sum.
    case whole(Expression)
    /// The first and last terms of a longer sum.
    case ends(SumEnds)

    /// How many terms the sum has.
    public var termCount: Int {
        switch self {
        case .whole(let e): e.terms.count
        case .ends(let ends): ends.termCount
        }
    }

    /// `Σ first(i)·second(j)` over `pairs`, the same polynomial as
    /// `Expression.sum(pairs.map { Monomial([first($0.0), second($0.1)]) })`: whole when it has
    /// at most `wholeUpTo` terms, otherwise its first `head` and last `tail` terms.
    ///
    /// Why the ends can be picked from the indices alone: `first` and `second` name every index
    /// with one letter each, whose symbols order as their indices do (``LayerSymbols`` writes a
    /// flat index as its channel superscript and its row-major position, so symbol order is flat
    /// order). When the two letters differ, each product's factors sort as
    /// `(a_i, b_j)` when `a`'s letter comes first, `(b_j, a_i)` otherwise, and SymPy's `lex`
    /// order of the products is the lexicographic order of `(i, j)` or `(j, i)`; equal pairs
    /// merge into one term with their count as coefficient. Only the terms printed become
    /// symbols: a weight gradient of ResNet-50's first layer sums 12,544 products. When the
    /// letters are equal the sum is built whole and cut.
    public static func of(
        _ pairs: [(Int, Int)], first: (Int) -> Symbol, second: (Int) -> Symbol, wholeUpTo: Int,
        head: Int, tail: Int
    ) -> ProductSum {
        guard let sample = pairs.first else { return .whole(.zero) }
        let a = first(sample.0)
        let b = second(sample.1)
        func monomial(_ i: Int, _ j: Int) -> Monomial { Monomial([first(i), second(j)]) }
        guard a.name != b.name else {
            return cut(
                Expression.sum(pairs.map { monomial($0.0, $0.1) }), wholeUpTo: wholeUpTo, head,
                tail)
        }
        // Keys in printed order: (i, j) when a's letter sorts first.
        var keys = a.name < b.name ? pairs.map { ($0.0, $0.1) } : pairs.map { ($0.1, $0.0) }
        if !zip(keys, keys.dropFirst()).allSatisfy({ $0 <= $1 }) { keys.sort { $0 < $1 } }
        // Runs of equal keys are one term each, their length its coefficient.
        var runs: [(key: (Int, Int), count: Int)] = []
        runs.reserveCapacity(keys.count)
        for key in keys {
            if let last = runs.last, last.key == key {
                runs[runs.count - 1].count += 1
            } else {
                runs.append((key, 1))
            }
        }
        func term(_ run: (key: (Int, Int), count: Int)) -> Term {
            let (i, j) = a.name < b.name ? run.key : (run.key.1, run.key.0)
            return Term(coefficient: Rational(run.count), monomial: monomial(i, j))
        }
        if runs.count <= max(wholeUpTo, head + tail) {
            return .whole((try? Expression(terms: runs.map(term))) ?? .zero)
        }
        return .ends(
            SumEnds(
                head: (try? Expression(terms: runs.prefix(max(head, 0)).map(term))) ?? .zero,
                tail: (try? Expression(terms: runs.suffix(max(tail, 0)).map(term))) ?? .zero,
                termCount: runs.count))
    }

    /// `e` whole when it has at most `wholeUpTo` terms, else its ends.
    public static func cut(_ e: Expression, wholeUpTo: Int, _ head: Int, _ tail: Int)
        -> ProductSum
    {
        guard e.terms.count > max(wholeUpTo, head + tail) else { return .whole(e) }
        return .ends(
            SumEnds(
                head: (try? Expression(terms: Array(e.terms.prefix(head)))) ?? .zero,
                tail: (try? Expression(terms: Array(e.terms.suffix(tail)))) ?? .zero,
                termCount: e.terms.count))
    }
}
