import ConvMatrixCore

extension FrameworkGeometry {
    /// The layer's matrix in the column convention (`y = M·x`, rows = outputs, columns = inputs,
    /// both flattened row-major), one input and one output channel, built from the axes alone:
    /// - forward, entry `(i, q)` is the tap `a` with `q = i·s + a·d − offset` on every axis;
    /// - transposed, entry `(o, j)` is the tap `a` with `o = j·s + a·d − offset` on every axis.
    ///
    /// A tap is the flat row-major index of a kernel weight in PyTorch's orientation, reversed on
    /// every axis when ``kernelFlipped``. For a layer that PyTorch can express, this is the
    /// matrix `Convolution.unrolled()` or `TransposedConvolution.unrolled()` builds (the tests
    /// check it); for the others it is the matrix their own rules give.
    ///
    /// Entries are at most `Π (outputs · k)`; the memory (32 bytes an entry while building, 8 a
    /// row and a column) is checked against `limits` before anything is allocated.
    public func unrolled(limits: ResourceLimits = .default) throws(SpecificationError) -> TapMatrix
    {
        let rows = FrameworkArithmetic.product(axes.map(\.outputSize))
        let columns = FrameworkArithmetic.product(axes.map(\.inputSize))
        let taps = FrameworkArithmetic.product(axes.map(\.kernelSize))
        let entries = FrameworkArithmetic.product(axes.map { $0.outputSize * $0.kernelSize })
        let bytes = entries.flatMap { FrameworkArithmetic.product([$0, 32]) }
        // Entries while building, and 8 bytes a row and a column (CSR rows, column maps).
        let lines = rows.flatMap { r in columns.flatMap { FrameworkArithmetic.sum(r, $0) } }
        try limits.checkMemory(
            bytes.flatMap { b in
                lines.flatMap { FrameworkArithmetic.product([$0, 8]) }.flatMap {
                    FrameworkArithmetic.sum(b, $0)
                }
            },
            for: "the \(direction.rawValue) layer's matrix")
        guard let rows, let columns, let taps, rows <= Int(Int32.max),
            columns <= Int(Int32.max), taps <= Int(Int32.max)
        else {
            throw SpecificationError(
                .input, "the matrix would have more than 2^31 − 1 rows or columns")
        }
        // Per axis and output position, the (tap, input) pairs that meet.
        let links = axes.map { axis in
            (0..<axis.outputSize).map { output in FrameworkGeometry.links(axis, output, direction) }
        }
        let inputStrides = FrameworkArithmetic.rowMajorStrides(axes.map(\.inputSize))
        let kernelStrides = FrameworkArithmetic.rowMajorStrides(axes.map(\.kernelSize))
        var triplets: [(row: Int, column: Int, tap: Int)] = []
        triplets.reserveCapacity(entries ?? 0)
        var index = [Int](repeating: 0, count: rank)
        for row in 0..<rows {
            var combined: [(tap: Int, input: Int)] = [(0, 0)]
            for t in 0..<rank {
                let axis = axes[t]
                combined = combined.flatMap { base in
                    links[t][index[t]].map { link in
                        let tap = kernelFlipped ? axis.kernelSize - 1 - link.tap : link.tap
                        return (
                            base.tap + tap * kernelStrides[t],
                            base.input + link.input * inputStrides[t]
                        )
                    }
                }
            }
            for link in combined { triplets.append((row, link.input, link.tap)) }
            // Next output position, last axis fastest.
            var t = rank - 1
            while t >= 0 {
                index[t] += 1
                if index[t] < axes[t].outputSize { break }
                index[t] = 0
                t -= 1
            }
        }
        return TapMatrix(rowCount: rows, columnCount: columns, tapCount: taps, triplets: triplets)
    }

    /// The `(tap, input)` pairs of one output position on one axis.
    static func links(_ axis: FrameworkAxis, _ output: Int, _ direction: FrameworkDirection)
        -> [(tap: Int, input: Int)]
    {
        (0..<axis.kernelSize).compactMap { a -> (tap: Int, input: Int)? in
            switch direction {
            case .forward:
                let q = output * axis.stride + a * axis.dilation - axis.offset
                return q >= 0 && q < axis.inputSize ? (a, q) : nil
            case .transposed:
                let shifted = output + axis.offset - a * axis.dilation
                guard shifted >= 0, shifted % axis.stride == 0 else { return nil }
                let j = shifted / axis.stride
                return j < axis.inputSize ? (a, j) : nil
            }
        }
    }
}

/// Overflow-checked products and sums of sizes, and row-major strides.
enum FrameworkArithmetic {
    /// `Π values`, or nil on overflow.
    static func product(_ values: [Int]) -> Int? {
        var result = 1
        for v in values {
            let (p, overflow) = result.multipliedReportingOverflow(by: v)
            if overflow { return nil }
            result = p
        }
        return result
    }

    /// `a + b`, or nil on overflow.
    static func sum(_ a: Int, _ b: Int) -> Int? {
        let (s, overflow) = a.addingReportingOverflow(b)
        return overflow ? nil : s
    }

    /// The row-major strides of `extents` (last axis 1).
    static func rowMajorStrides(_ extents: [Int]) -> [Int] {
        var strides = [Int](repeating: 1, count: extents.count)
        var t = extents.count - 2
        while t >= 0 {
            strides[t] = strides[t + 1] * extents[t + 1]
            t -= 1
        }
        return strides
    }
}
