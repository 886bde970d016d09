import ConvMatrixCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Singular values by the one-sided Jacobi method (Hestenes 1958; Demmel & Veselić, "Jacobi's
/// method is more accurate than QR", SIAM J. Matrix Anal. Appl. 1992).
///
/// The columns of `A` (`m × n`, `n ≤ m`; otherwise `Aᵀ` is used, which has the same singular
/// values) are rotated in pairs until every two are orthogonal: for columns `aᵢ, aⱼ` with
/// `α = ‖aᵢ‖², β = ‖aⱼ‖², γ = aᵢ·aⱼ`, the rotation by `t = sign(ζ)/(|ζ| + √(1 + ζ²))`,
/// `ζ = (β − α)/(2γ)`, `c = 1/√(1 + t²)`, `s = c·t` makes them orthogonal. A sweep visits every
/// pair; sweeps repeat until no pair has `|γ| > ε·√(αβ)` (`ε` = 2⁻⁵²·n). The singular values
/// are then the column norms. Each sweep costs about `3·m·n²/2` multiply-adds, so the size is
/// limited (``check(rows:columns:limit:)``).
public enum SingularValues {
    /// The default limit on the smaller side of a dense SVD.
    public static let defaultLimit = 400

    /// Throws ``AnalysisError/svdTooLarge(rows:columns:limit:)`` when `min(rows, columns)`
    /// exceeds `limit`, or the dense matrix would exceed 16 million cells.
    public static func check(rows: Int, columns: Int, limit: Int) throws(AnalysisError) {
        let cells = rows.multipliedReportingOverflow(by: columns)
        guard min(rows, columns) <= limit, !cells.overflow, cells.partialValue <= 16_000_000
        else {
            throw .svdTooLarge(rows: rows, columns: columns, limit: limit)
        }
    }

    /// The singular values of `matrix`, descending (`min(m, n)` of them). Reports the pairs of
    /// each sweep to `progress`, one activity per sweep (`singular values, sweep 2`): how many
    /// sweeps are needed is known only at the end (usually fewer than ten).
    public static func of(_ matrix: DenseMatrix, progress: ProgressSink = .silent) -> [Double] {
        let a = matrix.rowCount >= matrix.columnCount ? matrix : matrix.transposed
        let m = a.rowCount
        let n = a.columnCount
        guard n > 0, m > 0 else { return [] }
        // Column-major copy: column j at columns[j·m ..< (j+1)·m].
        var columns = [Double](repeating: 0, count: m * n)
        for r in 0..<m { for c in 0..<n { columns[c * m + r] = a[r, c] } }
        let epsilon = 2.220446049250313e-16 * Double(n)
        columns.withUnsafeMutableBufferPointer { v in
            for sweep in 1...80 {
                var rotated = false
                var counter = progress.counter(
                    "singular values, sweep \(sweep)", unit: "columns", total: n - 1)
                defer { counter.finish() }
                for i in 0..<(n - 1) {
                    defer { counter.advance() }
                    for j in (i + 1)..<n {
                        var alpha = 0.0
                        var beta = 0.0
                        var gamma = 0.0
                        let bi = i * m
                        let bj = j * m
                        for r in 0..<m {
                            let x = v[bi + r]
                            let y = v[bj + r]
                            alpha += x * x
                            beta += y * y
                            gamma += x * y
                        }
                        guard abs(gamma) > epsilon * (alpha * beta).squareRoot(), gamma != 0
                        else { continue }
                        rotated = true
                        let zeta = (beta - alpha) / (2 * gamma)
                        let t =
                            (zeta >= 0 ? 1.0 : -1.0) / (abs(zeta) + (1 + zeta * zeta).squareRoot())
                        let c = 1 / (1 + t * t).squareRoot()
                        let s = c * t
                        for r in 0..<m {
                            let x = v[bi + r]
                            let y = v[bj + r]
                            v[bi + r] = c * x - s * y
                            v[bj + r] = s * x + c * y
                        }
                    }
                }
                if !rotated { break }
            }
        }
        var values = (0..<n).map { j in
            var total = 0.0
            for r in 0..<m { total += columns[j * m + r] * columns[j * m + r] }
            return total.squareRoot()
        }
        values.sort(by: >)
        return values
    }

    /// The numerical rank: the number of singular values above
    /// `tolerance = σ_max · max(m, n) · 2⁻⁵²` (the default of NumPy's `matrix_rank`).
    public static func rank(_ values: [Double], rows: Int, columns: Int) -> (
        rank: Int, tolerance: Double
    ) {
        let tolerance = (values.first ?? 0) * Double(max(rows, columns)) * 2.220446049250313e-16
        return (values.filter { $0 > tolerance }.count, tolerance)
    }
}
