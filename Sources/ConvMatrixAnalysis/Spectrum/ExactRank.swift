import ConvMatrixCore
import Symbolic

/// The rank of a layer's matrix at exact rational kernel values: Gaussian elimination over
/// ℚ with ``Symbolic/Rational`` arithmetic, every operation overflow-checked.
///
/// Rows are eliminated sparsely (a row is a sorted list of `(column, value)`), pivoting on the
/// first non-zero column of each row; a row that reduces to zero is dependent. Exactness means
/// no tolerance: a rank deficiency here is a true one (the taps cancel), not a rounding effect.
public enum ExactRank {
    /// The rank of `matrix` at `tapValues`, reporting the rows eliminated to `progress`.
    ///
    /// - Throws: ``AnalysisError/exactOverflow(_:)`` when an intermediate fraction leaves the
    ///   range of `Int`.
    public static func of(
        _ matrix: TapMatrix, tapValues: [Rational], progress: ProgressSink = .silent
    ) throws(AnalysisError) -> Int {
        do {
            return try compute(matrix, tapValues: tapValues, progress: progress)
        } catch let error as AnalysisError {
            throw error
        } catch {
            throw .exactOverflow("\(error)")
        }
    }

    private static func compute(
        _ matrix: TapMatrix, tapValues: [Rational], progress: ProgressSink
    ) throws -> Int {
        var counter = progress.counter("exact rank", unit: "rows", total: matrix.rowCount)
        defer { counter.finish() }
        // pivots[column] = the reduced row whose leading column it is.
        var pivots: [Int: [(column: Int, value: Rational)]] = [:]
        var rank = 0
        for r in 0..<matrix.rowCount {
            defer { counter.advance() }
            var row: [(column: Int, value: Rational)] = []
            var i = matrix.rowStart[r]
            let end = matrix.rowStart[r + 1]
            while i < end {
                let column = Int(matrix.columns[i])
                var total = Rational.zero
                while i < end && Int(matrix.columns[i]) == column {
                    total = try total + tapValues[Int(matrix.taps[i])]
                    i += 1
                }
                if !total.isZero { row.append((column, total)) }
            }
            while let lead = row.first, let pivot = pivots[lead.column] {
                let factor = try lead.value / pivot[0].value
                row = try subtract(row, pivot, times: factor)
            }
            if let lead = row.first {
                pivots[lead.column] = row
                rank += 1
            }
        }
        return rank
    }

    /// `a − factor·b` for sorted sparse rows.
    private static func subtract(
        _ a: [(column: Int, value: Rational)], _ b: [(column: Int, value: Rational)],
        times factor: Rational
    ) throws -> [(column: Int, value: Rational)] {
        var result: [(column: Int, value: Rational)] = []
        result.reserveCapacity(a.count + b.count)
        var i = 0
        var j = 0
        while i < a.count || j < b.count {
            if j == b.count || (i < a.count && a[i].column < b[j].column) {
                result.append(a[i])
                i += 1
            } else if i == a.count || b[j].column < a[i].column {
                result.append((b[j].column, try -(try factor * b[j].value)))
                j += 1
            } else {
                let value = try a[i].value - (try factor * b[j].value)
                if !value.isZero { result.append((a[i].column, value)) }
                i += 1
                j += 1
            }
        }
        return result
    }
}
