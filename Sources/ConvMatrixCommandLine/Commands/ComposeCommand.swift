import ConvMatrix
import ConvMatrixLayerFlags

/// `convmatrix compose`: a stack of layers, each given with the CLI's own flags — the composed
/// symbolic matrix, the receptive field, effective stride and padding, every output's window,
/// all checked against the composed matrix.
struct ComposeCommand: Command {
    let name = "compose"
    let abstract =
        "Compose a stack of layers: U_L⋯U_1 symbolically, receptive field, stride, padding, windows."
    let discussion = """
        Each --layer holds one layer's flags, as for unroll (without --input, which is the stack's
        input for the first layer and the previous layer's output after it; --in-channels, when
        given, must equal the previous layer's output channels). --transposed inside a layer
        makes it a transposed convolution; --average-pool a pooling window (a max-pool has the
        same window, so the same receptive field).

        EXAMPLES:
          convmatrix compose --input 32x32 --layer "--kernel 3 --stride 2 --padding 1" --layer "--kernel 3 --padding 1"
          convmatrix compose --input 8 --layer "--kernel 3" --layer "--kernel 2 --stride 2" --format json
          convmatrix compose --input 4x4 --layer "--transposed --kernel 4 --stride 2 --padding 1"
        """
    let options = [
        Options.input, Options.inChannels, Options.stackLayer, Options.letters,
        Options.analysisFormat, Options.ascii, Options.composeMaxCells, Options.composeMaxTerms,
        Options.maxMemory,
    ]

    /// The flags a `--layer` may hold.
    static let layerFlags =
        [
            Options.kernel, Options.stride, Options.padding, Options.dilation, Options.inChannels,
            Options.outChannels, Options.groups, Options.paddingMode, Options.sameRule,
            Options.flip,
            Options.averagePool, Options.outputPadding, Options.transposed,
        ]

    func run(_ arguments: ParsedArguments, output: inout some TextOutputStream) throws(UsageError)
        -> CommandResult
    {
        let format = try arguments.choice(Options.analysisFormat, default: ReportFormat.text)
        var letters = ComposedMatrix.defaultLetters
        if let text = arguments.value(Options.letters) {
            letters = text.split(separator: ",").map(String.init)
            guard !letters.isEmpty,
                letters.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isLetter } }),
                Set(letters).count == letters.count
            else {
                throw UsageError(
                    flag: "letters", "expected distinct letters separated by commas, got '\(text)'")
            }
        }
        var maxCells = 400
        if let text = arguments.value(Options.composeMaxCells) {
            maxCells = try AxisListParser.single(text, flag: "max-cells")
        }
        var maxTerms = 2_000_000
        if let text = arguments.value(Options.composeMaxTerms) {
            maxTerms = try AxisListParser.single(text, flag: "max-terms")
            guard maxTerms >= 1 else {
                throw UsageError(flag: "max-terms", "must be ≥ 1, got \(maxTerms)")
            }
        }
        let analysis = try Self.analysis(arguments, letters: letters, maxTerms: maxTerms)
        switch format {
        case .json: output.write(analysis.json.text + "\n")
        case .text, .markdown:
            output.write(
                StackAnalysisWriter(
                    markdown: format == .markdown, ascii: arguments.has(Options.ascii),
                    maxCells: maxCells, hints: Hints.stackReport
                ).write(analysis))
        }
        return CommandResult()
    }

    /// The stack that `--input`, `--in-channels` and the `--layer`s describe, analysed (shared
    /// with `derive --layer`).
    static func analysis(_ arguments: ParsedArguments, letters: [String], maxTerms: Int = 2_000_000)
        throws(UsageError) -> StackAnalysis
    {
        let inputText = try arguments.required(Options.input, example: "32x32")
        let input: [Int]
        do {
            input = try FlagValues.integers(inputText)
        } catch {
            throw UsageError(flag: "input", error.rule)
        }
        var channels = 1
        if let text = arguments.value(Options.inChannels) {
            channels = try AxisListParser.single(text, flag: "in-channels")
        }
        let texts = arguments.values(Options.stackLayer)
        guard !texts.isEmpty else {
            throw UsageError(
                flag: "layer",
                "is required at least once, for example --layer \"--kernel 3 --padding 1\"")
        }
        let limits = try LayerOptions.limits(arguments)
        var layers: [Layer] = []
        var size = input
        for (index, text) in texts.enumerated() {
            let layer = try Self.layer(text, number: index + 1, input: size, channels: channels)
            layers.append(layer)
            size = layer.outputSide.extents.sizes
            channels = layer.outputSide.channels
        }
        let stack: LayerStack
        do {
            stack = try LayerStack(layers)
        } catch {
            throw UsageError("--layer \(error.layer): --\(error.field.rawValue): \(error.message)")
        }
        do {
            return try StackAnalysis(stack, letters: letters, limits: limits, maxTerms: maxTerms)
        } catch let error as SpecificationError {
            throw UsageError(error)
        } catch let error as AnalysisError {
            guard case .composedTooLarge(let limit) = error else {
                throw UsageError(flag: "max-memory", error.description)
            }
            throw UsageError(limit)
        } catch {
            throw UsageError("\(error)")
        }
    }

    /// Layer `number` of the stack from its flags, reading `input` with `channels`.
    static func layer(_ text: String, number: Int, input: [Int], channels: Int) throws(UsageError)
        -> Layer
    {
        func fail(_ error: UsageError) -> UsageError {
            UsageError("--layer \(number): \(error.message)")
        }
        let tokens = text.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }).map(
            String.init)
        let known = Set(layerFlags.map(\.name))
        for token in tokens where token.hasPrefix("--") {
            let name = String(token.dropFirst(2).prefix { $0 != "=" })
            if name == "input" {
                throw fail(
                    UsageError(
                        flag: "input",
                        "is given once for the stack, before the layers; each layer reads the previous layer's output"
                    ))
            }
            if !known.contains(name) {
                let names = layerFlags.map { "--" + $0.name }.joined(separator: ", ")
                throw fail(
                    UsageError("unknown option '--\(name)' in a layer; a layer takes \(names)"))
            }
        }
        let own: ParsedArguments
        do {
            own = try ParsedArguments(tokens, allowed: layerFlags, command: "compose --layer")
        } catch {
            throw fail(error)
        }
        if let given = own.value(Options.inChannels) {
            let value: Int
            do {
                value = try AxisListParser.single(given, flag: "in-channels")
            } catch {
                throw fail(error)
            }
            guard value == channels else {
                let from =
                    number == 1
                    ? "the stack's --in-channels" : "the output channels of layer \(number - 1)"
                throw fail(
                    UsageError(flag: "in-channels", "must be \(channels) (\(from)), got \(value)"))
            }
        }
        var full = tokens
        if own.value(Options.inChannels) == nil { full += ["--in-channels", String(channels)] }
        full += ["--input", input.map(String.init).joined(separator: "x")]
        do throws(UsageError) {
            let parsed = try ParsedArguments(
                full, allowed: layerFlags + [Options.input], command: "compose --layer")
            return try LayerOptions.analyzedLayer(parsed)
        } catch {
            throw fail(error)
        }
    }
}
