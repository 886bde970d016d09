import Symbolic

/// Exact arithmetic done in doubles, where doubles cannot round.
///
/// `random` values are dyadic rationals (`3/16`, `−5/4`: denominators are powers of two), and a
/// double holds `n/2ᵉ` exactly while `|n| < 2⁵³`. If every `a` has a denominator dividing `2^eₐ`
/// and every `b` one dividing `2^e_b`, each product `a·b` and each partial sum of them is a
/// multiple of `2^−(eₐ+e_b)`; when every partial sum also stays below `2⁵³·2^−(eₐ+e_b)` in
/// magnitude — guaranteed by `terms · max|a| · max|b| < 2^(53 − eₐ − e_b)` — no product and no
/// sum rounds, in any order. The doubles are then the exact results, and read back as
/// rationals they equal what checked rational arithmetic gives, at the speed of the double
/// loops (ResNet-50's first layer: milliseconds instead of seconds).
enum DyadicArithmetic {
    /// The largest denominator exponent and magnitude of `values`, or nil when one is not exact
    /// or its denominator is not a power of two.
    static func measure(_ values: [NumericValue]) -> (exponent: Int, largest: Double)? {
        var exponent = 0
        var largest = 0.0
        for value in values {
            guard let exact = value.exact else { return nil }
            let d = exact.denominator
            guard d > 0, d & (d - 1) == 0 else { return nil }
            exponent = max(exponent, d.trailingZeroBitCount)
            largest = max(largest, abs(exact.doubleValue))
        }
        return (exponent, largest)
    }

    /// The exponent `e` of the common denominator `2ᵉ` of sums of at most `terms` products
    /// `a·b` plus one `c`, when doubles compute them without rounding (see the type's note);
    /// nil otherwise.
    static func exponent(
        terms: Int, _ a: (exponent: Int, largest: Double), _ b: (exponent: Int, largest: Double),
        plus c: (exponent: Int, largest: Double)? = nil
    ) -> Int? {
        let e = max(a.exponent + b.exponent, c?.exponent ?? 0)
        guard e <= 52 else { return nil }
        let bound = Double(terms) * a.largest * b.largest + (c?.largest ?? 0)
        return bound * Double(1 << e) < Double(1 << 53) ? e : nil
    }

    /// Doubles that are multiples of `2^−exponent` below `2⁵³·2^−exponent`, as rationals.
    static func rationals(_ values: [Double], exponent: Int) -> [Rational]? {
        let scale = Double(1 << exponent)
        var result: [Rational] = []
        result.reserveCapacity(values.count)
        for value in values {
            let scaled = value * scale
            guard scaled == scaled.rounded(), abs(scaled) < Double(1 << 53),
                let exact = try? Rational(Int(scaled), 1 << exponent)
            else { return nil }
            result.append(exact)
        }
        return result
    }
}
