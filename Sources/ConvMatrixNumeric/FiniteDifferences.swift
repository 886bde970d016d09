import ConvMatrixCore

extension Convolution {
    /// The largest number of coordinates a finite-difference check perturbs; beyond it, this many
    /// evenly spaced coordinates are checked (each costs two evaluations of `E`).
    public static let finiteDifferenceSample = 256

    /// The multiply-adds the finite differences of one gradient line may cost: each coordinate
    /// costs two evaluations of `E`, so an expensive `E` checks fewer coordinates (at least
    /// ``finiteDifferenceMinimumSample``) and the whole check stays linear in the work of one
    /// evaluation instead of `inputs × outputs`.
    public static let finiteDifferenceWork = 1 << 23

    /// The fewest coordinates a gradient line checks (when the vector has that many).
    public static let finiteDifferenceMinimumSample = 4

    /// How many evenly spaced coordinates of `count` a gradient line perturbs when one
    /// evaluation of `E` costs `cost` multiply-adds: all of them when that fits, otherwise as
    /// many as ``finiteDifferenceWork`` allows, between ``finiteDifferenceMinimumSample`` and
    /// ``finiteDifferenceSample``.
    public static func finiteDifferenceSampleCount(coordinates count: Int, cost: Int) -> Int {
        let perCoordinate = max(1, cost).multipliedReportingOverflow(by: 2)
        let affordable =
            perCoordinate.overflow ? 0 : finiteDifferenceWork / perCoordinate.partialValue
        let sample = min(finiteDifferenceSample, max(finiteDifferenceMinimumSample, affordable))
        return min(count, sample)
    }

    /// `sample` evenly spaced members of `candidates` (all of them when there are no more).
    static func evenlySpaced(_ candidates: [Int], sample: Int) -> [Int] {
        let count = candidates.count
        guard count > sample else { return candidates }
        return (0..<sample).map { candidates[$0 * count / sample] }
    }

    /// The derivative of `f` along each coordinate `indices` of `point`: central differences
    /// `(f(v + h·eᵢ) − f(v − h·eᵢ)) / 2h` with ``NumericScalar/centralDifferenceStep(for:)``,
    /// or exactly `f(v + eᵢ) − f(v)` in exact mode (`f` is linear, so both are the derivative
    /// up to rounding, and the exact one is the derivative).
    static func differences<S: NumericScalar>(
        at point: [S], indices: [Int], exact: Bool, _ f: ([S]) throws(NumericError) -> S
    ) throws(NumericError) -> [S] {
        let (step, inverseTwoSteps) =
            exact ? (S.one, S.one) : S.centralDifferenceStep(for: point)
        let base = exact ? try f(point) : S.zero
        var values: [S] = []
        values.reserveCapacity(indices.count)
        for i in indices {
            var plus = point
            plus[i] = try S.sum(point[i], step)
            if exact {
                values.append(try S.difference(try f(plus), base))
            } else {
                var minus = point
                minus[i] = try S.difference(point[i], step)
                let delta = try S.difference(try f(plus), try f(minus))
                // Dividing by 2h, a power of two, is an exact multiplication by 1/2h.
                values.append(try S.product(delta, inverseTwoSteps))
            }
        }
        return values
    }
}
