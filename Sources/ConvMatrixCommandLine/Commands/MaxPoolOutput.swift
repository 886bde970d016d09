import ConvMatrix

extension Options {
    /// `--max-pool`: max pooling with the geometry of `--average-pool`.
    static let maxPool = OptionDefinition(
        name: "max-pool", valueName: nil,
        help:
            "Max pooling (needs --input-values): the 0/1 selection of each window's maximum, ties to the first as PyTorch; stride = kernel unless given."
    )
}

/// `apply --max-pool` and `backward --max-pool`: max pooling is linear once the input is
/// known (``MaxPoolSelection``).
enum MaxPoolOutput {
    /// The pooling layer: the layer flags with the geometry of average pooling (each channel
    /// pooled alone, stride = kernel unless given).
    static func layer(_ arguments: ParsedArguments) throws(UsageError) -> Convolution {
        if arguments.has(Options.averagePool) {
            throw UsageError(flag: "max-pool", "choose --max-pool or --average-pool, not both")
        }
        if arguments.value(Options.kernelValues) != nil {
            throw UsageError(
                flag: "kernel-values", "does not go with --max-pool, which has no weights")
        }
        var flags = try LayerOptions.flags(arguments)
        let conv: Convolution
        do {
            try flags.set(.averagePool, to: nil)
            conv = try flags.convolution()
        } catch {
            throw LayerOptions.usageError(error)
        }
        do {
            try MaxPoolSelection.checkPadding(conv)
        } catch {
            throw UsageError(flag: "padding", error.message)
        }
        return conv
    }

    /// The selection at the input values (required).
    static func selection(
        _ arguments: ParsedArguments, conv: Convolution, limits: ResourceLimits,
        generator: inout SplitMix64
    ) throws(UsageError) -> (MaxPoolSelection, TensorValues) {
        guard arguments.value(Options.inputValues) != nil else {
            throw UsageError(
                flag: "max-pool",
                "needs --input-values: which input is a window's maximum depends on the values")
        }
        let input = try ValueOptions.inputValues(
            arguments, channels: conv.inChannels, extents: conv.inputExtents, generator: &generator)
        do {
            let u = try conv.unrolled(limits: limits)
            try limits.checkDense(
                rows: conv.outputCount, columns: conv.inputCount, what: "the selection matrix S")
            return (try MaxPoolSelection(conv, u: u, input: input.values), input)
        } catch let error as SpecificationError {
            throw UsageError(error)
        } catch {
            throw UsageError(flag: "input-values", "\(error)")
        }
    }

    /// The sentence on ties, for text output.
    static func tieNote(_ selection: MaxPoolSelection) -> String {
        let tied = selection.tiedOutputs.count
        return tied == 0
            ? "No window holds its maximum twice. (Ties would go to the first maximum, row by row, as PyTorch breaks them.)"
            : "\(tied) window\(tied == 1 ? " holds" : "s hold") \(tied == 1 ? "its" : "their") maximum more than once: the first, row by row, is selected, as PyTorch breaks ties."
    }

    /// S as cells of 0 and 1, `outputs × inputs` (y = S·x).
    static func selectionCells(_ selection: MaxPoolSelection) -> [String] {
        var cells = [String](repeating: "0", count: selection.argmax.count * selection.inputCount)
        for (r, c) in selection.argmax.enumerated() { cells[r * selection.inputCount + c] = "1" }
        return cells
    }
}
