import ConvMatrixCore
import Symbolic

/// A ``TapMatrix`` read as a matrix of expressions, with every entry already known to exist:
/// the entry at `(r, c)` is the sum of the kernel symbols (or kernel values) of its taps.
///
/// This is the checked-values type the printers require. An entry that is a sum of several
/// taps (reflect, replicate or circular padding) is added once, when the value is made: with
/// kernel symbols the sum cannot fail; with exact numbers it can overflow 64-bit fractions, and
/// then the initialiser throws, naming the entry. So no printer meets an overflow half-way
/// through a matrix, and none needs a fallback (a zero, or the first term) for one.
///
/// Rows are produced on demand, so printers can stream matrices far larger than a dense array
/// of expressions would allow; only the sums of several taps are stored.
public struct SymbolicTapMatrix: SparseRowSource, Sendable {
    /// The taps.
    public let taps: TapMatrix
    /// The expression each tap stands for: a kernel symbol, or a number when the kernel is given.
    public let tapValues: [Expression]
    /// The value of each entry that is a sum of several taps, by the position of its first tap.
    private let sums: [Int: Expression]

    /// Reads `taps` with one symbol per tap. Sums of symbols always exist.
    public init(_ taps: TapMatrix, kernel: [Symbol]) {
        self.taps = taps
        self.tapValues = kernel.map { Expression($0) }
        var sums: [Int: Expression] = [:]
        for r in 0..<taps.rowCount {
            for entry in taps.columnGroups(inRow: r) where !entry.isSingleTap {
                sums[entry.positions.lowerBound] = Expression.sum(
                    entry.positions.map { kernel[Int(taps.taps[$0])] })
            }
        }
        self.sums = sums
    }

    /// Reads `taps` with one expression per tap (for example numbers for a fixed kernel).
    ///
    /// - Throws: ``Symbolic/SymbolicError/overflow(_:)`` naming the first entry whose taps do
    ///   not add up in exact 64-bit fractions (`1/999999999999999 + 1/999999999999997`).
    public init(_ taps: TapMatrix, tapValues: [Expression]) throws(SymbolicError) {
        self.taps = taps
        self.tapValues = tapValues
        var sums: [Int: Expression] = [:]
        for r in 0..<taps.rowCount {
            for entry in taps.columnGroups(inRow: r) where !entry.isSingleTap {
                do {
                    sums[entry.positions.lowerBound] = try entry.positions.reduce(
                        Expression.zero
                    ) { try $0 + tapValues[Int(taps.taps[$1])] }
                } catch {
                    throw SymbolicError.overflow(
                        "the entry (\(r), \(entry.column)), a sum of \(entry.positions.count) taps, overflows exact 64-bit fractions"
                    )
                }
            }
        }
        self.sums = sums
    }

    /// Rows of the matrix.
    public var rowCount: Int { taps.rowCount }
    /// Columns of the matrix.
    public var columnCount: Int { taps.columnCount }

    /// The value of one entry of ``taps``: its tap's expression, or the sum of its taps.
    public func value(of entry: TapMatrix.ColumnGroup) -> Expression {
        if entry.isSingleTap { return tapValues[Int(taps.taps[entry.positions.lowerBound])] }
        return sums[entry.positions.lowerBound] ?? .zero  // every sum was stored by init
    }

    /// The non-zero entries of row `row` (a sum of taps that cancels is left out).
    public func nonZeroEntries(inRow row: Int) -> [(column: Int, value: Expression)] {
        var result: [(column: Int, value: Expression)] = []
        for entry in taps.columnGroups(inRow: row) {
            let value = value(of: entry)
            if !value.isZero { result.append((entry.column, value)) }
        }
        return result
    }
}
