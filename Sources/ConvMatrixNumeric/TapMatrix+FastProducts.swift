import ConvMatrixCore

extension TapMatrix {
    /// `U·x` in `Double`: the same sums as the generic ``product(_:tapValues:)`` (row by row,
    /// entries in stored order), without its per-operation overflow checks — which only exact
    /// arithmetic needs — and with the rows shared between threads. On ResNet-50's first layer
    /// (116 million entries) this is the difference between seconds and a fraction of one.
    public func product(_ x: [Double], tapValues: [Double]) throws(NumericError) -> [Double] {
        try NumericShapes.check(vector: x, count: columnCount, what: "the vector")
        try NumericShapes.check(vector: tapValues, count: tapCount, what: "the tap values")
        var y = [Double](repeating: 0, count: rowCount)
        let parts = max(1, min(rowCount / 4096, 64))
        y.withUnsafeMutableBufferPointer { out in
            x.withUnsafeBufferPointer { xs in
                tapValues.withUnsafeBufferPointer { ws in
                    columns.withUnsafeBufferPointer { cs in
                        taps.withUnsafeBufferPointer { ts in
                            let pointers = UnsafeSendable((out, xs, ws, cs, ts))
                            let rows = rowCount
                            let starts = rowStart
                            ParallelLoop.forEach(iterations: parts) { part in
                                let (out, xs, ws, cs, ts) = pointers.pointer
                                for r in (rows * part / parts)..<(rows * (part + 1) / parts) {
                                    var total = 0.0
                                    for i in starts[r]..<starts[r + 1] {
                                        total += ws[Int(ts[i])] * xs[Int(cs[i])]
                                    }
                                    out[r] = total
                                }
                            }
                        }
                    }
                }
            }
        }
        return y
    }

    /// `Uᵀ·y` in `Double`, a scatter over the rows. Two halves of the rows scatter into separate
    /// accumulators on two threads, which are then added: no two threads write the same memory.
    public func transposedProduct(_ y: [Double], tapValues: [Double]) throws(NumericError)
        -> [Double]
    {
        try NumericShapes.check(vector: y, count: rowCount, what: "the vector")
        try NumericShapes.check(vector: tapValues, count: tapCount, what: "the tap values")
        let parts = rowCount >= 8192 ? 2 : 1
        var partial = [[Double]](repeating: [], count: parts)
        let columnCount = self.columnCount
        let rows = rowCount
        let results = UnsafeSendable(
            UnsafeMutableBufferPointer<[Double]>.allocate(capacity: parts))
        results.pointer.initialize(repeating: [])
        // The buffer holds arrays: they are released (deinitialized) before the memory is freed,
        // or every call leaks its partial sums (AddressSanitizer's leak check found it).
        defer {
            _ = results.pointer.deinitialize()
            results.pointer.deallocate()
        }
        y.withUnsafeBufferPointer { ys in
            tapValues.withUnsafeBufferPointer { ws in
                columns.withUnsafeBufferPointer { cs in
                    taps.withUnsafeBufferPointer { ts in
                        let pointers = UnsafeSendable((ys, ws, cs, ts))
                        let starts = rowStart
                        ParallelLoop.forEach(iterations: parts) { part in
                            let (ys, ws, cs, ts) = pointers.pointer
                            var x = [Double](repeating: 0, count: columnCount)
                            x.withUnsafeMutableBufferPointer { xs in
                                for r in (rows * part / parts)..<(rows * (part + 1) / parts) {
                                    let value = ys[r]
                                    for i in starts[r]..<starts[r + 1] {
                                        xs[Int(cs[i])] += ws[Int(ts[i])] * value
                                    }
                                }
                            }
                            results.pointer[part] = x
                        }
                    }
                }
            }
        }
        for part in 0..<parts { partial[part] = results.pointer[part] }
        guard parts == 2 else { return partial[0] }
        return zip(partial[0], partial[1]).map(+)
    }
}
