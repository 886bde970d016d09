/// Steele, Lea and Flood's SplitMix64 generator (2014): a 64-bit state advanced by the golden
/// ratio constant and mixed by two xor-shift-multiply rounds.
///
/// Deterministic on every platform and every Swift version (unlike `SystemRandomNumberGenerator`),
/// so `--seed 7` draws the same values everywhere; not for cryptography.
public struct SplitMix64: RandomNumberGenerator, Hashable, Sendable {
    /// The state; the next output is a function of it alone.
    public private(set) var state: UInt64

    /// A generator whose first output depends only on `seed`.
    public init(seed: UInt64) { state = seed }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A small dyadic rational `n / d` with `n` in −4…4 and `d` in {1, 2, 4}: exact in both
    /// `Double` and ``Symbolic/Rational``, so sums of products of them stay exact in floating point too
    /// (the fixtures' `dyadic` values).
    public mutating func nextDyadic() -> NumericValue {
        let numerator = Int(next() % 9) - 4
        let denominator = [1, 2, 4][Int(next() % 3)]
        return NumericValue(fraction: numerator, denominator)
    }
}
