import ConvMatrix

extension ApplyCommand {
    /// `apply --input-values …`: the output in numbers, `O = X·U + b` (or `C = O·T + b` with
    /// `--transpose`, the transposed convolution of values on the output grid).
    func runWithValues(
        _ arguments: ParsedArguments, layer: Layer, render: RenderOptions,
        transposed: Bool, output: inout some TextOutputStream
    ) throws(UsageError) -> CommandResult {
        // Every case is a product with one convolution's U: a transposed layer is Uᵀ of its
        // forward convolution, and --transpose goes the other way.
        let conv: Convolution
        let through: Bool
        switch layer {
        case .convolution(let convolution): (conv, through) = (convolution, transposed)
        case .transposed(let layer):
            if layer.forwardHasExtraOutputs {
                throw UsageError(
                    flag: "output-padding",
                    "an output padding ≥ the stride (allowed below the dilation) is not supported with --input-values"
                )
            }
            (conv, through) = (layer.forward, !transposed)
        }
        guard let writer = render.valueWriter else {
            throw UsageError(
                flag: "format",
                "with --input-values use text, latex or json, got \(render.format.rawValue)")
        }
        var generator = SplitMix64(seed: try ValueOptions.seed(arguments))
        let kernel = try ValueOptions.requiredKernelValues(
            arguments, layout: conv.kernelLayout, generator: &generator,
            or: UsageError(
                flag: "input-values",
                "needs --kernel-values (or --average-pool) to compute the output in numbers"))
        // The product's own sides: `--transpose` maps the layer's outputs back to its inputs.
        let (from, to) =
            transposed ? (layer.outputSide, layer.inputSide) : (layer.inputSide, layer.outputSide)
        let input = try ValueOptions.inputValues(
            arguments, channels: from.channels, extents: from.extents, generator: &generator)
        let bias = try ValueOptions.bias(arguments, channels: to.channels, generator: &generator)
        // Computed from the definition (gather or scatter), without U: one multiply-add per
        // entry of U, and only the tensors kept.
        let result: ValueTensor
        do {
            result = try conv.evaluateDirect(
                values: LayerValues(input: input.values, kernel: kernel.values, bias: bias?.values),
                direction: through ? .transposed : .forward)
        } catch {
            throw UsageError(flag: "input-values", "\(error)")
        }
        let outExtents = through ? conv.inputExtents : conv.outputExtents
        let s = render.style
        let o = render.names.output
        let plus = bias == nil ? "" : " + b"
        let exact = result.isExact ? ", exactly" : ""
        let grid = s.sizes(outExtents.sizes)
        let title: String
        switch (layer, transposed) {
        case (.convolution, false):
            title = "\(o) = X\(s.dot)U\(plus) on the \(grid) output grid, in numbers\(exact):"
        case (.convolution, true):
            title =
                "C = \(o)\(s.dot)T\(plus) on a \(grid) grid the size of the input, in numbers\(exact): the transposed convolution of the values."
        case (.transposed, false):
            title =
                "C = \(o)\(s.dot)T\(plus) on the \(grid) output grid of the transposed convolution, in numbers\(exact):"
        case (.transposed, true):
            title =
                "\(o) = C\(s.dot)U\(plus) on a \(grid) grid the size of the input, in numbers\(exact): the convolution of the values."
        }
        writer.write(
            result, channels: result.shape[0], extents: outExtents,
            title: [
                title,
                "\(LayerMatrix(layer, convention: .column, transposed: transposed).layerKind): \(LayerDescription.describe(layer, style: s))",
            ], to: &output)
        return CommandResult()
    }

    /// `apply --max-pool --input-values …`: the output, and the selection matrix S with y = S·x.
    func runMaxPool(_ arguments: ParsedArguments, output: inout some TextOutputStream)
        throws(UsageError) -> CommandResult
    {
        let conv = try MaxPoolOutput.layer(arguments)
        let render = try RenderOptions(arguments, formats: Self.formats)
        guard let writer = render.valueWriter else {
            throw UsageError(
                flag: "format",
                "with --max-pool use text, latex or json, got \(render.format.rawValue)")
        }
        if arguments.has(Options.transpose) || arguments.value(Options.bias) != nil {
            throw UsageError(
                flag: arguments.has(Options.transpose) ? "transpose" : "bias",
                "does not go with --max-pool")
        }
        var generator = SplitMix64(seed: try ValueOptions.seed(arguments))
        let (selection, input) = try MaxPoolOutput.selection(
            arguments, conv: conv, limits: render.limits, generator: &generator)
        let values = selection.output(input.values)
        let exact = values.allSatisfy { $0.exact != nil }
        let result = ValueTensor(
            shape: [conv.outChannels] + conv.outputExtents.sizes,
            entries: exact ? .exact(values.compactMap(\.exact)) : .float(values.map(\.double)))
        let sExtents = Extents([selection.argmax.count, selection.inputCount]) ?? conv.inputExtents
        let s = render.style
        writer.write(
            result, channels: conv.outChannels, extents: conv.outputExtents,
            title: [
                "Max pooling: each output is its window's maximum, on the \(s.sizes(conv.outputExtents.sizes)) output grid.",
                "Pooling: \(LayerDescription.describe(conv, style: s))",
            ], to: &output)
        writer.write(
            selection: selection, extents: sExtents,
            lead:
                "At these values the layer is linear: y = S\(s.dot)x, with the selection matrix S (\(selection.argmax.count)×\(selection.inputCount), one row per output, a 1 at its window's maximum):",
            note: MaxPoolOutput.tieNote(selection), to: &output)
        return CommandResult()
    }
}
