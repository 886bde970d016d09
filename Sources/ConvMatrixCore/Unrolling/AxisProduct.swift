/// The flat offset pairs of a spatial position, from the offset pairs of each of its axes.
///
/// A row-major flat index is a sum of per-axis terms `i_t·stride_t`. So when axis `t` offers
/// the offset pairs `pairs(t)` (an output and a tap offset, a tap and an input offset, …, each
/// already multiplied by its axis's stride), every choice of one pair per axis gives one pair of
/// flat offsets, the component-wise sum of the chosen ones: this is the Cartesian product
/// `pairs(0) × … × pairs(rank − 1)` with each choice summed by `add`, `Π_t |pairs(t)|` pairs in
/// odometer order (the last axis varies fastest), none when some axis offers none.
///
/// It is how U's rows (``Convolution/unrolledRows(_:limits:)``), columns
/// (``Convolution/unrolledColumns(_:limits:)``) and the entries of one tap
/// (``Convolution/entries(ofTap:)``) are formed from their axes, without building U.
func axisProduct<Pair>(
    rank: Int, zero: Pair, pairs: (Int) -> [Pair], add: (Pair, Pair) -> Pair
) -> [Pair] {
    var combined = [zero]
    for t in 0..<rank {
        let choices = pairs(t)
        var next: [Pair] = []
        next.reserveCapacity(combined.count * choices.count)
        for base in combined {
            for choice in choices { next.append(add(base, choice)) }
        }
        combined = next
    }
    return combined
}
