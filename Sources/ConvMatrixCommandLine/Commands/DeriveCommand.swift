import ConvMatrix

/// `convmatrix derive`: the whole derivation of a layer, as LaTeX, Markdown or text.
struct DeriveCommand: Command {
    let name = "derive"
    let abstract = "Write the derivation of U, T = Uᵀ and the backward pass as a document."
    let discussion = """
        Walks through the layer step by step: input grid I, flattened X, output size,
        kernel placements, U, O = X·U, T = Uᵀ and its output size, C = O·T, the equivalent direct
        convolution of T, and the backward formulas dE/dX = δ·T and dE/dk = M(x)ᵀ·δ.
        Matrices larger than --max-rows × --max-cols show their first and last rows and columns
        with \\cdots, \\vdots, \\ddots, and the document states their true size.

        EXAMPLES:
          convmatrix derive --input 5x5 --kernel 3x3 --stride 2 --format latex --standalone > conv.tex
          convmatrix derive --input 5x5 --kernel 3x3 --stride 2 --format markdown --lang es
          convmatrix derive --input 3x3 --kernel 2x2 --style equations --names x,w,y --index-base 1 --show-zeros
          convmatrix derive --input 6 --layer "--kernel 3 --padding 1" --layer "--kernel 3 --stride 2"

        --style equations writes the forward pass as one equation per output, the gradient of
        each weight and each input by the chain rule, and the compact forms (correlation with δ,
        full convolution with the kernel rotated 180°) for this layer's stride, padding and
        dilation. --sections picks sections by name: layer, inputGrid, flattened, outputSize,
        placements, unrolled, forward, transposed, connectivity, equivalent, backward
        (matrices); layer, forwardEquations, kernelGradientEquations, inputGradientEquations,
        compactForms (equations).
        """
    let options =
        Options.layer + [
            Options.names, Options.deriveFormat, Options.standalone, Options.lang,
            Options.maxRows, Options.maxCols, Options.maxTerms, Options.maxMemory,
            Options.indexBase, Options.deriveStyle, Options.showZeros, Options.productOrder,
            Options.sections, Options.inputValues, Options.kernelValues, Options.bias, Options.seed,
            Options.figures, Options.figureFrame, Options.frameworksSection,
        ] + [Options.stackLayer]

    func run(_ arguments: ParsedArguments, output: inout some TextOutputStream) throws(UsageError)
        -> CommandResult
    {
        // A stack of layers (--layer "…" repeated): its own derivation, as compose reads it.
        if !arguments.values(Options.stackLayer).isEmpty {
            return try DeriveStack.run(arguments, output: &output)
        }
        let conv = try LayerOptions.convolutionOrForward(arguments)
        let standalone = arguments.has(Options.standalone)
        // --standalone asks for a LaTeX document, so it implies --format latex.
        let format = try arguments.choice(
            Options.deriveFormat,
            default: standalone ? DerivationRenderer.Format.latex : .text)
        let language = try arguments.choice(Options.lang, default: NotesLanguage.en)
        if standalone && format != .latex {
            throw UsageError(
                flag: "standalone",
                "writes a LaTeX document, which --format \(format.rawValue) is not")
        }
        let style = try arguments.choice(Options.deriveStyle, default: DeriveStyle.matrices)
        let options = try NotesOptions.derivation(
            arguments, conv: conv, format: format, style: style)
        var derivation: Derivation
        do {
            derivation =
                style == .equations
                ? try Derivation(equationsFor: conv, options: options)
                : try Derivation(conv, options: options)
        } catch {
            throw UsageError(error)
        }
        derivation = try NotesOptions.sections(arguments, of: derivation, style: style)
        let renderer = DerivationRenderer(
            format: format, language: language, standalone: standalone)
        var document = try DeriveFigures.attach(
            to: renderer.render(
                derivation, layer: LayerDescription.describe(conv, style: TextStyle(ascii: false))),
            conv: conv, format: format, language: language, standalone: standalone,
            arguments: arguments)
        if arguments.has(Options.frameworksSection) {
            document = try FrameworksOptions.appendSection(
                to: document, conv, format: format, language: language,
                number: derivation.sections.count + 1, limits: options.limits)
        }
        if format == .latex && !standalone {
            // Where the fragment came from: the command line, written by the command line.
            output.write("% \(CommandLineRecord.line(name, arguments))\n")
        }
        output.write(document)
        return CommandResult()
    }
}

