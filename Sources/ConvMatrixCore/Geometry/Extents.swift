/// The extents of a row-major grid (a tensor's shape), with conversions between a
/// multi-index and its flat position.
///
/// Flattening is row-major, as in PyTorch and NumPy: the last axis varies fastest, so for
/// extents `(n₀, n₁)` the position of `(i, j)` is `i·n₁ + j`.
public struct Extents: Hashable, Sendable, CustomStringConvertible {
    /// The size of each axis, outermost first.
    public let sizes: [Int]
    /// The flat distance between neighbours along each axis: `strides[a] = Π_{b>a} sizes[b]`.
    public let strides: [Int]
    /// The number of elements, `Π sizes` (1 for no axes).
    public let count: Int

    /// Creates extents; returns `nil` when the element count overflows `Int` or a size is negative.
    public init?(_ sizes: [Int]) {
        guard sizes.allSatisfy({ $0 >= 0 }), let count = CheckedArithmetic.product(sizes) else {
            return nil
        }
        var strides = [Int](repeating: 1, count: sizes.count)
        var running = 1
        for axis in sizes.indices.reversed() {
            strides[axis] = running
            running &*= sizes[axis]  // cannot overflow: bounded by `count`
        }
        self.sizes = sizes
        self.strides = strides
        self.count = count
    }

    /// The number of axes.
    public var rank: Int { sizes.count }

    /// The flat row-major position of `index` (one entry per axis, each within its extent).
    public func flatIndex(_ index: [Int]) -> Int {
        var flat = 0
        for axis in index.indices { flat += index[axis] * strides[axis] }
        return flat
    }

    /// The multi-index whose row-major position is `flat` (`0 ≤ flat < count`).
    public func multiIndex(_ flat: Int) -> [Int] {
        var rest = flat
        return strides.map { stride in
            let coordinate = rest / stride
            rest -= coordinate * stride
            return coordinate
        }
    }

    /// Every multi-index in row-major order.
    public var allIndices: [[Int]] { (0..<count).map(multiIndex) }

    /// `5×5`, or `5x5` when written for ASCII.
    public func formatted(ascii: Bool = false) -> String {
        sizes.map(String.init).joined(separator: ascii ? "x" : "×")
    }

    /// The extents written with `×`, e.g. `5×5`.
    public var description: String { formatted() }
}
