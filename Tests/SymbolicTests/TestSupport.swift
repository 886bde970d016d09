import Symbolic
import Testing

/// A small deterministic pseudo-random generator (SplitMix64) so property tests are
/// reproducible.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Random small polynomials for property tests.
enum RandomExpressions {
    static let symbols: [Symbol] = [
        Symbol("k", indices: [0, 0]), Symbol("k", indices: [0, 2]),
        Symbol("k", indices: [0, 10]), Symbol("O", indices: [1, 1]),
        Symbol("x"), Symbol("I", indices: [2], superscript: [1, 0]),
    ]

    static func rational(_ rng: inout SeededGenerator) throws -> Rational {
        try Rational(Int.random(in: -6...6, using: &rng), Int.random(in: 1...4, using: &rng))
    }

    static func expression(_ rng: inout SeededGenerator) throws -> Expression {
        var terms: [Term] = []
        for _ in 0..<Int.random(in: 0...4, using: &rng) {
            var powers: [(symbol: Symbol, exponent: Int)] = []
            for _ in 0..<Int.random(in: 0...2, using: &rng) {
                let symbol = symbols[Int.random(in: 0..<symbols.count, using: &rng)]
                powers.append((symbol, Int.random(in: 1...2, using: &rng)))
            }
            terms.append(
                Term(coefficient: try rational(&rng), monomial: try Monomial(powers: powers)))
        }
        return try Expression(terms: terms)
    }
}

/// Shorthands used across the specification.
func sym(_ name: String, _ indices: Int..., superscript: [Int] = []) -> Symbol {
    Symbol(name, indices: indices, superscript: superscript)
}

func expr(_ name: String, _ indices: Int...) -> Expression {
    Expression(Symbol(name, indices: indices))
}

func q(_ numerator: Int, _ denominator: Int = 1) throws -> Rational {
    try Rational(numerator, denominator)
}
