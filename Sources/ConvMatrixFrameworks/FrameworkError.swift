/// A framework layer that its framework would refuse, or that ConvMatrix can't build: the
/// parameter, spelled as the framework's API spells it (`output_padding`, `auto_pad`), and the
/// rule it breaks.
///
/// The command line names its flags after these parameters (`--output_padding`), so the message
/// it prints names what the user typed.
public struct FrameworkError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The API's parameter name (`padding`, `output_shape`, …), or `input` / `kernel` for sizes.
    public let parameter: String
    /// The rule and the value that breaks it.
    public let message: String

    /// Creates an error about `parameter`.
    public init(_ parameter: String, _ message: String) {
        self.parameter = parameter
        self.message = message
    }

    /// `parameter: message`.
    public var description: String { "\(parameter): \(message)" }
}

/// Checks that every framework's rules share: per-axis lists of the right length, positive
/// values.
enum ParameterCheck {
    /// `values` as one value per axis: a single value is used for every axis.
    static func perAxis(_ values: [Int], rank: Int, _ parameter: String) throws(FrameworkError)
        -> [Int]
    {
        if values.count == rank { return values }
        if values.count == 1 { return Array(repeating: values[0], count: rank) }
        throw FrameworkError(
            parameter, "expected 1 or \(rank) values (one per spatial axis), got \(values.count)")
    }

    /// `values` per axis, each ≥ `minimum`.
    static func perAxis(
        _ values: [Int], rank: Int, _ parameter: String, atLeast minimum: Int
    ) throws(FrameworkError) -> [Int] {
        let result = try perAxis(values, rank: rank, parameter)
        if let bad = result.first(where: { $0 < minimum }) {
            throw FrameworkError(parameter, "must be ≥ \(minimum), got \(bad)")
        }
        return result
    }

    /// Input and kernel sizes: same rank, every size ≥ 1, at most `maxRank` axes.
    static func sizes(input: [Int], kernel: [Int], maxRank: Int?, framework: Framework)
        throws(FrameworkError)
    {
        guard !input.isEmpty, input.allSatisfy({ $0 >= 1 && $0 <= Int(Int32.max) }) else {
            throw FrameworkError("input", "every size must be between 1 and 2^31 − 1")
        }
        guard kernel.count == input.count else {
            throw FrameworkError(
                "kernel", "has \(kernel.count) axes, the input has \(input.count)")
        }
        guard kernel.allSatisfy({ $0 >= 1 && $0 <= Int(Int32.max) }) else {
            throw FrameworkError("kernel", "every size must be between 1 and 2^31 − 1")
        }
        if let maxRank, input.count > maxRank {
            throw FrameworkError(
                "input",
                "\(framework.displayName) has \(maxRank == 3 ? "1-D, 2-D and 3-D" : "up to \(maxRank)-D") convolutions only, got \(input.count) axes"
            )
        }
    }

    /// The largest span an axis may have, `2⁵⁸` positions: every rule then adds a few such
    /// terms without overflowing `Int`.
    static let largestSpan = 1 << 58

    /// Throws unless `input·stride` and `dilation·kernel` stay within ``largestSpan`` on every
    /// axis (each value is at most 2³¹ − 1, so the products themselves can't overflow).
    static func spans(input: [Int], kernel: [Int], stride: [Int], dilation: [Int])
        throws(FrameworkError)
    {
        for t in input.indices {
            if input[t] * stride[t] > largestSpan || dilation[t] * kernel[t] > largestSpan {
                throw FrameworkError(
                    "input",
                    "the layer spans more than 2^58 positions on axis \(t) (input × stride or dilation × kernel); ConvMatrix can't compute with it"
                )
            }
        }
    }

    /// The checks every framework's rules open with, in this order: the sizes
    /// (``sizes(input:kernel:maxRank:framework:)``); the strides and the dilations, one per
    /// axis and each ≥ 1, under the API's own names (`stride.name`, `dilation.name`); each
    /// bounded by 2³¹ − 1 (``bounded(_:_:)``); and the spans
    /// (``spans(input:kernel:stride:dilation:)``). Returns the strides and dilations per axis.
    static func axes(
        input: [Int], kernel: [Int], maxRank: Int?, framework: Framework,
        stride: (values: [Int], name: String), dilation: (values: [Int], name: String)
    ) throws(FrameworkError) -> (stride: [Int], dilation: [Int]) {
        try sizes(input: input, kernel: kernel, maxRank: maxRank, framework: framework)
        let s = try perAxis(stride.values, rank: input.count, stride.name, atLeast: 1)
        let d = try perAxis(dilation.values, rank: input.count, dilation.name, atLeast: 1)
        try bounded(s, stride.name)
        try bounded(d, dilation.name)
        try spans(input: input, kernel: kernel, stride: s, dilation: d)
        return (s, d)
    }

    /// Throws unless every output size is ≥ 1.
    static func outputs(_ axes: [FrameworkAxis], blame parameter: String) throws(FrameworkError) {
        for (t, axis) in axes.enumerated() where axis.outputSize < 1 {
            throw FrameworkError(
                parameter,
                "gives \(axis.outputSize) outputs on axis \(t); the kernel (span \(axis.dilatedKernel)) must fit"
            )
        }
    }

    /// Bounds every stride, dilation and padding by 2^31 − 1 so that the arithmetic of the rules
    /// can't overflow.
    static func bounded(_ values: [Int], _ parameter: String) throws(FrameworkError) {
        let limit = Int(Int32.max)
        if let bad = values.first(where: { $0 > limit || $0 < -limit }) {
            throw FrameworkError(parameter, "\(bad) is out of range (|value| ≤ 2^31 − 1)")
        }
    }
}
