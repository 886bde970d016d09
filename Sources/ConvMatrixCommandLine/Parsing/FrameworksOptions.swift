import ConvMatrix
import ConvMatrixLayerFlags

/// The options of `convmatrix frameworks`: `--from`, then the chosen API's own parameters under
/// their own names (`--output_padding`, `--dilation_rate`, `--auto_pad`), so that a layer is
/// typed as its framework's documentation writes it.
extension Options {
    static let from = OptionDefinition(
        name: "from", choices: Framework.self,
        help:
            "The framework whose words the layer is given in (default: ConvMatrix's own layer flags, PyTorch's conventions)."
    )
    /// `derive --frameworks`.
    static let frameworksSection = OptionDefinition(
        name: "frameworks", valueName: nil,
        help:
            "Add an \"In your framework\" section: the layer and its transpose in PyTorch, TensorFlow, Keras, JAX and ONNX."
    )
    static let frameworksFormat = OptionDefinition(
        name: "format", valueName: "<text|markdown|json>", help: "Output format (default text).")
    // The APIs' own parameter names.
    static let apiStride = OptionDefinition(
        name: "stride", valueName: "<s|sxs>", help: "PyTorch, and without --from: stride.")
    static let apiStrides = OptionDefinition(
        name: "strides", valueName: "<s|sxs>", help: "TensorFlow, Keras, JAX, ONNX: strides.")
    static let apiWindowStrides = OptionDefinition(
        name: "window_strides", valueName: "<s|sxs>",
        help: "JAX conv_general_dilated: window_strides (the same as --strides).")
    static let apiPadding = OptionDefinition(
        name: "padding", valueName: "<…>",
        help:
            "PyTorch: p|pxp|same|valid; TensorFlow: SAME|VALID|b:axb:a (2-D); Keras: same|valid|causal; JAX: SAME|SAME_LOWER|VALID|lo:hixlo:hi; without --from: p|b:a per axis|valid|same|full."
    )
    static let apiOutputPadding = OptionDefinition(
        name: "output_padding", valueName: "<a|axa|None>",
        help: "PyTorch, Keras, ONNX (transposed): output_padding.")
    static let apiDilation = OptionDefinition(
        name: "dilation", valueName: "<d|dxd>", help: "PyTorch, and without --from: dilation.")
    static let apiDilations = OptionDefinition(
        name: "dilations", valueName: "<d|dxd>", help: "TensorFlow, ONNX: dilations.")
    static let apiDilationRate = OptionDefinition(
        name: "dilation_rate", valueName: "<d|dxd>", help: "Keras: dilation_rate.")
    static let apiRHSDilation = OptionDefinition(
        name: "rhs_dilation", valueName: "<d|dxd>", help: "JAX: rhs_dilation.")
    static let apiOutputShape = OptionDefinition(
        name: "output_shape", valueName: "<o|oxo>",
        help: "TensorFlow, ONNX (transposed): output_shape, its spatial sizes.")
    static let apiTransposeKernel = OptionDefinition(
        name: "transpose_kernel", valueName: "<true|false>",
        help: "JAX conv_transpose: transpose_kernel (default false).")
    static let apiUseConsistentPadding = OptionDefinition(
        name: "use_consistent_padding", valueName: "<true|false>",
        help: "JAX conv_transpose: pairs are the forward padding (default false).")
    static let apiPads = OptionDefinition(
        name: "pads", valueName: "<b1,b2,…,e1,e2,…>",
        help: "ONNX: pads, all begins then all ends.")
    static let apiAutoPad = OptionDefinition(
        name: "auto_pad", choices: ONNXLayer.AutoPad.self, help: "ONNX: auto_pad."
    )

