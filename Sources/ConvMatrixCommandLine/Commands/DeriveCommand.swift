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
          convmatrix derive --input 6 --layer "--kernel 3 --padding 1" --layer "--kernel 3 --stride 2"
        """
    let options =
        Options.layer + [
            Options.names, Options.deriveFormat, Options.standalone, Options.lang,
            Options.maxRows, Options.maxCols, Options.maxTerms, Options.maxMemory,
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
        let names = try arguments.symbolNames()
        let options = DerivationOptions(
            names: names, gradientName: format == .text ? "δ" : "\\delta",
            maxRows: try NotesOptions.elisionLimit(arguments, Options.maxRows),
            maxColumns: try NotesOptions.elisionLimit(arguments, Options.maxCols),
            maxTerms: try NotesOptions.elisionLimit(arguments, Options.maxTerms, default: 4),
            limits: try LayerOptions.limits(arguments))
        let derivation: Derivation
        do {
            derivation = try Derivation(conv, options: options)
        } catch {
            throw UsageError(error)
        }
        let renderer = DerivationRenderer(
            format: format, language: language, standalone: standalone)
        if format == .latex && !standalone {
            // Where the fragment came from: the command line, written by the command line.
            output.write("% \(CommandLineRecord.line(name, arguments))\n")
        }
        output.write(
            renderer.render(
                derivation, layer: LayerDescription.describe(conv, style: TextStyle(ascii: false))))
        return CommandResult()
    }
}

/// Checks for the options of the course-notes commands.
enum NotesOptions {
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
}
