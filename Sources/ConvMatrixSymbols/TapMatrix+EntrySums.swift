import ConvMatrixCore
import Symbolic

extension TapMatrix {
    /// Checks that every entry that is a sum of several taps can be added exactly with
    /// `tapValues` — the precondition of the printers (``SymbolicTapMatrix``,
    /// ``TapMatrixLaTeXWriter``, ``TapMatrixTextWriter``), which cannot stop half-way through a
    /// matrix. Kernel symbols always add; exact numbers can overflow 64-bit fractions
    /// (`1/999999999999999 + 1/999999999999997`).
    ///
    /// - Throws: ``Symbolic/SymbolicError/overflow(_:)`` naming the first entry that overflows.
    public func checkEntrySums(_ tapValues: [Expression]) throws(SymbolicError) {
        for r in 0..<rowCount {
            var i = rowStart[r]
            let end = rowStart[r + 1]
            while i < end {
                var j = i + 1
                while j < end && columns[j] == columns[i] { j += 1 }
                if j > i + 1 {
                    do {
                        _ = try (i..<j).reduce(Expression.zero) {
                            try $0 + tapValues[Int(taps[$1])]
                        }
                    } catch {
                        throw SymbolicError.overflow(
                            "the entry (\(r), \(columns[i])) of U, a sum of \(j - i) taps, overflows exact 64-bit fractions"
                        )
                    }
                }
                i = j
            }
        }
    }
}
