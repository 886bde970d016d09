import ConvMatrixCore
import Symbolic

/// The matrix of a stack, `U_L ⋯ U_2 · U_1`, symbolically: every entry a polynomial in the
/// taps of all the layers, each layer's taps being symbols of their own (`k`, `w`, `v`, … by
/// default).
///
/// Entry `(r, c)` is the sum over the paths `c = j₀ → j₁ → ⋯ → j_L = r` through the layers'
/// patterns of the product of the taps met on the way, `Σ Π_l tap_l(j_l, j_{l−1})`. Every
/// monomial has degree `L`, one tap of each layer, so it is stored packed in one `UInt64`
/// (mixed radix: `Σ_l tap_l · Π_{i<l} T_i`, `T_i` the tap count of layer `i`) with an integer
/// coefficient: the number of paths that give it (1 under zero padding; more when reflect,
/// replicate or circular padding read a position twice).
///
/// The product is formed right to left, one layer at a time; each row of the next product
/// collects the terms of the rows it reads, sorted by `(column, monomial)` and merged. The
/// number of terms is counted before each product is built and checked against the memory
/// budget (20 bytes a term).
public struct ComposedMatrix: Sendable, SparseRowSource {
    /// Rows: outputs of the last layer.
    public let rowCount: Int
    /// Columns: inputs of the first layer.
    public let columnCount: Int
    /// `rowStart[r] ..< rowStart[r + 1]` indexes row `r`'s terms.
    public let rowStart: [Int]
    /// The column of each term.
    public let columns: [Int32]
    /// The packed monomial of each term.
    public let monomials: [UInt64]
    /// The coefficient of each term.
    public let coefficients: [Int]
    /// Tap counts of the layers.
    public let tapCounts: [Int]
    /// The symbols of each layer's taps.
    public let symbols: [[Symbol]]

    /// The default letters of layers 1, 2, 3, …
    public static let defaultLetters = ["k", "w", "v", "u", "h", "g", "f", "e", "c", "b", "a", "z"]

    /// The composed matrix of `stack` whose layers have `matrices`.
    ///
    /// - Throws: ``AnalysisError/composedTooLarge(_:)`` when a product has more than `maxTerms`
    ///   terms before merging, the tap counts do not pack into
    ///   64 bits, a coefficient overflows, or the terms exceed the memory budget.
    public init(
        _ stack: LayerStack, matrices: [TapMatrix],
        letters: [String] = ComposedMatrix.defaultLetters,
        limits: ResourceLimits = .default, maxTerms: Int = Int.max
    ) throws(AnalysisError) {
        tapCounts = matrices.map(\.tapCount)
        var radices: [UInt64] = []
        var radix: UInt64 = 1
        for count in tapCounts {
            radices.append(radix)
            let next = radix.multipliedReportingOverflow(by: UInt64(max(count, 1)))
            guard !next.overflow, next.partialValue < (1 << 63) else {
                throw .composedTooLarge(.tapNumbering(tapCounts: tapCounts))
            }
            radix = next.partialValue
        }
        symbols = stack.layers.indices.map { l in
            let layer = stack.layers[l]
            let layout = layer.kernelLayout
            let letter = l < letters.count ? letters[l] : "k\(l + 1)"
            let channelled = layer.hasChannels
            return (0..<layout.count).map { tap in
                let (outer, inner, position) = layout.components(of: tap)
                return Symbol(
                    letter, indices: position, superscript: channelled ? [outer, inner] : [])
            }
        }
        // Start with U_1.
        let first = matrices[0]
        var rowStart = Array(first.rowStart)
        var columns = first.columns
        var monomials = first.taps.map { UInt64($0) }
        var coefficients = [Int](repeating: 1, count: first.storedCount)
        (rowStart, columns, monomials, coefficients) = try Self.merged(
            rowStart: rowStart, columns: columns, monomials: monomials, coefficients: coefficients)
        for l in 1..<max(matrices.count, 1) {
            let u = matrices[l]
            // Count the terms first.
            var total = 0
            for r in 0..<u.rowCount {
                for i in u.rowStart[r]..<u.rowStart[r + 1] {
                    let j = Int(u.columns[i])
                    let add = total.addingReportingOverflow(rowStart[j + 1] - rowStart[j])
                    guard !add.overflow else {
                        throw .composedTooLarge(.terms(layers: l + 1, terms: nil, limit: maxTerms))
                    }
                    total = add.partialValue
                }
            }
            guard total <= maxTerms else {
                throw .composedTooLarge(.terms(layers: l + 1, terms: total, limit: maxTerms))
            }
            let bytes = total.multipliedReportingOverflow(by: 20)
            guard !bytes.overflow, bytes.partialValue <= limits.maxMemoryBytes else {
                throw .composedTooLarge(
                    .termMemory(layers: l + 1, terms: total, budget: limits.maxMemoryBytes))
            }
            var newStart = [0]
            newStart.reserveCapacity(u.rowCount + 1)
            var newColumns: [Int32] = []
            var newMonomials: [UInt64] = []
            var newCoefficients: [Int] = []
            newColumns.reserveCapacity(total)
            newMonomials.reserveCapacity(total)
            newCoefficients.reserveCapacity(total)
            var scratch: [Term] = []
            for r in 0..<u.rowCount {
                scratch.removeAll(keepingCapacity: true)
                for i in u.rowStart[r]..<u.rowStart[r + 1] {
                    let j = Int(u.columns[i])
                    let shift = UInt64(u.taps[i]) * radices[l]
                    for t in rowStart[j]..<rowStart[j + 1] {
                        scratch.append(
                            Term(
                                column: columns[t], monomial: monomials[t] + shift,
                                coefficient: coefficients[t]))
                    }
                }
                try Self.appendMerged(
                    &scratch, columns: &newColumns, monomials: &newMonomials,
                    coefficients: &newCoefficients)
                newStart.append(newColumns.count)
            }
            rowStart = newStart
            columns = newColumns
            monomials = newMonomials
            coefficients = newCoefficients
        }
        self.rowCount = rowStart.count - 1
        self.columnCount = matrices[0].columnCount
        self.rowStart = rowStart
        self.columns = columns
        self.monomials = monomials
        self.coefficients = coefficients
        self.radices = radices
    }

