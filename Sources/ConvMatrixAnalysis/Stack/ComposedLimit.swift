/// Why a stack's composed symbolic matrix `U_L ⋯ U_1`, or the supports of its rows, is not
/// built: the limit it would pass, with its numbers.
///
/// The library names no option: a program says which of its own raises a limit (the command
/// line adds `raise --max-memory …` when ``isMemoryBudget``).
public enum ComposedLimit: Hashable, Sendable, CustomStringConvertible {
    /// The layers' tap counts (first layer first) multiply to more than 2⁶³: the monomials of
    /// the products, numbered in mixed radix, do not fit 64 bits.
    case tapNumbering(tapCounts: [Int])
    /// The product of layers 1…`layers` has `terms` terms before merging (nil: more than an
    /// `Int` counts), over the limit of `limit` terms.
    case terms(layers: Int, terms: Int?, limit: Int)
    /// The product of layers 1…`layers` has `terms` terms before merging, 20 bytes a term, over
    /// the memory budget of `budget` bytes.
    case termMemory(layers: Int, terms: Int, budget: Int)
    /// A coefficient of the product overflows `Int`.
    case coefficientOverflow
    /// The supports of the stack's outputs (8 bytes a reached input) need more than the memory
    /// budget of `budget` bytes.
    case supportMemory(budget: Int)

    /// Whether a larger memory budget would let the matrix (or the supports) be built.
    public var isMemoryBudget: Bool {
        switch self {
        case .termMemory, .supportMemory: true
        case .tapNumbering, .terms, .coefficientOverflow: false
        }
    }

    /// The limit and its numbers, one line.
    public var description: String {
        switch self {
        case .tapNumbering(let counts):
            "the \(counts.count) layers have \(counts.map(String.init).joined(separator: "·")) taps, too many to number their products in 64 bits; use fewer layers for the symbolic matrix"
        case .terms(let layers, let terms?, let limit):
            "the product of layers 1…\(layers) has \(terms) terms before merging, over the limit of \(limit)"
        case .terms(let layers, nil, _):
            "the product of layers 1…\(layers) has more terms before merging than an Int counts"
        case .termMemory(let layers, let terms, let budget):
            "the product of layers 1…\(layers) has \(terms) terms before merging, over the memory budget of \(budget) bytes (20 bytes a term)"
        case .coefficientOverflow:
            "a coefficient overflows Int"
        case .supportMemory(let budget):
            "the supports of the stack's outputs need more than the memory budget of \(budget) bytes (8 bytes a reached input)"
        }
    }
}
