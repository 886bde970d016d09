import ConvMatrixCore
import ConvMatrixNumeric

/// The operator norm `‖A‖₂ = σ_max(A)` by power iteration on `AᵀA`, with matrix-free products
/// (``TapMatrix/product(_:tapValues:)`` and ``TapMatrix/transposedProduct(_:tapValues:)``):
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
    /// Whether the last change was within the tolerance.
    public let converged: Bool
    /// The power iteration's own last estimate `‖U·x‖`, before the Rayleigh–Ritz step.
    public let powerEstimate: Double

    /// Runs the iteration on `matrix` at `tapValues`, then extracts the best estimate from the
    /// span of the last `ritzSize` iterates (Rayleigh–Ritz: `σ_max(U·Q)` for an orthonormal
    /// basis `Q` of that span, a Krylov space of `UᵀU`, so never above `σ_max` and never below
    /// the last power estimate). The iterates of a slowly converging power iteration carry the
    /// few nearly-top directions that still differ; the small `ritzSize × ritzSize` problem
    /// separates them (Saad, *Numerical Methods for Large Eigenvalue Problems*, §4.3).
    public init(
        _ matrix: TapMatrix, tapValues: [Double], start: [Double]? = nil, tolerance: Double = 1e-12,
        maxIterations: Int = 5000, ritzSize: Int = 10
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
        var iterates: [[Double]] = []
        while steps < maxIterations {
            steps += 1
            if ritzSize >= 2 {
                if iterates.count == ritzSize { iterates.removeFirst() }
                iterates.append(x)
            }
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
        value = max(estimate, try OperatorNorm.ritz(matrix, tapValues: tapValues, iterates))
        iterations = steps
        lastRelativeChange = change
        converged = change <= tolerance
    }

    /// `σ_max(U·Q)` for an orthonormal basis `Q` of `iterates` (modified Gram–Schmidt, twice;
    /// directions with less than 10⁻⁸ of their length left are dropped).
    static func ritz(_ matrix: TapMatrix, tapValues: [Double], _ iterates: [[Double]])
        throws(NumericError) -> Double
    {
        var basis: [[Double]] = []
        for var v in iterates {
            for _ in 0..<2 {
                for q in basis {
                    var dot = 0.0
                    for i in v.indices { dot += v[i] * q[i] }
                    for i in v.indices { v[i] -= dot * q[i] }
                }
            }
            if normalize(&v) > 1e-8 { basis.append(v) }
        }
        guard basis.count >= 2 else { return 0 }
        var images: [[Double]] = []
        for q in basis { images.append(try matrix.product(q, tapValues: tapValues)) }
        var gram = DenseMatrix(rowCount: basis.count, columnCount: basis.count)
        for a in 0..<basis.count {
            for b in a..<basis.count {
                var dot = 0.0
                for i in images[a].indices { dot += images[a][i] * images[b][i] }
                gram[a, b] = dot
                gram[b, a] = dot
            }
        }
        // UᵀU restricted to the span is symmetric positive semi-definite: its largest singular
        // value is its largest eigenvalue, σ_max(U·Q)².
        return (SingularValues.of(gram).first ?? 0).squareRoot()
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
