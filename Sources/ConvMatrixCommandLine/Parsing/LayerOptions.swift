import ConvMatrix
import ConvMatrixLayerFlags

/// Turns parsed options into the library's layer descriptions through the one interpreter
/// of layer flags (``LayerFlags``); what remains here is mapping its errors to `--flag: …` lines
/// and adding hints that name other commands.
enum LayerOptions {
    /// The layer flags of `arguments`, as the core's interpreter takes them.
    static func flags(_ arguments: ParsedArguments) throws(UsageError) -> LayerFlags {
        var flags = LayerFlags()
        for flag in LayerFlag.allCases {
            let option = definition(of: flag)
            do {
                if flag.isSwitch {
                    if arguments.has(option) { try flags.set(flag, to: nil) }
                } else if let text = arguments.value(option) {
                    try flags.set(flag, to: text)
                }
            } catch {
                throw usageError(error)
            }
        }
        return flags
    }

    /// What `build` makes of the layer flags of `arguments`, its errors as `--flag: …` lines
    /// (``usageError(_:)``).
    static func interpreted<Built>(
        _ arguments: ParsedArguments, _ build: (LayerFlags) throws(LayerFlagError) -> Built
    ) throws(UsageError) -> Built {
        let flags = try flags(arguments)
        do {
            return try build(flags)
        } catch {
            throw usageError(error)
        }
    }

    /// The convolution the options describe; unless `counted` is false (arithmetic only, as in
    /// `shape`), its inputs, outputs and weights are counted against `--max-memory`
    /// (``checkElements(inputs:outputs:weights:_:)``).
    static func convolution(_ arguments: ParsedArguments, counted: Bool = true) throws(UsageError)
        -> Convolution
    {
        try refuseTransposedFlags(arguments)
        let conv = try interpreted(arguments) { flags throws(LayerFlagError) in
            try flags.convolution()
        }
        if counted {
            try checkElements(
                inputs: conv.inputCount, outputs: conv.outputCount, weights: conv.weightCount,
                arguments)
        }
        return conv
    }

    /// The transposed convolution the options describe, its elements counted against
    /// `--max-memory` unless `counted` is false.
    static func transposedConvolution(_ arguments: ParsedArguments, counted: Bool = true)
        throws(UsageError) -> TransposedConvolution
    {
        let layer = try interpreted(arguments) { flags throws(LayerFlagError) in
            try flags.transposedConvolution()
        }
        if counted { try checkElements(layer, arguments) }
        return layer
    }

    /// Refuses, before anything is built, a layer whose inputs, outputs and weights take more
    /// than `--max-memory` at ``ResourceLimits/bytesPerElement`` each: the core's
    /// ``ResourceLimits/checkElements(_:)``, counted in 64-bit arithmetic, which the explorer's
    /// WebAssembly core calls too (same words and numbers on a 32-bit host).
    static func checkElements(inputs: Int, outputs: Int, weights: Int, _ arguments: ParsedArguments)
        throws(UsageError)
    {
        let limits = try limits(arguments)
        do {
            try limits.checkElements(
                LayerElementCounts(
                    inputs: Int64(inputs), outputs: Int64(outputs), weights: Int64(weights)))
        } catch {
            throw UsageError(error)
        }
    }

    /// ``checkElements(inputs:outputs:weights:_:)`` of a transposed layer.
    static func checkElements(_ layer: TransposedConvolution, _ arguments: ParsedArguments)
        throws(UsageError)
    {
        try checkElements(
            inputs: layer.inputCount, outputs: layer.outputCount,
            weights: layer.forward.weightCount, arguments)
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

    /// `1000`, `512MiB`, `4GiB`, `100KiB` (binary, as the tool prints sizes) or `512MB`,
    /// `4GB`, `100kB` (decimal) as a number of bytes.
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
                flag: "max-memory", "expected a positive size such as 512MiB or 8GiB, got '\(text)'"
            )
        }
        let (bytes, overflow) = value.multipliedReportingOverflow(by: scale)
        guard !overflow else { throw UsageError(flag: "max-memory", "\(text) is too large") }
        return bytes
    }

    /// The option of the command line that spells `flag`.
    private static func definition(of flag: LayerFlag) -> OptionDefinition {
        switch flag {
        case .input: Options.input
        case .kernel: Options.kernel
        case .stride: Options.stride
        case .padding: Options.padding
        case .dilation: Options.dilation
        case .inChannels: Options.inChannels
        case .outChannels: Options.outChannels
        case .groups: Options.groups
        case .paddingMode: Options.paddingMode
        case .sameRule: Options.sameRule
        case .flip: Options.flip
        case .averagePool: Options.averagePool
        case .transposed: Options.transposed
        case .outputPadding: Options.outputPadding
        }
    }

    /// The one-line error of a layer flag: the core's message under the command line's name of
    /// the flag, with a hint where another command or flag helps.
    static func usageError(_ error: LayerFlagError) -> UsageError {
        // A validation error is mapped, hints included, where every library error is.
        if case .specification(let specification) = error.rule { return UsageError(specification) }
        var rule = error.ruleText
        switch error.rule {
        case .noTransposedCounterpart:
            rule += "; 'unroll --transpose' prints Uᵀ"
        default:
            break
        }
        let name = error.flag.map { definition(of: $0).name } ?? error.name
        return UsageError(flag: name, rule)
    }
}

extension LayerOptions {

    /// The transposed convolution a transpose/verify/equivalent command is about: given
    /// directly with `--transposed`, or the transpose of the convolution described.
    static func transposedSubject(_ arguments: ParsedArguments) throws(UsageError)
        -> TransposedConvolution
    {
        let layer = try interpreted(arguments) { flags throws(LayerFlagError) in
            flags.has(.transposed)
                ? try flags.transposedConvolution() : try flags.transposeOfConvolution()
        }
        try checkElements(layer, arguments)
        return layer
    }
}
