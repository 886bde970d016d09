import ConvMatrixCore

extension TapMatrix {
    /// Checks that every entry of the matrix valued by `values` (one `Double` per tap) is finite:
    /// an entry that is a sum of several taps (reflect or circular padding) can overflow even
    /// when every tap is finite (`1e308 + 1e308`), and the exports would write `inf` or `null`.
    ///
    /// - Throws: ``ConvMatrixNumeric/NumericError`` naming the first entry, e.g. `the entry (0, 1), a sum of 2
    ///   taps, is not finite in Double`.
    public func checkFiniteSums(_ values: [Double]) throws(NumericError) {
        for r in 0..<rowCount {
            for entry in columnGroups(inRow: r) {
                var total = 0.0
                for i in entry.positions {
                    let tap = Int(taps[i])
                    total += tap < values.count ? values[tap] : 0
                }
                guard total.isFinite else {
                    let count = entry.positions.count
                    throw NumericError(
                        "the entry (\(r), \(entry.column)), a sum of \(count) tap\(count == 1 ? "" : "s"), is not finite in Double"
                    )
                }
            }
        }
    }
}
