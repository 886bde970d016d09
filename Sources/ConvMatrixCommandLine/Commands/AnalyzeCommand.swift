import ConvMatrix

/// `convmatrix analyze`: what the matrix of one layer says — fans, unreached inputs, the
/// overlap of the transposed layer (the checkerboard), ranks, structure, spectrum, norm.
struct AnalyzeCommand: ConsoleCommand {
    let name = "analyze"
    let abstract =
        "Report what U says: fan-in/out, unreached inputs, checkerboard overlap, rank, structure, spectrum."
    let discussion = """
        Every claim is computed on the matrix that was built, or checked against it. Without
        --kernel-values only the pattern is analysed (fans, overlap, structural rank, structure);
        with values, also the rank at those values (exact over the rationals when it fits, else
        in Double with NumPy's tolerance), the singular values (one-sided Jacobi SVD up to
        --svd-limit; the DFT rule of Sedghi et al. for circular stride-1 layers) and the
        operator norm (power iteration on UᵀU). --transposed analyses a transposed
        convolution given by its own flags.

        EXAMPLES:
          convmatrix analyze --input 8x8 --kernel 3x3 --stride 2
          convmatrix analyze --transposed --input 4x4 --kernel 4x4 --stride 2 --padding 1
          convmatrix analyze --input 6x6 --kernel 3x3 --padding 1 --padding-mode circular --kernel-values random
        """
    let options =
        Options.layer + [
            Options.averagePool, Options.kernelValues, Options.seed, Options.exact, Options.svd,
            Options.svdLimit,
            Options.analysisFormat, Options.ascii, Options.maxMemory, Options.quiet,
        ]

    func run(
        _ arguments: ParsedArguments, output: inout some TextOutputStream, console: Console
    ) throws(UsageError) -> CommandResult {
        let layer = try LayerOptions.analyzedLayer(arguments)
        let format = try arguments.choice(Options.analysisFormat, default: ReportFormat.text)
        var options = LayerAnalysis.Options(limits: try LayerOptions.limits(arguments))
        if let text = arguments.value(Options.svdLimit) {
            options.svdLimit = try AxisListParser.single(text, flag: "svd-limit")
            guard options.svdLimit >= 1 else {
                throw UsageError(flag: "svd-limit", "must be ≥ 1, got \(options.svdLimit)")
            }
        }
        options.requireSVD = arguments.has(Options.svd)
        options.requireExact = arguments.has(Options.exact)
        var generator = SplitMix64(seed: try ValueOptions.seed(arguments))
        options.kernelValues = try ValueOptions.kernelValues(
            arguments, layout: layer.kernelLayout, generator: &generator)
        if options.kernelValues == nil {
            for flag in [Options.svd, Options.exact] where arguments.has(flag) {
                throw UsageError(flag: flag.name, "needs --kernel-values (numbers, or random)")
            }
        }
        let analysis: LayerAnalysis
        let progress = progressLine(arguments, console: console)
        defer { progress.end() }
        options.progress = progress.sink
        do {
            analysis = try LayerAnalysis(layer, options: options)
        } catch let error as SpecificationError {
            throw UsageError(error)
        } catch let error as AnalysisError {
            throw Self.usageError(error, arguments: arguments)
        } catch {
            throw UsageError("\(error)")
        }
        switch format {
        case .json: output.write(analysis.json.text + "\n")
        case .text, .markdown:
            output.write(
                LayerAnalysisWriter(
                    markdown: format == .markdown, ascii: arguments.has(Options.ascii)
                )
                .write(analysis))
        }
        return CommandResult()
    }

    /// The flag an analysis error is about.
    static func usageError(_ error: AnalysisError, arguments: ParsedArguments) -> UsageError {
        switch error {
        case .svdTooLarge:
            return UsageError(
                flag: arguments.has(Options.svd)
                    ? "svd" : arguments.has(Options.exact) ? "exact" : "svd-limit",
                error.description)
        case .exactOverflow:
            return UsageError(flag: "exact", error.description + "; drop --exact to use Double")
        case .composedTooLarge(let limit): return UsageError(limit)
        case .valuesRequired: return UsageError(flag: "kernel-values", error.description)
        }
    }
}

/// The formats of `analyze` and `compose`.
enum ReportFormat: String {
    case text, markdown, json
}
