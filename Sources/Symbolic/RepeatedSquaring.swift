/// `base^exponent` by repeated squaring with a throwing product: `O(log exponent)` products.
///
/// Shared by ``Rational`` and ``Expression``, whose products throw on overflow.
enum RepeatedSquaring {
    /// `base^exponent` for `exponent ≥ 0`, starting from `one` (`base⁰ = one`).
    static func power<T>(_ base: T, _ exponent: UInt, one: T, times: (T, T) throws -> T) rethrows
        -> T
    {
        var result = one
        var square = base
        var e = exponent
        while e > 0 {
            if e & 1 == 1 { result = try times(result, square) }
            e >>= 1
            if e > 0 { square = try times(square, square) }
        }
        return result
    }
}
