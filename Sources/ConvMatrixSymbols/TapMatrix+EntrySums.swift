import ConvMatrixCore
import Symbolic

extension TapMatrix {
    /// Checks that every entry that is a sum of several taps can be added exactly with
    /// `tapValues`, without keeping the sums (``SymbolicTapMatrix`` keeps them for printing). Kernel symbols always add; exact numbers can overflow 64-bit fractions
    /// (`1/999999999999999 + 1/999999999999997`).
    ///
    /// - Throws: ``Symbolic/SymbolicError/overflow(_:)`` naming the first entry that overflows.
    public func checkEntrySums(_ tapValues: [Expression]) throws(SymbolicError) {
        for r in 0..<rowCount {
            for entry in columnGroups(inRow: r) where !entry.isSingleTap {
                do {
                    _ = try entry.positions.reduce(Expression.zero) {
                        try $0 + tapValues[Int(taps[$1])]
                    }
                } catch {
                    throw SymbolicError.overflow(
                        "the entry (\(r), \(entry.column)) of U, a sum of \(entry.positions.count) taps, overflows exact 64-bit fractions"
                    )
                }
            }
        }
    }
}
