import ConvMatrixCore
import ConvMatrixSymbols
import Symbolic

/// Kernel weights given as numbers, in PyTorch's weight order `(M, C/g, k₀, k₁, …)` flattened
/// row-major (for a transposed layer `(C_in, C_out/g, k…)`): exactly the order of the taps of U.
///
/// Parsed from a comma-separated list such as `1,-2,0.5,1/9` (see ``NumericValue`` for the
/// spellings), whose length must be the layer's weight count, or drawn from a seed.
public struct KernelValues: Hashable, Sendable {
    /// One value per weight.
    public let values: [NumericValue]

    /// Reads `text` for a layer whose weights are laid out by `layout`.
    ///
    /// - Throws: ``SpecificationError`` about ``SpecificationField/kernelValues``, e.g.
    ///   `expected 9 values (weight shape 1×1×3×3), got 8`, or naming the value that is not a
    ///   finite number.
    public init(parsing text: String, layout: KernelLayout) throws(SpecificationError) {
        values = try ValueList.parse(
            text, count: layout.count, shape: "weight shape \(ValueList.shape(layout.shape))",
            field: .kernelValues)
    }

    /// Values drawn with `generator`: small dyadic rationals (``SplitMix64/nextDyadic()``).
    public init(randomFor layout: KernelLayout, using generator: inout SplitMix64) {
        values = (0..<layout.count).map { _ in generator.nextDyadic() }
    }

    /// Average pooling as a convolution: every weight `1/Πk` exactly (`1/k` in 1-D, `1/(k·k)`
    /// in 2-D), the mean of each window.
    public init(averagePooling layout: KernelLayout) {
        let weight = NumericValue(Rational(reciprocalOf: layout.spatial.count))
        values = Array(repeating: weight, count: layout.count)
    }

    /// The values in floating point.
    public var doubles: [Double] { values.map(\.double) }

    /// The exact values; throws, naming the first value, when one has no exact 64-bit fraction.
    public func rationals() throws(SpecificationError) -> [Rational] {
        try ValueList.rationals(values, field: .kernelValues)
    }
}

/// The values of a tensor `(C, n₀, n₁, …)` (an input, or an upstream gradient), flattened
/// channel first, row-major — the order of U's columns (or rows).
public struct TensorValues: Hashable, Sendable {
    /// The number of channels.
    public let channels: Int
    /// The spatial extents.
    public let extents: Extents
    /// One value per entry.
    public let values: [NumericValue]

    /// Reads `text` for a tensor of `channels × extents`.
    ///
    /// - Throws: ``SpecificationError`` about `field`, e.g. `expected 25 values (input shape
    ///   1×5×5), got 24`.
    public init(
        parsing text: String, channels: Int, extents: Extents,
        field: SpecificationField = .inputValues
    ) throws(SpecificationError) {
        self.channels = channels
        self.extents = extents
        values = try ValueList.parse(
            text, count: channels * extents.count,
            shape: "input shape \(ValueList.shape([channels] + extents.sizes))", field: field)
    }

    /// Values drawn with `generator`: small dyadic rationals.
    public init(randomFor channels: Int, extents: Extents, using generator: inout SplitMix64) {
        self.channels = channels
        self.extents = extents
        values = (0..<(channels * extents.count)).map { _ in generator.nextDyadic() }
    }

    /// The tensor in floating point.
    public var doubles: Tensor<Double> {
        Tensor(unchecked: channels, extents: extents, values: values.map(\.double))
    }

    /// The exact tensor; throws when a value has no exact 64-bit fraction.
    public func rationals(field: SpecificationField = .inputValues) throws(SpecificationError)
        -> Tensor<Rational>
    {
        Tensor(
            unchecked: channels, extents: extents,
            values: try ValueList.rationals(values, field: field))
    }
}

/// Parsing shared by ``KernelValues`` and ``TensorValues``.
enum ValueList {
    /// `1×1×3×3`.
    static func shape(_ sizes: [Int]) -> String { sizes.map(String.init).joined(separator: "×") }

    /// The values of a comma-separated list with exactly `count` entries.
    static func parse(_ text: String, count: Int, shape: String, field: SpecificationField)
        throws(SpecificationError) -> [NumericValue]
    {
        let parts = text.split(separator: ",", omittingEmptySubsequences: false)
        guard parts.count == count else {
            throw SpecificationError(
                field,
                "expected \(count) value\(count == 1 ? "" : "s") (\(shape)), got \(parts.count)")
        }
        var values: [NumericValue] = []
        values.reserveCapacity(count)
        for (index, part) in parts.enumerated() {
            do {
                values.append(try NumericValue(parsing: String(part)))
            } catch {
                throw SpecificationError(field, "value \(index + 1): \(error.message)")
            }
        }
        return values
    }

    /// The exact values, or an error naming the first inexact one.
    static func rationals(_ values: [NumericValue], field: SpecificationField)
        throws(SpecificationError) -> [Rational]
    {
        var result: [Rational] = []
        result.reserveCapacity(values.count)
        for (index, value) in values.enumerated() {
            guard let exact = value.exact else {
                throw SpecificationError(
                    field,
                    "value \(index + 1) '\(value.text)' has no exact fraction of 64-bit integers; give fewer digits"
                )
            }
            result.append(exact)
        }
        return result
    }
}
