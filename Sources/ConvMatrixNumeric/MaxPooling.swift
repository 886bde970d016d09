import ConvMatrixCore
import Symbolic

/// Max pooling once the input is known: each output picks the largest input of its window, so
/// the layer is the linear map `y = S·x` with a 0/1 *selection matrix* S (one 1 per output, in
/// the column of the window's maximum), and its backward pass routes each `δ_r` to that input:
/// `∂E/∂x = Sᵀ·δ`.
///
/// The windows are those of the pooling geometry (each channel pooled alone; ``ConvMatrixCore/Convolution``
/// with `groups = channels`); padded positions never win (PyTorch pads max pooling with −∞).
/// **Ties** are broken as PyTorch's `max_pool` does: the first maximum in the window's scan
/// order (row by row, each row left to right) wins — PyTorch keeps a value only when it is
/// strictly greater than the one kept so far. Source: PyTorch, `aten/src/ATen/native/cpu/
/// MaxPoolKernel.cpp` (`if ((val > maxval) || std::isnan(val))`).
public struct MaxPoolSelection: Hashable, Sendable {
    /// For each output `r`, the flat input index its window's maximum sits at.
    public let argmax: [Int]
    /// The number of inputs (columns of S).
    public let inputCount: Int
    /// The outputs whose window holds its maximum more than once (the tie rule decided).
    public let tiedOutputs: [Int]

    /// The selection of `conv`'s windows (read from its unrolled matrix `u`) at `input`.
    ///
    /// Values compare exactly when both are exact, in floating point otherwise.
    public init(_ conv: Convolution, u: TapMatrix, input: [NumericValue]) throws(NumericError) {
        guard input.count == u.columnCount else {
            throw NumericError("expected \(u.columnCount) input values, got \(input.count)")
        }
        var argmax: [Int] = []
        var tied: [Int] = []
        argmax.reserveCapacity(u.rowCount)
        for r in 0..<u.rowCount {
            // U's row lists the window's inputs; in increasing input index, which is the
            // window's row-by-row scan order within a channel.
            let window = u.entries(inRow: r).map(\.column).sorted()
            guard var best = window.first else {
                throw NumericError("output \(r) has an empty window (only padding)")
            }
            var ties = false
            for c in window.dropFirst() {
                switch MaxPoolSelection.compare(input[c], input[best]) {
                case .greater: (best, ties) = (c, false)
                case .equal: ties = true
                case .less: break
                }
            }
            argmax.append(best)
            if ties { tied.append(r) }
        }
        self.argmax = argmax
        self.inputCount = u.columnCount
        self.tiedOutputs = tied
    }

    private enum Order { case less, equal, greater }

    private static func compare(_ a: NumericValue, _ b: NumericValue) -> Order {
        if let x = a.exact, let y = b.exact {
            return x < y ? .less : (x == y ? .equal : .greater)
        }
        return a.double < b.double ? .less : (a.double == b.double ? .equal : .greater)
    }

    /// S as a tap matrix: one row per output, a single entry (tap 0, value 1) at its argmax.
    public var matrix: TapMatrix {
        TapMatrix(
            rowCount: argmax.count, columnCount: inputCount, tapCount: 1,
            triplets: argmax.enumerated().map { (row: $0.offset, column: $0.element, tap: 0) })
    }

    /// `y = S·x`: each output is its window's maximum.
    public func output(_ input: [NumericValue]) -> [NumericValue] {
        argmax.map { input[$0] }
    }

    /// `∂E/∂x = Sᵀ·δ`: each input collects the gradients of the outputs it is the maximum of
    /// (an input that is the maximum of overlapping windows collects several).
    public func inputGradient(_ delta: [NumericValue]) throws(NumericError) -> ValueTensor.Entries {
        if let exact = try? delta.map({ (v: NumericValue) throws(NumericError) -> Rational in
            guard let e = v.exact else { throw NumericError("inexact") }
            return e
        }) {
            var sums = [Rational](repeating: .zero, count: inputCount)
            do {
                for (r, c) in argmax.enumerated() { sums[c] = try sums[c] + exact[r] }
                return .exact(sums)
            } catch {
                // An overflowing fraction: the doubles answer.
            }
        }
        var sums = [Double](repeating: 0, count: inputCount)
        for (r, c) in argmax.enumerated() { sums[c] += delta[r].double }
        return .float(sums)
    }

    /// `∂E/∂x` as symbols: each input is the sum of the `δ_r` it is the maximum of.
    public func symbolicInputGradient(_ delta: [Symbol]) -> [Expression] {
        var terms = [[Symbol]](repeating: [], count: inputCount)
        for (r, c) in argmax.enumerated() { terms[c].append(delta[r]) }
        return terms.map { Expression.sum($0.map { Monomial($0) }) }
    }
}
