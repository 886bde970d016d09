/// Why an analysis could not be carried out as asked, with a message a user can act on.
///
/// The command line names the flag that goes with each case: `svdTooLarge` is about the SVD
/// size limit, `exactOverflow` about exact arithmetic, `composedTooLarge` about the budgets
/// of a stack's composed matrix. (A stack whose layers don't chain is a ``StackError``.)
public enum AnalysisError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The dense SVD (or exact rank) would be larger than the limit: `(rows, columns, limit)`.
    case svdTooLarge(rows: Int, columns: Int, limit: Int)
    /// Exact rational arithmetic left the range of 64-bit fractions.
    case exactOverflow(String)
    /// The composed symbolic matrix of a stack, or the supports of its rows, would pass a limit.
    case composedTooLarge(ComposedLimit)
    /// Values were required but not given.
    case valuesRequired(String)

    /// One line.
    public var description: String {
        switch self {
        case .svdTooLarge(let rows, let columns, let limit):
            "a dense SVD of the \(rows)×\(columns) matrix needs its smaller side ≤ \(limit), got \(min(rows, columns)); raise the limit or choose a smaller layer"
        case .exactOverflow(let what):
            "exact rational arithmetic overflowed 64-bit fractions (\(what))"
        case .composedTooLarge(let limit): limit.description
        case .valuesRequired(let what): what
        }
    }
}
