import ConvMatrix

/// `convmatrix frameworks`: a layer in one framework's words, in all five, proven equal by their
/// matrices.
struct FrameworksCommand: ConsoleCommand {
    let name = "frameworks"
    let abstract =
        "Give a layer in PyTorch, TensorFlow, Keras, JAX and ONNX, and prove each equal by its matrix."
    let discussion = """
        --from names the framework; the layer's parameters follow under that API's own names
        (PyTorch --stride --padding --output_padding --dilation; TensorFlow --strides --padding
        --output_shape --dilations; Keras --strides --padding --output_padding --dilation_rate;
        JAX --strides --padding --rhs_dilation --transpose_kernel --use_consistent_padding;
        ONNX --strides --pads --auto_pad --dilations --output_padding --output_shape).
        Per-axis values are joined by x (2x2) or commas; explicit pairs are lo:hi (1:2x0:1).
        For each framework: the exact equivalent, or the equivalent plus the smallest pad before
        and crop after, or why it has none. Each answer's matrix is rebuilt from that framework's
        own padding and output-size rules and compared entry by entry with the layer's; exit code
        1 when one differs. A transposed layer also lists its valid output sizes and what
        selects each. Without --from, the layer takes convmatrix's own flags (--stride,
        --padding p or before:after, --dilation, --transposed, --output-padding: PyTorch's
        conventions, as in the other commands). See docs/frameworks.md.

        EXAMPLES:
          convmatrix frameworks --transposed --input 3x3 --kernel 3x3 --stride 2 --padding 1 --output-padding 1
          convmatrix frameworks --from keras --transposed --input 4 --kernel 3 --strides 2 --padding same --output_padding 1
          convmatrix frameworks --from tensorflow --transposed --input 3x3 --kernel 3x3 --strides 2 --padding SAME --output_shape 6x6
          convmatrix frameworks --from jax --transposed --input 4 --kernel 3 --strides 2 --padding SAME --transpose_kernel true
          convmatrix frameworks --from onnx --input 5x5 --kernel 3x3 --strides 2 --auto_pad SAME_UPPER --format json
        """
    let options =
        [Options.from, Options.transposed, Options.input, Options.kernel] + Options.apiParameters
        + [
            Options.outputPadding, Options.sameRule, Options.flip, Options.frameworksFormat,
            Options.ascii, Options.maxMemory, Options.quiet,
        ]

    /// `--format` of this command.
    enum Format: String {
        case text, markdown, json
    }

    func run(
        _ arguments: ParsedArguments, output: inout some TextOutputStream, console: Console
    ) throws(UsageError) -> CommandResult {
        let format = try arguments.choice(Options.frameworksFormat, default: Format.text)
        let limits = try LayerOptions.limits(arguments)
        let comparison: FrameworkComparison
        let progress = progressLine(arguments, console: console)
        defer { progress.end() }
        do {
            if arguments.value(Options.from) == nil {
                comparison = try FrameworkComparison(
                    try FrameworksOptions.ownLayer(arguments), limits: limits,
                    progress: progress.sink)
            } else {
                let layer = try FrameworksOptions.layer(arguments)
                let input = try FrameworksOptions.axisIntegers(
                    try arguments.required(Options.input, example: "5x5"), flag: "input")
                let kernel = try FrameworksOptions.axisIntegers(
                    try arguments.required(Options.kernel, example: "3x3"), flag: "kernel")
                comparison = try FrameworkComparison(
                    layer, input: input, kernel: kernel, limits: limits, progress: progress.sink)
            }
        } catch let error as UsageError {
            throw error
        } catch let error as FrameworkComparisonError {
            switch error {
            case .rule(let rule): throw UsageError(flag: rule.parameter, rule.message)
            case .budget(let budget): throw UsageError(budget)
            }
        } catch {
            throw UsageError("\(error)")
        }
        switch format {
        case .text:
            output.write(
                FrameworksTextWriter.write(comparison, ascii: arguments.has(Options.ascii)))
        case .markdown: output.write(FrameworksMarkdownWriter.write(comparison))
        case .json: output.write(FrameworksJSONWriter.write(comparison))
        }
        var result = CommandResult(exitCode: comparison.holds ? 0 : 1)
        result.warnings = FrameworksTextWriter.runtimeWarnings(comparison).map { "warning: \($0)" }
        if !comparison.holds {
            result.warnings.append(
                "error: a translation's matrix differs from the layer's; please report this layer")
        }
        return result
    }
}
