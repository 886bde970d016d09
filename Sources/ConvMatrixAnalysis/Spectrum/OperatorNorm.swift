import ConvMatrixCore
import ConvMatrixNumeric

/// The operator norm `‖A‖₂ = σ_max(A)` by power iteration on `AᵀA`, with matrix-free products
/// (`TapMatrix.product(_:tapValues:)` and `TapMatrix.transposedProduct(_:tapValues:)`):
/// `AᵀA` is never formed.
///
/// From a start vector `x₀`, each step computes `y = A·x`, `x' = Aᵀ·y / ‖Aᵀ·y‖`; the estimate
/// `σ = ‖A·x‖` (with `‖x‖ = 1`) increases monotonically to `σ_max` as long as `x₀` has a
/// component along the top right singular vector (Golub & Van Loan, *Matrix Computations*,
/// §8.2.1). The iteration stops when two successive estimates agree to a relative `tolerance`
/// (default `10⁻¹²`, well beyond 6 significant digits), or after `maxIterations`.
///
/// The start vector is `1 + u/8` with `u` uniform in `[−1, 1)` from a fixed seed: mostly the
/// constant vector (which already points along the top singular vector of a kernel whose taps
/// have a common sign), plus a perturbation so that no singular vector is missed.
public struct OperatorNorm: Hashable, Sendable {
    /// The estimate of `σ_max`.
    public let value: Double
    /// Steps taken.
    public let iterations: Int
    /// The relative change of the last step.
    public let lastRelativeChange: Double
    /// Whether the Lanczos refinement settled (its Ritz value changed by less than its
    /// tolerance, or the Krylov space became invariant), or the power iteration alone did.
    public let converged: Bool
    /// The power iteration's own last estimate `‖U·x‖`, before the Rayleigh–Ritz step.
    public let powerEstimate: Double

    /// Runs the power iteration on `matrix` at `tapValues`, then refines its result by
    /// Rayleigh–Ritz over the Krylov space of `UᵀU` that the iteration would explore next.
    ///
    /// The power iteration alone converges at the rate `(σ₂/σ₁)²`, slow when the top singular
    /// values crowd together, as a convolution's do. Its iterates `x, Ax, A²x, …` (`A = UᵀU`)
    /// span a Krylov space whose best estimate — the largest Ritz value, `max ‖U·q‖` over unit
    /// `q` in the span — is far better than the last iterate's; it is computed stably by the
    /// Lanczos recurrence with full reorthogonalisation (Golub & Van Loan §10.1; Saad,
    /// *Numerical Methods for Large Eigenvalue Problems*, §6.6), from the power iteration's
    /// last vector, for at most `krylovSteps` more products, stopping when the Ritz value
    /// (of `UᵀU`) changes by less than `krylovTolerance`; the power iteration itself stops
    /// when its estimate changes by less than `tolerance`. The Ritz value never exceeds `σ_max`, and never falls
    /// below the power estimate (the span contains the last iterate).
    public init(
        _ matrix: TapMatrix, tapValues: [Double], start: [Double]? = nil, tolerance: Double = 1e-12,
        maxIterations: Int = 5000, krylovSteps: Int = 16, krylovTolerance: Double = 1e-12
    ) throws(NumericError) {
        var generator = SplitMix64(seed: 0x5EED)
        var x = (0..<matrix.columnCount).map { _ in
            1 + (Double(generator.next() >> 11) / Double(1 << 53) * 2 - 1) / 8
        }
        if let start, start.count == x.count, start.contains(where: { $0 != 0 }) {
            // The given start, with a trace of the perturbation so no direction is missed.
            let scale = OperatorNorm.norm(start) / OperatorNorm.norm(x) * 1e-6
            x = zip(start, x).map { $0 + scale * $1 }
        }
        OperatorNorm.normalize(&x)
        var estimate = 0.0
        var change = Double.infinity
        var steps = 0
        while steps < maxIterations {
            steps += 1
            let y = try matrix.product(x, tapValues: tapValues)
            let sigma = OperatorNorm.norm(y)
            change = estimate == 0 ? Double.infinity : abs(sigma - estimate) / sigma
            estimate = sigma
            if sigma == 0 {
                change = 0
                break
            }
            if change <= tolerance { break }
            x = try matrix.transposedProduct(y, tapValues: tapValues)
            if OperatorNorm.normalize(&x) == 0 { break }
        }
        powerEstimate = estimate
        let (ritz, extra, settled) =
            estimate > 0 && krylovSteps >= 2
            ? try OperatorNorm.lanczos(
                matrix, tapValues: tapValues, from: x, steps: krylovSteps,
                tolerance: krylovTolerance)
            : (0, 0, false)
        krylovIterations = extra
        value = max(estimate, ritz)
        iterations = steps
        lastRelativeChange = change
        converged = settled || change <= krylovTolerance
    }

    /// Products spent in the Lanczos refinement.
    public let krylovIterations: Int

    /// The largest Ritz value of `UᵀU` on the Krylov space of `start` (its square root), by
    /// Lanczos with full reorthogonalisation; and the number of products spent. The basis is
    /// kept (`steps` vectors), so `steps` is capped at 256 MB of vectors.
    static func lanczos(
        _ matrix: TapMatrix, tapValues: [Double], from start: [Double], steps: Int,
        tolerance: Double
    ) throws(NumericError) -> (Double, Int, Bool) {
        let cap = max(2, (256 << 20) / max(8 * matrix.columnCount, 1))
        var basis: [[Double]] = [start]
        var alphas: [Double] = []
        var betas: [Double] = []
        var top = 0.0
        var used = 0
        var settledAtEnd = false
        for j in 0..<min(steps, cap) {
            used += 1
            var w = try matrix.transposedProduct(
                try matrix.product(basis[j], tapValues: tapValues), tapValues: tapValues)
            var alpha = 0.0
            for i in w.indices { alpha += w[i] * basis[j][i] }
            alphas.append(alpha)
            for _ in 0..<2 {
                for v in basis {
                    var dot = 0.0
                    for i in w.indices { dot += w[i] * v[i] }
                    for i in w.indices { w[i] -= dot * v[i] }
                }
            }
            // The tridiagonal T_{j+1} (symmetric positive semi-definite): its largest singular
            // value is its largest eigenvalue.
            let size = alphas.count
            var t = DenseMatrix(rowCount: size, columnCount: size)
            for k in 0..<size { t[k, k] = alphas[k] }
            for k in 0..<betas.count {
                t[k, k + 1] = betas[k]
                t[k + 1, k] = betas[k]
            }
            let next = SingularValues.of(t).first ?? 0
            let settled = top > 0 && abs(next - top) <= tolerance * next
            settledAtEnd = settled
            top = next
            let beta = norm(w)
            if settled || beta <= 1e-14 * max(top, 1e-300) {
                // An invariant subspace (β = 0) holds the exact Ritz value.
                settledAtEnd = true
                break
            }
            betas.append(beta)
            basis.append(w.map { $0 / beta })
        }
        return (top.squareRoot(), used, settledAtEnd)
    }

    static func norm(_ v: [Double]) -> Double {
        var total = 0.0
        for x in v { total += x * x }
        return total.squareRoot()
    }

    @discardableResult
    static func normalize(_ v: inout [Double]) -> Double {
        let n = norm(v)
        guard n > 0 else { return 0 }
        for i in v.indices { v[i] /= n }
        return n
    }
}
