import ConvMatrix

/// The one rule every command follows to read its layer: without `--transposed` the layer flags
/// describe a convolution (PyTorch's `Conv*d`); with `--transposed` (or its older spelling
/// `--transposed-layer`) they describe a transposed convolution (PyTorch's `ConvTranspose*d`),
/// its own input size, kernel, stride, padding, dilation and `--output-padding`.
extension LayerOptions {
    /// The layer the flags describe; its elements are counted against `--max-memory` unless
    /// `counted` is false (arithmetic only, as in `shape`).
    static func layer(_ arguments: ParsedArguments, counted: Bool = true) throws(UsageError)
        -> Layer
    {
        guard arguments.has(Options.transposed) else {
            return .convolution(try convolution(arguments, counted: counted))
        }
        return .transposed(try transposedLayer(arguments, counted: counted))
    }

    /// The transposed convolution the flags describe with `--transposed` (the core's
    /// ``LayerFlags`` refuses a padding mode, the TensorFlow same rule and average pooling).
    static func transposedLayer(_ arguments: ParsedArguments, counted: Bool = true)
        throws(UsageError) -> TransposedConvolution
    {
        try transposedConvolution(arguments, counted: counted)
    }

    /// For the commands that work through a convolution (`check`, `derive`, `draw`): the
    /// convolution described, or with `--transposed` the convolution the transposed layer is
    /// the transpose of, whose T section then shows the layer itself.
    static func convolutionOrForward(_ arguments: ParsedArguments) throws(UsageError)
        -> Convolution
    {
        guard arguments.has(Options.transposed) else { return try convolution(arguments) }
        let layer = try transposedLayer(arguments)
        guard !layer.forwardHasExtraOutputs else {
            throw UsageError(
                flag: "output-padding",
                "reaches the stride, so the layer is the transpose of only part of a convolution; this command shows whole convolutions (transpose and unroll --transposed show the layer)"
            )
        }
        return layer.forward
    }

    /// `--transposed` where a command reads a convolution only is a usage error (every command
    /// handles it, so this guards against a new one that forgets); `--output-padding` without
    /// `--transposed` is refused by ``ConvMatrixLayerFlags/LayerFlags``.
    static func refuseTransposedFlags(_ arguments: ParsedArguments) throws(UsageError) {
        if arguments.has(Options.transposed) {
            throw UsageError(flag: "transposed", "is not available for this command")
        }
    }
}
