import ConvMatrix
import Symbolic

/// Turns parsed options into the library's layer descriptions, validated, with errors naming
/// the flag.
enum LayerOptions {
    /// The flags every layer shares, parsed once.
    private struct CommonFlags {
        let input: [Int]
        let kernel: [Int]
        let stride: [Int]
        let padding: PaddingSpec
        let dilation: [Int]
        let inChannels: Int
        let outChannels: Int
        let groups: Int
        let orientation: KernelOrientation

        init(_ arguments: ParsedArguments, inputExample: String) throws(UsageError) {
            input = try AxisListParser.integers(
                try arguments.required(Options.input, example: inputExample), flag: "input")
            kernel = try AxisListParser.integers(
                try arguments.required(Options.kernel, example: "3x3"), flag: "kernel")
            stride = try axisList(arguments, Options.stride, default: [1])
            padding =
                try arguments.value(Options.padding).map { text throws(UsageError) in
                    try AxisListParser.padding(text)
                } ?? .zero
            dilation = try axisList(arguments, Options.dilation, default: [1])
            inChannels = try integer(arguments, Options.inChannels, default: 1)
            outChannels = try integer(arguments, Options.outChannels, default: 1)
            groups = try integer(arguments, Options.groups, default: 1)
            orientation = arguments.has(Options.flip) ? .convolution : .crossCorrelation
        }
    }

    /// The convolution the options describe.
    static func convolution(_ arguments: ParsedArguments) throws(UsageError) -> Convolution {
        try refuseTransposedFlags(arguments)
        let flags = try CommonFlags(arguments, inputExample: "5x5")
        var spec = ConvolutionSpec(
            inputSize: flags.input, kernelSize: flags.kernel, stride: flags.stride,
            padding: flags.padding, dilation: flags.dilation, inChannels: flags.inChannels,
            outChannels: flags.outChannels, groups: flags.groups,
            paddingMode: try arguments.choice(Options.paddingMode, default: PaddingMode.zeros),
            orientation: flags.orientation,
            sameRule: try arguments.choice(Options.sameRule, default: SameRule.pytorch))
        if arguments.has(Options.averagePool) {
            // A constant kernel is its own rotation, so --flip is harmless and allowed.
            for flag in [Options.outChannels, Options.groups] where arguments.value(flag) != nil {
                throw UsageError(
                    flag: flag.name,
                    "does not go with --average-pool, which pools each input channel alone")
            }
            spec.outChannels = spec.inChannels
            spec.groups = spec.inChannels
            if arguments.value(Options.stride) == nil { spec.stride = spec.kernelSize }
        }
        do {
            return try spec.validated()
        } catch {
            throw UsageError(error)
        }
    }

    /// The transposed convolution the options describe.
    static func transposedConvolution(_ arguments: ParsedArguments) throws(UsageError)
        -> TransposedConvolution
    {
        let flags = try CommonFlags(arguments, inputExample: "2x2")
        let spec = TransposedConvolutionSpec(
            inputSize: flags.input, kernelSize: flags.kernel, stride: flags.stride,
            padding: flags.padding, dilation: flags.dilation,
            outputPadding: try axisList(arguments, Options.outputPadding, default: [0]),
            inChannels: flags.inChannels, outChannels: flags.outChannels, groups: flags.groups,
            orientation: flags.orientation)
        do {
            return try spec.validated()
        } catch {
            throw UsageError(error)
        }
    }

    /// The resource budgets from `--max-cells` and `--max-memory`.
    static func limits(_ arguments: ParsedArguments) throws(UsageError) -> ResourceLimits {
        var limits = ResourceLimits.default
        if let cells = arguments.value(Options.maxCells) {
            limits.maxDenseCells = try AxisListParser.single(cells, flag: "max-cells")
            guard limits.maxDenseCells >= 1 else {
                throw UsageError(flag: "max-cells", "must be ≥ 1, got \(limits.maxDenseCells)")
            }
        }
        if let memory = arguments.value(Options.maxMemory) {
            limits.maxMemoryBytes = try byteCount(memory)
        }
        return limits
    }

    /// `1000`, `512MB`, `4GB`, `2GiB`, `100kB` as a number of bytes.
    static func byteCount(_ text: String) throws(UsageError) -> Int {
        let units: [(String, Int)] = [
            ("GiB", 1 << 30), ("MiB", 1 << 20), ("KiB", 1 << 10), ("GB", 1_000_000_000),
            ("MB", 1_000_000), ("kB", 1000), ("KB", 1000), ("B", 1),
        ]
        var number = text
        var scale = 1
        for (suffix, factor) in units where text.hasSuffix(suffix) {
            number = String(text.dropLast(suffix.count))
            scale = factor
            break
        }
        guard !number.isEmpty, number.allSatisfy({ $0.isASCII && $0.isNumber }),
            let value = Int(number), value >= 1
        else {
            throw UsageError(
                flag: "max-memory", "expected a positive size such as 512MB or 8GB, got '\(text)'")
        }
        let (bytes, overflow) = value.multipliedReportingOverflow(by: scale)
        guard !overflow else { throw UsageError(flag: "max-memory", "\(text) is too large") }
        return bytes
    }

    private static func axisList(
        _ arguments: ParsedArguments, _ option: OptionDefinition, default fallback: [Int]
    )
        throws(UsageError) -> [Int]
    {
        guard let text = arguments.value(option) else { return fallback }
        return try AxisListParser.integers(text, flag: option.name)
    }

    private static func integer(
        _ arguments: ParsedArguments, _ option: OptionDefinition, default fallback: Int
    )
        throws(UsageError) -> Int
    {
        guard let text = arguments.value(option) else { return fallback }
        return try AxisListParser.single(text, flag: option.name)
    }
}

extension LayerOptions {

    /// The transposed convolution a transpose/verify/equivalent command is about: given
    /// directly with `--transposed`, or the transpose of the convolution described.
    static func transposedSubject(_ arguments: ParsedArguments) throws(UsageError)
        -> TransposedConvolution
    {
        if arguments.has(Options.transposed) {
            return try transposedLayer(arguments)
        }
        let conv = try convolution(arguments)
        guard conv.paddingMode == .zeros else {
            throw UsageError(
                flag: "padding-mode",
                "\(conv.paddingMode.rawValue) padding has no transposed convolution (PyTorch's ConvTranspose pads with zeros); 'unroll --transpose' prints Uᵀ"
            )
        }
        do {
            return try conv.transposedCounterpart.validated()
        } catch {
            throw UsageError(error)
        }
    }
}
