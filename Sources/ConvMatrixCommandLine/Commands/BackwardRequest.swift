import ConvMatrix

/// What `backward` was asked: the layer (the forward convolution of a transposed one), its
/// sides, the values given and how to print, read and checked from the flags.
struct BackwardRequest {
    let conv: Convolution
    /// Whether the flags describe a transposed layer (its gradients are asked for).
    let transposedLayer: Bool
    let render: RenderOptions
    /// The layer's own input and output sides: a transposed layer reads the forward
    /// convolution's outputs.
    let inSide: (channels: Int, extents: Extents)
    let outSide: (channels: Int, extents: Extents)
    let input: TensorValues?
    let kernel: KernelValues?
    let delta: TensorValues?
    let biasGiven: Bool

    init(_ arguments: ParsedArguments, formats: [RenderOptions.Format]) throws(UsageError) {
        transposedLayer = arguments.has(Options.transposed)
        switch try LayerOptions.layer(arguments) {
        case .convolution(let convolution): conv = convolution
        case .transposed(let layer):
            if layer.forwardHasExtraOutputs {
                throw UsageError(
                    flag: "output-padding",
                    "an output padding ≥ the stride (allowed below the dilation) is not supported by backward"
                )
            }
            conv = layer.forward
        }
        render = try RenderOptions(arguments, formats: formats)
        let forward = (channels: conv.inChannels, extents: conv.inputExtents)
        let backward = (channels: conv.outChannels, extents: conv.outputExtents)
        inSide = transposedLayer ? backward : forward
        outSide = transposedLayer ? forward : backward
        var generator = SplitMix64(seed: try ValueOptions.seed(arguments))
        input = try ValueOptions.optionalInputValues(
            arguments, channels: inSide.channels, extents: inSide.extents, generator: &generator)
        kernel = try ValueOptions.kernelValues(
            arguments, layout: conv.kernelLayout, generator: &generator)
        delta = try ValueOptions.outputGradient(
            arguments, channels: outSide.channels, extents: outSide.extents, generator: &generator)
        // Read and checked as apply reads it; the gradients do not depend on it.
        biasGiven =
            try ValueOptions.bias(arguments, channels: outSide.channels, generator: &generator)
            != nil
        if render.gridWriter == nil && (input == nil || kernel == nil || delta == nil) {
            let missing = [
                input == nil ? "--input-values" : nil, kernel == nil ? "--kernel-values" : nil,
                delta == nil ? "--output-gradient" : nil,
            ].compactMap { $0 }
            throw UsageError(
                flag: "format",
                "json prints numbers: give \(missing.joined(separator: ", ")) (or 'random')")
        }
    }

    /// The gradients in numbers when δ is given, computed from the definition without U;
    /// zeros stand in for values a gradient does not use.
    func numbers() throws(UsageError) -> (
        input: ValueTensor, kernel: ValueTensor, bias: ValueTensor
    )? {
        guard let delta else { return nil }
        let values = LayerValues(
            input: input?.values
                ?? Array(
                    repeating: NumericValue(.zero), count: inSide.channels * inSide.extents.count),
            kernel: kernel?.values
                ?? Array(repeating: NumericValue(.zero), count: conv.kernelLayout.count),
            delta: delta.values)
        do {
            return try conv.backwardDirect(
                values: values, direction: transposedLayer ? .transposed : .forward)
        } catch {
            throw UsageError(flag: "output-gradient", "\(error)")
        }
    }

    /// Text opens with the layer and δ (LaTeX writes the grids alone).
    var preamble: [String] {
        let partial = render.ascii ? "d" : "∂"
        var lines = [
            "\(transposedLayer ? "Transposed convolution" : "Convolution"): \(LayerDescription.describe(conv, style: render.style))",
            delta == nil
                ? "δ = \(partial)E/\(partial)\(render.names.output), one symbol per output."
                : "δ = \(partial)E/\(partial)\(render.names.output) as given.",
        ]
        if biasGiven {
            lines.append(
                "The bias b is added after the products, so the gradients do not depend on it.")
        }
        return lines
    }

    /// One printed gradient: its title, which symbolic part it is, its numbers when they
    /// are printed instead, and its grid shape.
    typealias Section = (
        title: String, symbolic: GradientGrids.Part, numbers: ValueTensor?, channels: Int,
        extents: Extents
    )

    /// `∂E/∂x`, `∂E/∂w` and `∂E/∂b`, each in numbers when the values it needs are given.
    func sections(_ numeric: (input: ValueTensor, kernel: ValueTensor, bias: ValueTensor)?)
        -> [Section]
    {
        let s = render.style
        let n = render.names
        let partial = render.ascii ? "d" : "∂"
        return [
            (
                "\(partial)E/\(partial)\(n.input) = \(transposedLayer ? "U" : "T")\(s.dot)δ, shape \(s.sizes([inSide.channels] + inSide.extents.sizes))",
                .input, kernel != nil ? numeric?.input : nil, inSide.channels, inSide.extents
            ),
            (
                "\(partial)E/\(partial)\(n.kernel), shape \(s.sizes(conv.kernelLayout.shape))",
                .kernel, input != nil ? numeric?.kernel : nil,
                conv.kernelLayout.count / conv.kernelExtents.count, conv.kernelExtents
            ),
            (
                "\(partial)E/\(partial)b, shape \(outSide.channels)", .bias, numeric?.bias, 1,
                Extents([outSide.channels]) ?? conv.kernelExtents
            ),
        ]
    }
}
