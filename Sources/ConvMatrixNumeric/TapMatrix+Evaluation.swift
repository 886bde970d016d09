import ConvMatrixCore

extension TapMatrix {
    /// `U·x` at kernel values: `(U·x)[r] = Σ_{(c, t) in row r} k_t · x_c`, read straight from the
    /// CSR arrays (no dense U, no evaluated copy).
    ///
    /// - Parameters:
    ///   - x: one value per column.
    ///   - tapValues: one value per tap (the kernel in PyTorch's weight order).
    public func product<Scalar: NumericScalar>(_ x: [Scalar], tapValues: [Scalar])
        throws(NumericError) -> [Scalar]
    {
        try NumericShapes.check(vector: x, count: columnCount, what: "the vector")
        try NumericShapes.check(vector: tapValues, count: tapCount, what: "the tap values")
        var y = [Scalar](repeating: .zero, count: rowCount)
        for r in 0..<rowCount {
            var total = Scalar.zero
            for i in rowStart[r]..<rowStart[r + 1] {
                total = try Scalar.sum(
                    total, try Scalar.product(tapValues[Int(taps[i])], x[Int(columns[i])]))
            }
            y[r] = total
        }
        return y
    }

    /// `Uᵀ·y` at kernel values: `(Uᵀ·y)[c] = Σ_{r, t : (c, t) in row r} k_t · y_r`, a scatter
    /// over the rows (no transpose is formed).
    ///
    /// - Parameters:
    ///   - y: one value per row.
    ///   - tapValues: one value per tap.
    public func transposedProduct<Scalar: NumericScalar>(_ y: [Scalar], tapValues: [Scalar])
        throws(NumericError) -> [Scalar]
    {
        try NumericShapes.check(vector: y, count: rowCount, what: "the vector")
        try NumericShapes.check(vector: tapValues, count: tapCount, what: "the tap values")
        var x = [Scalar](repeating: .zero, count: columnCount)
        for r in 0..<rowCount {
            for i in rowStart[r]..<rowStart[r + 1] {
                let c = Int(columns[i])
                x[c] = try Scalar.sum(x[c], try Scalar.product(tapValues[Int(taps[i])], y[r]))
            }
        }
        return x
    }

    /// The matrix at kernel values: entry `(r, c)` is `Σ k_t` over the taps of that entry.
    ///
    /// - Parameter tapValues: one value per tap.
    public func evaluated<Scalar: NumericScalar>(tapValues: [Scalar]) throws(NumericError)
        -> SparseMatrix<Scalar>
    {
        try NumericShapes.check(vector: tapValues, count: tapCount, what: "the tap values")
        var rowStart = [0]
        rowStart.reserveCapacity(rowCount + 1)
        var columns: [Int] = []
        var values: [Scalar] = []
        columns.reserveCapacity(storedCount)
        values.reserveCapacity(storedCount)
        for r in 0..<rowCount {
            for entry in columnGroups(inRow: r) {
                let first = entry.positions.lowerBound
                var total = tapValues[Int(taps[first])]
                for i in entry.positions.dropFirst() {
                    total = try Scalar.sum(total, tapValues[Int(taps[i])])
                }
                columns.append(entry.column)
                values.append(total)
            }
            rowStart.append(columns.count)
        }
        return SparseMatrix(
            rowCount: rowCount, columnCount: columnCount, rowStart: rowStart, columns: columns,
            values: values)
    }

    /// The number of distinct `(row, column)` positions (a sum of two taps counts once): the
    /// non-zero count of the evaluated matrix, known without evaluating it.
    public var entryCount: Int {
        var count = 0
        for r in 0..<rowCount {
            for _ in columnGroups(inRow: r) { count += 1 }
        }
        return count
    }
}
