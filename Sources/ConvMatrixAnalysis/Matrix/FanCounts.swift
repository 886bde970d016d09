import ConvMatrixCore

/// Fan-in and fan-out of a layer, read from its matrix `A` (rows = outputs, columns = inputs).
///
/// The fan-in of output `r` is the number of inputs it depends on: the distinct columns of row
/// `r` (a sum of taps in one entry counts once). The fan-out of input `c` is the number of
/// outputs it reaches: the distinct rows whose pattern holds column `c`. Under zero padding,
/// the fan-in of an interior output is `(C/g)·Π k`, smaller at borders where taps fall on
/// padding; the fan-out of an input is what the transposed layer's overlap counts.
public struct FanCounts: Hashable, Sendable {
    /// One count per output (row).
    public let fanIn: CountSummary
    /// One count per input (column).
    public let fanOut: CountSummary

    /// Counts the pattern of `matrix` in one pass over its stored entries.
    public init(_ matrix: TapMatrix) {
        var fanIn = [Int](repeating: 0, count: matrix.rowCount)
        var fanOut = [Int](repeating: 0, count: matrix.columnCount)
        let starts = matrix.rowStart
        matrix.columns.withUnsafeBufferPointer { columns in
            for r in 0..<matrix.rowCount {
                var previous: Int32 = -1
                var distinct = 0
                for i in starts[r]..<starts[r + 1] where columns[i] != previous {
                    previous = columns[i]
                    distinct += 1
                    fanOut[Int(previous)] += 1
                }
                fanIn[r] = distinct
            }
        }
        self.fanIn = CountSummary(fanIn)
        self.fanOut = CountSummary(fanOut)
    }

    /// The inputs no output depends on (fan-out 0), as flat indices, increasing.
    public var unreachedInputs: [Int] {
        fanOut.counts.indices.filter { fanOut.counts[$0] == 0 }
    }
}
