import ConvMatrixCore
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
    /// - Throws: ``ConvMatrixCore/SpecificationError`` about ``ConvMatrixCore/SpecificationField/kernelValues``, e.g.
    ///   `expected 9 values (weight shape 1×1×3×3), got 8`, or naming the value that is not a
    ///   finite number.
    public init(parsing text: String, layout: KernelLayout) throws(SpecificationError) {
        values = try ValueList.parse(
            text, count: layout.count, shape: "weight shape \(ValueList.shape(layout.shape))",
            field: .kernelValues)
    }

    /// Values read from a list or a file (``ValueArray``), checked against the weight shape.
    public init(_ array: ValueArray, layout: KernelLayout) throws(SpecificationError) {
        values = try array.checked(
            shape: layout.shape, what: "weight shape", field: .kernelValues)
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
    /// - Throws: ``ConvMatrixCore/SpecificationError`` about `field`, e.g. `expected 25 values (input shape
    ///   1×5×5), got 24`.
    public init(
        parsing text: String, channels: Int, extents: Extents,
        field: SpecificationField = .inputValues
    ) throws(SpecificationError) {
        self.channels = channels
        self.extents = extents
        values = try ValueList.parse(
            text, count: channels * extents.count,
            shape:
                "\(field == .inputValues ? "input" : "output") shape \(ValueList.shape([channels] + extents.sizes))",
            field: field)
    }

    /// Values read from a list or a file (``ValueArray``): a `.npy` array must have the shape
    /// `(C, n…)` or PyTorch's batch of one `(1, C, n…)`.
    public init(
        _ array: ValueArray, channels: Int, extents: Extents,
        field: SpecificationField = .inputValues
    ) throws(SpecificationError) {
        self.channels = channels
        self.extents = extents
        values = try array.checked(
            shape: [channels] + extents.sizes,
            what: field == .inputValues ? "input shape" : "output shape", field: field,
            batchOfOne: true)
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

/// A layer's bias, one value per output channel (PyTorch's `bias` of shape `(M,)`), added to
/// every output of its channel: `O[o, i] = (X·U)[o, i] + b_o`.
public struct BiasValues: Hashable, Sendable {
    /// One value per output channel.
    public let values: [NumericValue]

    /// Values read from a list or a file, one per output channel.
    public init(_ array: ValueArray, channels: Int) throws(SpecificationError) {
        values = try array.checked(shape: [channels], what: "bias shape", field: .bias)
    }

    /// Values drawn with `generator`.
    public init(randomFor channels: Int, using generator: inout SplitMix64) {
        values = (0..<channels).map { _ in generator.nextDyadic() }
    }

    /// The exact values; throws when a value has no exact 64-bit fraction.
    public func rationals() throws(SpecificationError) -> [Rational] {
        try ValueList.rationals(values, field: .bias)
    }
}

/// Numbers as a user gives them, before they are matched to a shape: a comma list on the
/// command line (`1,0,-1,2,0,-2,1,0,-1`), a text file of numbers separated by commas or
/// whitespace, or a `.npy` array (``NpyArray``), which also states its shape.
public struct ValueArray: Hashable, Sendable {
    /// The numbers in order.
    public let values: [NumericValue]
    /// The shape a `.npy` file states; `nil` for a list or text.
    public let shape: [Int]?
    /// Where the numbers came from, for messages (`the list`, `w.npy`).
    public let source: String

    /// A comma-separated list, as typed after a flag.
    public init(list text: String, field: SpecificationField) throws(SpecificationError) {
        values = try ValueList.numbers(
            text.split(separator: ",", omittingEmptySubsequences: false), field: field)
        shape = nil
        source = "the list"
    }

    /// A file's bytes: a `.npy` array when they start with its magic string, otherwise text
    /// with numbers separated by commas, spaces or newlines.
    public init(file bytes: [UInt8], name: String, field: SpecificationField)
        throws(SpecificationError)
    {
        source = name
        if NpyArray.isNpy(bytes) || name.hasSuffix(".npy") {
            do {
                let array = try NpyArray(bytes: bytes)
                values = array.values
                shape = array.shape
            } catch {
                throw SpecificationError(field, "\(name): \(error.message)")
            }
            return
        }
        let text = String(decoding: bytes, as: UTF8.self)
        let parts = text.split(whereSeparator: {
            $0 == "," || $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r"
        })
        guard !parts.isEmpty else { throw SpecificationError(field, "\(name) holds no numbers") }
        values = try ValueList.numbers(parts, field: field)
        shape = nil
    }

    /// The values when their count (and a `.npy` file's shape) matches `expected`.
    func checked(
        shape expected: [Int], what: String, field: SpecificationField, batchOfOne: Bool = false
    ) throws(SpecificationError) -> [NumericValue] {
        let count = expected.reduce(1, *)
        if let shape {
            guard shape == expected || (batchOfOne && shape == [1] + expected) else {
                throw SpecificationError(
                    field,
                    "\(source) has shape (\(shape.map(String.init).joined(separator: ", "))), expected (\(expected.map(String.init).joined(separator: ", ")))"
                )
            }
        }
        guard values.count == count else {
            throw SpecificationError(
                field,
                "expected \(count) value\(count == 1 ? "" : "s") (\(what) \(ValueList.shape(expected))), got \(values.count)"
            )
        }
        return values
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
        return try numbers(parts, field: field)
    }

    /// Each part as a number, or an error naming the first that is not one.
    static func numbers(_ parts: [Substring], field: SpecificationField)
        throws(SpecificationError) -> [NumericValue]
    {
        var values: [NumericValue] = []
        values.reserveCapacity(parts.count)
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