/// Checks for the options of the course-notes commands.
enum NotesOptions {
    /// The derivation's options from the flags: names, limits, budget, zeros, values, order.
    static func derivation(
        _ arguments: ParsedArguments, conv: Convolution, format: DerivationRenderer.Format,
        style: DeriveStyle
    ) throws(UsageError) -> DerivationOptions {
        let names = try arguments.symbolNames()
        let order = try arguments.choice(Options.productOrder, default: ProductOrder.inputFirst)
        if style != .equations {
            for option in [Options.showZeros] where arguments.has(option) {
                throw UsageError(flag: option.name, "needs --style equations")
            }
        }
        var options = DerivationOptions(
            names: names, gradientName: format == .text ? "δ" : "\\delta",
            maxRows: try NotesOptions.elisionLimit(arguments, Options.maxRows),
            maxColumns: try NotesOptions.elisionLimit(arguments, Options.maxCols),
            maxTerms: try NotesOptions.elisionLimit(arguments, Options.maxTerms, default: 4),
            limits: try LayerOptions.limits(arguments))
        options.showZeros = arguments.has(Options.showZeros)
        options.values = try NotesOptions.values(arguments, conv: conv)
        options.inputFirst = order == .inputFirst
        return options
    }

    /// `derivation` cut to the sections `--sections` names (any case), or whole.
    static func sections(
        _ arguments: ParsedArguments, of derivation: Derivation, style: DeriveStyle
    )
        throws(UsageError) -> Derivation
    {
        guard let text = arguments.value(Options.sections) else { return derivation }
        let known = derivation.sections.map(\.kind.rawValue)
        // Section names are convmatrix's words: any case (inputgrid is inputGrid).
        let wanted = text.split(separator: ",", omittingEmptySubsequences: false).map {
            OptionDefinition.word(String($0), among: known) ?? String($0)
        }
        for name in wanted where !known.contains(name) {
            throw UsageError(
                flag: "sections",
                "'\(name)' is not a section of --style \(style.rawValue); choose from \(known.joined(separator: ", "))"
            )
        }
        return Derivation(
            sections: derivation.sections.filter { wanted.contains($0.kind.rawValue) },
            names: derivation.names)
    }

    /// `--max-rows`, `--max-cols`, `--max-terms`: a whole number ≥ 3, `fallback` when absent.
    static func elisionLimit(
        _ arguments: ParsedArguments, _ option: OptionDefinition, default fallback: Int = 12
    ) throws(UsageError) -> Int {
        guard let text = arguments.value(option) else { return fallback }
        let value = try AxisListParser.single(text, flag: option.name)
        guard value >= 3 else {
            throw UsageError(
                flag: option.name,
                "must be ≥ 3 (a head, an elision, a tail), got \(value)")
        }
        return value
    }

    /// `--input-values`, `--kernel-values` and `--bias` together, or nil (symbolic only).
    static func values(_ arguments: ParsedArguments, conv: Convolution) throws(UsageError)
        -> LayerValues?
    {
        let given = [Options.inputValues, Options.kernelValues, Options.bias].filter {
            arguments.value($0) != nil
        }
        guard !given.isEmpty else { return nil }
        var generator = SplitMix64(seed: try ValueOptions.seed(arguments))
        let kernel = try ValueOptions.requiredKernelValues(
            arguments, layout: conv.kernelLayout, generator: &generator,
            or: UsageError(
                flag: given[0].name, "needs --kernel-values too, to compute O = X·U in numbers"))
        guard arguments.value(Options.inputValues) != nil else {
            throw UsageError(
                flag: given[0].name, "needs --input-values too, to compute O = X·U in numbers")
        }
        let input = try ValueOptions.inputValues(
            arguments, channels: conv.inChannels, extents: conv.inputExtents, generator: &generator)
        let bias = try ValueOptions.bias(
            arguments, channels: conv.outChannels, generator: &generator)
        return LayerValues(input: input.values, kernel: kernel.values, bias: bias?.values)
    }
}