    /// Every API parameter the command accepts (each framework takes some of them). Their
    /// words are the APIs' own (``OptionDefinition/Vocabulary/framework``): the parser leaves
    /// their case alone, and each framework's rules below read them.
    static let apiParameters = [
        apiStride, apiStrides, apiWindowStrides, apiPadding, apiOutputPadding, apiDilation,
        apiDilations,
        apiDilationRate, apiRHSDilation, apiOutputShape, apiTransposeKernel,
        apiUseConsistentPadding, apiPads, apiAutoPad,
    ].map { parameter in
        var parameter = parameter
        parameter.vocabulary = .framework
        return parameter
    }
}

/// Reads a layer given in one framework's own words.
enum FrameworksOptions {
    /// `derive --frameworks`: `document` with the "In your framework" section appended.
    static func appendSection(
        to document: String, _ convolution: Convolution, format: DerivationRenderer.Format,
        language: NotesLanguage, number: Int, limits: ResourceLimits
    ) throws(UsageError) -> String {
        do {
            return try FrameworksSection(convolution, limits: limits).appended(
                to: document, format: format, language: language, number: number)
        } catch {
            throw UsageError(error)
        }
    }

    /// The parameters each framework's API has, by option name.
    static func parameters(of framework: Framework) -> [OptionDefinition] {
        switch framework {
        case .pytorch:
            [Options.apiStride, Options.apiPadding, Options.apiOutputPadding, Options.apiDilation]
        case .tensorflow:
            [Options.apiStrides, Options.apiPadding, Options.apiOutputShape, Options.apiDilations]
        case .keras:
            [
                Options.apiStrides, Options.apiPadding, Options.apiOutputPadding,
                Options.apiDilationRate,
            ]
        case .jax:
            [
                Options.apiStrides, Options.apiWindowStrides, Options.apiPadding,
                Options.apiRHSDilation,
                Options.apiTransposeKernel, Options.apiUseConsistentPadding,
            ]
        case .onnx:
            [
                Options.apiStrides, Options.apiPads, Options.apiDilations, Options.apiAutoPad,
                Options.apiOutputPadding, Options.apiOutputShape,
            ]
        }
    }

    /// What a framework calls a parameter another framework names `name`.
    static func counterpart(of name: String, in framework: Framework) -> String? {
        let families: [[Framework: String]] = [
            [
                .pytorch: "stride", .tensorflow: "strides", .keras: "strides", .jax: "strides",
                .onnx: "strides",
            ],
            [
                .pytorch: "stride", .tensorflow: "strides", .keras: "strides",
                .jax: "window_strides", .onnx: "strides",
            ],
            [
                .pytorch: "dilation", .tensorflow: "dilations", .keras: "dilation_rate",
                .jax: "rhs_dilation", .onnx: "dilations",
            ],
            [
                .pytorch: "padding", .tensorflow: "padding", .keras: "padding", .jax: "padding",
                .onnx: "pads or --auto_pad",
            ],
            [
                .pytorch: "output_padding", .tensorflow: "output_shape", .keras: "output_padding",
                .jax: "padding", .onnx: "output_padding",
            ],
        ]
        let aliases = ["pads": "padding", "auto_pad": "padding", "output_shape": "output_padding"]
        let key = aliases[name] ?? name
        for family in families where family.values.contains(key) || family.values.contains(name) {
            return family[framework]
        }
        return nil
    }

    /// The parameters that belong to one framework's API only (not to ConvMatrix's layer flags).
    static let apiOnly = Options.apiParameters.filter {
        !["stride", "padding", "dilation"].contains($0.name)
    }

    /// The layer without `--from`: ConvMatrix's own layer flags (PyTorch's conventions, any
    /// padding before:after), as its axes.
    static func ownLayer(_ arguments: ParsedArguments) throws(UsageError) -> FrameworkGeometry {
        for option in apiOnly where arguments.value(option) != nil {
            throw UsageError(
                flag: option.name,
                "is a framework's parameter: add --from <framework> (without --from the layer takes convmatrix's flags --stride, --padding, --dilation, --transposed, --output-padding)"
            )
        }
        switch try LayerOptions.layer(arguments) {
        case .convolution(let convolution): return FrameworkGeometry(convolution)
        case .transposed(let transposed): return FrameworkGeometry(transposed)
        }
    }

