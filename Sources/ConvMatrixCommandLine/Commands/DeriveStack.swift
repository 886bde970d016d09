import ConvMatrix

/// `convmatrix derive --input … --layer "…" --layer "…"`: the derivation of a stack of layers
/// (each layer's matrix, their product, the receptive field, the single convolution), written by
/// the library's ``ConvMatrixNotes/StackDerivationRenderer``. The layers are read as `compose` reads them.
enum DeriveStack {
    /// The flags of a single-layer derivation that a stack derivation does not take.
    static let singleLayerFlags = Options.layer.filter {
        $0.name != "input" && $0.name != "in-channels"
    }

    static func run(_ arguments: ParsedArguments, output: inout some TextOutputStream)
        throws(UsageError) -> CommandResult
    {
        for flag in singleLayerFlags where arguments.value(flag) != nil || arguments.has(flag) {
            throw UsageError(
                flag: flag.name, "goes inside a --layer when --layer describes a stack")
        }
        for flag in [
            Options.indexBase, Options.deriveStyle, Options.showZeros, Options.productOrder,
            Options.sections, Options.inputValues, Options.kernelValues, Options.bias, Options.seed,
            Options.figures, Options.figureFrame,
        ] where arguments.value(flag) != nil || arguments.has(flag) {
            throw UsageError(
                flag: flag.name, "applies to one layer's derivation, not to a stack (--layer)")
        }
        if arguments.value(Options.names) != nil {
            throw UsageError(
                flag: "names", "a stack names each layer's taps with its own letter (k, w, v, …)")
        }
        let standalone = arguments.has(Options.standalone)
        // --standalone asks for a LaTeX document, so it implies --format latex (as for a layer).
        let format = try arguments.choice(
            Options.deriveFormat, default: standalone ? DerivationRenderer.Format.latex : .text)
        if standalone && format != .latex {
            throw UsageError(
                flag: "standalone", "needs --format latex, got --format \(format.rawValue)")
        }
        let analysis = try ComposeCommand.analysis(
            arguments, letters: ComposedMatrix.defaultLetters)
        let language = try arguments.choice(Options.lang, default: NotesLanguage.en)
        var writer = StackDerivationRenderer(
            format: format, standalone: standalone,
            maxRows: try NotesOptions.elisionLimit(arguments, Options.maxRows),
            maxColumns: try NotesOptions.elisionLimit(arguments, Options.maxCols),
            language: language)
        writer.memoryBudgetHint = Hints.stackMemory
        output.write(writer.render(analysis, letters: ComposedMatrix.defaultLetters))
        return CommandResult()
    }
}
