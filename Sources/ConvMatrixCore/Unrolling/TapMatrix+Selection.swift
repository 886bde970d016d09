extension TapMatrix {
    /// The submatrix made of the given columns, in the given order: column `j` of the result
    /// is column `kept[j]` of this matrix. Columns may not repeat.
    public func keepingColumns(_ kept: [Int]) -> TapMatrix {
        var newIndex = [Int32](repeating: -1, count: columnCount)
        for (j, c) in kept.enumerated() { newIndex[c] = Int32(j) }
        var rowStart = [0]
        rowStart.reserveCapacity(rowCount + 1)
        var columns: [Int32] = []
        var taps: [Int32] = []
        for r in 0..<rowCount {
            for i in self.rowStart[r]..<self.rowStart[r + 1]
            where newIndex[Int(self.columns[i])] >= 0 {
                columns.append(newIndex[Int(self.columns[i])])
                taps.append(self.taps[i])
            }
            rowStart.append(columns.count)
        }
        TapMatrix.sortRows(rowStart: rowStart, columns: &columns, taps: &taps)
        return TapMatrix(
            rowCount: rowCount, columnCount: kept.count, tapCount: tapCount, rowStart: rowStart,
            columns: columns, taps: taps)
    }
}

extension TransposedConvolution {
    /// The forward convolution's outputs that correspond to this layer's inputs, as flat
    /// indices of the forward output in this layer's input order: output `(o, i)` with
    /// `i_t < m_t` on every axis. All of them unless ``forwardHasExtraOutputs``.
    public var forwardOutputsKept: [Int] {
        let forwardOutputs = forward.outputExtents
        var kept: [Int] = []
        kept.reserveCapacity(inputCount)
        for channel in 0..<inChannels {
            for flat in 0..<inputExtents.count {
                kept.append(
                    channel * forwardOutputs.count
                        + forwardOutputs.flatIndex(inputExtents.multiIndex(flat)))
            }
        }
        return kept
    }
}