    /// `Π_{i<l} T_i` per layer.
    let radices: [UInt64]

    struct Term {
        var column: Int32
        var monomial: UInt64
        var coefficient: Int
    }

    /// Sorts `terms` by (column, monomial), merges equal ones and appends the non-zero results.
    static func appendMerged(
        _ terms: inout [Term], columns: inout [Int32], monomials: inout [UInt64],
        coefficients: inout [Int]
    ) throws(AnalysisError) {
        terms.sort { ($0.column, $0.monomial) < ($1.column, $1.monomial) }
        var k = 0
        while k < terms.count {
            var term = terms[k]
            k += 1
            while k < terms.count && terms[k].column == term.column
                && terms[k].monomial == term.monomial
            {
                let sum = term.coefficient.addingReportingOverflow(terms[k].coefficient)
                guard !sum.overflow else { throw .composedTooLarge(.coefficientOverflow) }
                term.coefficient = sum.partialValue
                k += 1
            }
            columns.append(term.column)
            monomials.append(term.monomial)
            coefficients.append(term.coefficient)
        }
    }

    static func merged(
        rowStart: [Int], columns: [Int32], monomials: [UInt64], coefficients: [Int]
    ) throws(AnalysisError) -> ([Int], [Int32], [UInt64], [Int]) {
        var newStart = [0]
        var newColumns: [Int32] = []
        var newMonomials: [UInt64] = []
        var newCoefficients: [Int] = []
        var scratch: [Term] = []
        for r in 0..<(rowStart.count - 1) {
            scratch = (rowStart[r]..<rowStart[r + 1]).map {
                Term(column: columns[$0], monomial: monomials[$0], coefficient: coefficients[$0])
            }
            try appendMerged(
                &scratch, columns: &newColumns, monomials: &newMonomials,
                coefficients: &newCoefficients)
            newStart.append(newColumns.count)
        }
        return (newStart, newColumns, newMonomials, newCoefficients)
    }

    /// Stored terms.
    public var termCount: Int { columns.count }

    /// The tap of each layer in a packed monomial, first layer first.
    public func taps(of monomial: UInt64) -> [Int] {
        tapCounts.indices.map { l in
            Int((monomial / radices[l]) % UInt64(max(tapCounts[l], 1)))
        }
    }

    /// The distinct columns of row `r`, increasing.
    public func pattern(ofRow r: Int) -> [Int] {
        var result: [Int] = []
        for t in rowStart[r]..<rowStart[r + 1] where result.last != Int(columns[t]) {
            result.append(Int(columns[t]))
        }
        return result
    }

    /// The terms of row `r` grouped by column: `(column, [(monomial, coefficient)])`.
    public func entries(inRow r: Int) -> [(
        column: Int, terms: [(monomial: UInt64, coefficient: Int)]
    )] {
        var result: [(column: Int, terms: [(monomial: UInt64, coefficient: Int)])] = []
        for t in rowStart[r]..<rowStart[r + 1] {
            let column = Int(columns[t])
            if result.last?.column != column { result.append((column, [])) }
            result[result.count - 1].terms.append((monomials[t], coefficients[t]))
        }
        return result
    }

    /// Row `r` as polynomials in the layers' symbols, for the matrix printers.
    public func nonZeroEntries(inRow row: Int) -> [(column: Int, value: Expression)] {
        guard row >= 0, row < rowCount else { return [] }
        return entries(inRow: row).compactMap { entry in
            let terms = entry.terms.map { term in
                Symbolic.Term(
                    coefficient: Rational(term.coefficient),
                    monomial: Monomial(taps(of: term.monomial).enumerated().map { symbols[$0][$1] })
                )
            }
            guard let value = try? Expression(terms: terms) else { return nil }
            return (entry.column, value)
        }
    }
}