    /// The layer from `--from`, `--transposed` and the API parameters.
    static func layer(_ arguments: ParsedArguments) throws(UsageError) -> FrameworkLayer {
        let text = try arguments.required(Options.from, example: "pytorch")
        for option in [Options.outputPadding, Options.sameRule, Options.flip]
        where arguments.has(option) || arguments.value(option) != nil {
            throw UsageError(
                flag: option.name,
                "is convmatrix's own layer flag; with --from, give the framework's parameters (\(option.name == "output-padding" ? "--output_padding or --output_shape" : "see 'convmatrix frameworks --help'"))"
            )
        }
        guard let framework = Framework(rawValue: text.lowercased()) else {
            throw UsageError(
                flag: "from", "expected pytorch, tensorflow, keras, jax or onnx, got '\(text)'")
        }
        let own = Set(parameters(of: framework).map(\.name))
        for option in Options.apiParameters
        where arguments.value(option) != nil && !own.contains(option.name) {
            let hint =
                counterpart(of: option.name, in: framework).map { " (its parameter is --\($0))" }
                ?? ""
            throw UsageError(
                flag: option.name,
                "\(framework.displayName) has no parameter '\(option.name)'\(hint); its parameters are \(parameters(of: framework).map { "--\($0.name)" }.joined(separator: ", "))"
            )
        }
        let direction: FrameworkDirection =
            arguments.has(Options.transposed) ? .transposed : .forward
        switch framework {
        case .pytorch:
            return .pytorch(
                PyTorchLayer(
                    direction: direction, stride: try integers(arguments, Options.apiStride) ?? [1],
                    padding: try torchPadding(arguments),
                    outputPadding: try integers(arguments, Options.apiOutputPadding),
                    dilation: try integers(arguments, Options.apiDilation) ?? [1]))
        case .tensorflow:
            return .tensorflow(
                TensorFlowLayer(
                    direction: direction,
                    strides: try integers(arguments, Options.apiStrides) ?? [1],
                    padding: try tensorflowPadding(arguments),
                    outputShape: try integers(arguments, Options.apiOutputShape),
                    dilations: try integers(arguments, Options.apiDilations) ?? [1]))
        case .keras:
            var outputPadding: [Int]?
            if let value = arguments.value(Options.apiOutputPadding), value != "None" {
                outputPadding = try integers(arguments, Options.apiOutputPadding)
            }
            let word = arguments.value(Options.apiPadding) ?? "valid"
            guard let padding = KerasLayer.Padding(rawValue: word.lowercased()) else {
                throw UsageError(
                    flag: "padding", "Keras takes same, valid or causal, got '\(word)'")
            }
            return .keras(
                KerasLayer(
                    direction: direction,
                    strides: try integers(arguments, Options.apiStrides) ?? [1],
                    padding: padding, outputPadding: outputPadding,
                    dilationRate: try integers(arguments, Options.apiDilationRate) ?? [1]))
        case .jax:
            if arguments.value(Options.apiStrides) != nil
                && arguments.value(Options.apiWindowStrides) != nil
            {
                throw UsageError(
                    flag: "window_strides", "give --strides or --window_strides, not both")
            }
            if direction == .transposed && arguments.value(Options.apiWindowStrides) != nil {
                throw UsageError(
                    flag: "window_strides", "conv_transpose calls it strides (--strides)")
            }
            var strides = try integers(arguments, Options.apiStrides)
            if strides == nil { strides = try integers(arguments, Options.apiWindowStrides) }
            return .jax(
                JAXLayer(
                    direction: direction, strides: strides ?? [1],
                    padding: try jaxPadding(arguments),
                    rhsDilation: try integers(arguments, Options.apiRHSDilation) ?? [1],
                    transposeKernel: try bool(arguments, Options.apiTransposeKernel),
                    useConsistentPadding: try bool(arguments, Options.apiUseConsistentPadding)))
        case .onnx:
            let word = arguments.value(Options.apiAutoPad) ?? "NOTSET"
            guard let autoPad = ONNXLayer.AutoPad(rawValue: word.uppercased()) else {
                throw UsageError(
                    flag: "auto_pad",
                    "expected NOTSET, SAME_UPPER, SAME_LOWER or VALID, got '\(word)'")
            }
            return .onnx(
                ONNXLayer(
                    direction: direction,
                    strides: try integers(arguments, Options.apiStrides) ?? [1],
                    pads: try integers(arguments, Options.apiPads),
                    dilations: try integers(arguments, Options.apiDilations) ?? [1],
                    autoPad: autoPad,
                    outputPadding: try integers(arguments, Options.apiOutputPadding),
                    outputShape: try integers(arguments, Options.apiOutputShape)))
        }
    }

