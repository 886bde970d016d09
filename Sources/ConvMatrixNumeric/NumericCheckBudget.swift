import ConvMatrixCore
import Symbolic

extension Convolution {
    /// The most entries of U a numeric check stores: up to this many the whole of U (and M(x))
    /// is built and every output compared; beyond it, ``checkedRowSample`` evenly spaced rows of
    /// U are built alone (``unrolledRows(_:limits:)``) and compared with the definition at
    /// those outputs, so a layer with a hundred million entries is checked in a few megabytes.
    public static let fullCheckEntries = 1 << 22

    /// How many rows of U a sampled check compares.
    public static let checkedRowSample = 1024

    /// The rows of U a check compares: all of them when U has at most ``fullCheckEntries``
    /// entries, otherwise ``checkedRowSample`` evenly spaced ones (always the first and the
    /// last); nil means all.
    public var checkedRows: [Int]? {
        guard let entries = unrolledEntryCount, entries <= Self.fullCheckEntries else {
            let count = min(outputCount, Self.checkedRowSample)
            guard count > 1 else { return [0] }
            return (0..<count).map { j in
                // Evenly spaced from 0 to outputCount − 1; j·(N − 1) < 2⁶³ as N < 2⁶² here.
                Int((Double(j) * Double(outputCount - 1) / Double(count - 1)).rounded())
            }
        }
        return nil
    }

    /// The bytes ``numericCheck(_:exact:limits:progress:)`` needs, estimated before any value is drawn
    /// or parsed: the parsed values of the kernel, `x`, `y` and `δ` (``ConvMatrixNumeric/NumericValue``), their
    /// `Double` (and in exact mode ``Symbolic/Rational``) copies, and two sparse matrices (U or its
    /// sampled rows, and M(x)) at 8 bytes an entry and a row; `nil` when the count overflows.
    public func numericCheckBytes(exact: Bool) -> Int? {
        guard let inputs = CheckedArithmetic.product([inChannels, inputExtents.count]),
            let outputs = CheckedArithmetic.product([outChannels, outputExtents.count]),
            let weights = CheckedArithmetic.product([
                outChannels, inChannelsPerGroup, kernelExtents.count,
            ]),
            let values = CheckedArithmetic.product([1, inputs]).flatMap({
                CheckedArithmetic.add($0, outputs)
            }).flatMap({ CheckedArithmetic.add($0, outputs) }).flatMap({
                CheckedArithmetic.add($0, weights)
            })
        else { return nil }
        let perValue =
            MemoryLayout<NumericValue>.stride + MemoryLayout<Double>.stride
            + (exact ? MemoryLayout<Rational>.stride : 0)
        let rows = checkedRows?.count ?? outputs
        let entries =
            checkedRows == nil
            ? unrolledEntryCount
            : CheckedArithmetic.product([rows, inChannelsPerGroup, kernelExtents.count])
        let matrix = entries.flatMap { CheckedArithmetic.multiply($0, 8) }
            .flatMap { CheckedArithmetic.add($0, rows * 8 + 8) }
        return CheckedArithmetic.multiply(values, perValue).flatMap { valueBytes in
            matrix.flatMap { CheckedArithmetic.multiply($0, 2) }.flatMap {
                CheckedArithmetic.add(valueBytes, $0)
            }
        }
    }

    /// Throws the memory error unless ``numericCheckBytes(exact:)`` fits in `limits`.
    public func checkNumericCheckMemory(exact: Bool, limits: ResourceLimits)
        throws(SpecificationError)
    {
        try limits.checkMemory(numericCheckBytes(exact: exact), for: "the numeric check")
    }
}
