/// Overflow-checked products and sums of sizes.
///
/// Sizes multiply quickly (channels × spatial extents × kernel taps); every product that user
/// input can reach goes through these helpers so that an enormous request becomes a
/// ``SpecificationError`` instead of a trap or a silent wrap.
package enum CheckedArithmetic {
    /// The product of `factors`, or `nil` when it does not fit in `Int`.
    package static func product(_ factors: [Int]) -> Int? {
        var result = 1
        for factor in factors {
            let (value, overflow) = result.multipliedReportingOverflow(by: factor)
            if overflow { return nil }
            result = value
        }
        return result
    }

    /// `a · b`, or `nil` on overflow.
    package static func multiply(_ a: Int, _ b: Int) -> Int? {
        let (value, overflow) = a.multipliedReportingOverflow(by: b)
        return overflow ? nil : value
    }

    /// `a + b`, or `nil` on overflow.
    package static func add(_ a: Int, _ b: Int) -> Int? {
        let (value, overflow) = a.addingReportingOverflow(b)
        return overflow ? nil : value
    }
}
