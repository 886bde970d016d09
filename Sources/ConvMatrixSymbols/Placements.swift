import ConvMatrixCore
import Symbolic

/// The kernel placements: for each output, the kernel laid on the input grid where that
/// output's window sits — the input-shaped tensor whose flattening is one column of U (row
/// convention).
public struct Placement: Sendable {
    /// The flat output index (channel first, then row-major).
    public let output: Int
    /// The input-shaped tensor of expressions: entry `q` is the sum of the taps that meet input
    /// `q` (zero elsewhere), flattened channel first, row-major.
    public let values: [Expression]
}

extension Convolution {
    /// One placement per output, in output order.
    ///
    /// `u` must be this convolution's ``unrolled(limits:)`` matrix; `symbols` give the taps.
    public func placements(_ u: TapMatrix, symbols: LayerSymbols) -> [Placement] {
        Layer.convolution(self).placements(u, symbols: symbols)
    }
}

extension Layer {
    /// One placement per output, in output order: for a transposed convolution, the taps that
    /// carry each of its inputs to that output, laid on its input grid.
    ///
    /// `u` must be this layer's ``ConvMatrixCore/Layer/matrix(limits:)`` matrix; `symbols` give the
    /// taps.
    public func placements(_ u: TapMatrix, symbols: LayerSymbols) -> [Placement] {
        let matrix = SymbolicTapMatrix(u, kernel: symbols.kernel)
        return (0..<u.rowCount).map { r in
            var values = [Expression](repeating: .zero, count: inputSide.count)
            for entry in matrix.nonZeroEntries(inRow: r) { values[entry.column] = entry.value }
            return Placement(output: r, values: values)
        }
    }
}
