import ConvMatrix

/// `convmatrix backward`: the gradients ∂E/∂x, ∂E/∂w and ∂E/∂b of a layer, symbolic or in
/// numbers, for a convolution or (with `--transposed`) a transposed convolution.
struct BackwardCommand: Command {
    /// The formats it writes.
    static let formats: [RenderOptions.Format] = [.text, .latex, .json]
    let name = "backward"
    let abstract = "Print the gradients ∂E/∂x, ∂E/∂w and ∂E/∂b, symbolic or in numbers."
    let discussion = """
        With δ = ∂E/∂y the gradient that arrives at the outputs, a convolution y = U·x + b has
        ∂E/∂x = Uᵀ·δ (the transposed convolution of δ), ∂E/∂w = M(x)ᵀ·δ (the correlation of x
        with δ) and ∂E/∂b = the sum of δ over each output channel. A transposed layer
        z = Uᵀ·x + b has ∂E/∂x = U·δ (the convolution of δ).

        Each gradient is in numbers when the values it needs are given (--output-gradient for
        all three, --kernel-values for ∂E/∂x, --input-values for ∂E/∂w), and symbolic (δ, x, w)
        otherwise. Exact values give exact rationals. --format json needs all three and prints
        {"input_gradient": {"shape": …, "values": …}, "kernel_gradient": …, "bias_gradient": …}
        with PyTorch's shapes: the kernel gradient is (out, in/groups, k…) for a convolution
        and (in, out/groups, k…) for a transposed one.

        EXAMPLES:
          convmatrix backward --input 3x3 --kernel 2x2 --names x,w,y --index-base 1
          convmatrix backward --input 5x5 --kernel 3x3 --input-values random --kernel-values random --output-gradient random --format json
          convmatrix backward --transposed --input 2x2 --kernel 3x3 --stride 2 --input-values 1,2,3,4 --kernel-values random --output-gradient random
        """
    let options =
        Options.layer + [
            Options.inputValues,
            Options.kernelValues, Options.bias, Options.outputGradient, Options.seed, Options.names,
            Options.indexBase, Options.format(Self.formats), Options.latexStyle, Options.ascii,
            Options.maxMemory,
            Options.maxPool,
        ]

    func run(_ arguments: ParsedArguments, output: inout some TextOutputStream) throws(UsageError)
        -> CommandResult
    {
        if arguments.has(Options.maxPool) { return try runMaxPool(arguments, output: &output) }
        let request = try BackwardRequest(arguments, formats: Self.formats)
        let numeric = try request.numbers()
        guard let grids = request.render.gridWriter, let numbers = request.render.valueWriter
        else {
            // JSON: numbers only, the three gradients in one object.
            if let numeric {
                output.write(
                    ValueTensorPrinting.gradientsJSON(
                        input: numeric.input, kernel: numeric.kernel, bias: numeric.bias) + "\n")
            }
            return CommandResult()
        }
        let gradient = try GradientGrids(
            request.conv, symbols: LayerSymbols(request.conv, names: request.render.names),
            transposed: request.transposedLayer, render: request.render,
            numbers: (
                input: request.kernel != nil && numeric != nil,
                kernel: request.input != nil && numeric != nil, bias: numeric != nil
            ))
        var preamble = request.preamble
        for section in request.sections(numeric) {
            let title = preamble + ["", "\(section.title):"]
            preamble = []
            if let values = section.numbers {
                numbers.write(
                    values, channels: section.channels, extents: section.extents, title: title,
                    to: &output)
            } else {
                grids.write(
                    try gradient.grids(
                        section.symbolic, channels: section.channels, extents: section.extents),
                    title: title, to: &output)
            }
        }
        return CommandResult()
    }

    /// `backward --max-pool`: ∂E/∂x = Sᵀ·δ routes each output's gradient to its window's
    /// maximum; max pooling has no weights and no bias.
    func runMaxPool(_ arguments: ParsedArguments, output: inout some TextOutputStream)
        throws(UsageError) -> CommandResult
    {
        if arguments.has(Options.transposed) {
            throw UsageError(flag: "transposed", "does not go with --max-pool")
        }
        let conv = try MaxPoolOutput.layer(arguments)
        let render = try RenderOptions(arguments, formats: Self.formats)
        var generator = SplitMix64(seed: try ValueOptions.seed(arguments))
        let (selection, _) = try MaxPoolOutput.selection(
            arguments, conv: conv, limits: render.limits, generator: &generator)
        let delta = try ValueOptions.outputGradient(
            arguments, channels: conv.outChannels, extents: conv.outputExtents,
            generator: &generator)
        let inputShape = [conv.inChannels] + conv.inputExtents.sizes
        guard let grids = render.gridWriter, let numbers = render.valueWriter else {
            // JSON: numbers only.
            guard let delta else {
                throw UsageError(
                    flag: "format", "json prints numbers: give --output-gradient (or 'random')")
            }
            let gradient = try Self.maxPoolGradient(selection, delta: delta, shape: inputShape)
            output.write("{\"input_gradient\": \(ValueTensorPrinting.json(gradient))}\n")
            return CommandResult()
        }
        let s = render.style
        let partial = render.ascii ? "d" : "∂"
        let title =
            "\(partial)E/\(partial)\(render.names.input) = S\(s.transposeMark)\(s.dot)δ, shape \(s.sizes(inputShape)): each output's gradient goes to its window's maximum"
        let preamble = [
            "Max pooling: \(LayerDescription.describe(conv, style: s))",
            MaxPoolOutput.tieNote(selection), "", "\(title):",
        ]
        if let delta {
            let gradient = try Self.maxPoolGradient(selection, delta: delta, shape: inputShape)
            numbers.write(
                gradient, channels: conv.inChannels, extents: conv.inputExtents, title: preamble,
                to: &output)
            return CommandResult()
        }
        let symbols = LayerSymbols(conv, names: render.names)
        let deltas = (0..<conv.outputCount).map { r in
            let o = symbols.output(r)
            return Symbol(render.gradientName, indices: o.indices, superscript: o.superscript)
        }
        grids.write(
            ExpressionGrids(
                selection.symbolicInputGradient(deltas), channels: conv.inChannels,
                extents: conv.inputExtents),
            title: preamble, to: &output)
        return CommandResult()
    }

    /// `∂E/∂x = Sᵀ·δ` of max pooling in numbers, shaped `shape`.
    static func maxPoolGradient(
        _ selection: MaxPoolSelection, delta: TensorValues, shape: [Int]
    ) throws(UsageError) -> ValueTensor {
        do {
            return ValueTensor(shape: shape, entries: try selection.inputGradient(delta.values))
        } catch {
            throw UsageError(flag: "output-gradient", "\(error)")
        }
    }
}