    /// A list of integers written `2`, `2x2` or `2,2`.
    static func integers(_ arguments: ParsedArguments, _ option: OptionDefinition)
        throws(UsageError)
        -> [Int]?
    {
        guard let text = arguments.value(option) else { return nil }
        let normalised = String(text.map { $0 == "," ? "x" : $0 })
        return try axisIntegers(normalised, flag: option.name)
    }

    /// An axis list such as `5x5`, with the core's rule named for `flag`.
    static func axisIntegers(_ text: String, flag: String) throws(UsageError) -> [Int] {
        do {
            return try FlagValues.integers(text)
        } catch {
            throw UsageError(flag: flag, error.rule)
        }
    }

    /// `true` / `false` (also `True`, `False`, `1`, `0`); false when absent.
    static func bool(_ arguments: ParsedArguments, _ option: OptionDefinition) throws(UsageError)
        -> Bool
    {
        guard let text = arguments.value(option) else { return false }
        switch text.lowercased() {
        case "true", "1": return true
        case "false", "0": return false
        default: throw UsageError(flag: option.name, "expected true or false, got '\(text)'")
        }
    }

    static func torchPadding(_ arguments: ParsedArguments) throws(UsageError)
        -> PyTorchLayer.Padding
    {
        guard let text = arguments.value(Options.apiPadding) else { return .amounts([0]) }
        switch text.lowercased() {
        case "same": return .same
        case "valid": return .valid
        default:
            if text.contains(":") {
                throw UsageError(
                    flag: "padding",
                    "PyTorch's padding is symmetric (p on both sides), got '\(text)'; pad asymmetrically with torch.nn.functional.pad first"
                )
            }
            return .amounts(try axisIntegers(text, flag: "padding"))
        }
    }

    static func tensorflowPadding(_ arguments: ParsedArguments) throws(UsageError)
        -> TensorFlowLayer.Padding
    {
        guard let text = arguments.value(Options.apiPadding) else { return .valid }
        switch text.uppercased() {
        case "SAME": return .same
        case "VALID": return .valid
        default: return .explicit(try pairs(text))
        }
    }

    static func jaxPadding(_ arguments: ParsedArguments) throws(UsageError) -> JAXLayer.Padding {
        guard let text = arguments.value(Options.apiPadding) else { return .valid }
        switch text.uppercased() {
        case "SAME": return .same
        case "SAME_LOWER": return .sameLower
        case "VALID": return .valid
        default: return .pairs(try pairs(text))
        }
    }

    /// `lo:hi` per axis joined by `x` (a single `p` meaning `p:p`).
    static func pairs(_ text: String) throws(UsageError) -> [AxisPadding] {
        let spec: PaddingSpec
        do {
            spec = try FlagValues.padding(text)
        } catch {
            throw UsageError(flag: "padding", error.rule)
        }
        guard case .explicit(let pairs) = spec else {
            throw UsageError(
                flag: "padding", "expected lo:hi pairs per axis such as 1:2x0:1, got '\(text)'")
        }
        return pairs
    }
}
