import ConvMatrix

/// `convmatrix unroll`: the matrix of a layer (U of a convolution, T of a transposed
/// convolution with `--transposed`), or its transpose.
struct UnrollCommand: ConsoleCommand {
    /// The formats it writes.
    static let formats = RenderOptions.Format.allCases

    let name = "unroll"
    let abstract = "Print the unrolled (doubly-block Toeplitz) matrix U of a convolution, or Uᵀ."
    let discussion = """
        In the row convention (the default) the input is flattened row-major into a row
        vector X and X·U = O, so U has one row per input and one column per output. In the column
        convention y = U·x and U is its transpose. --transpose prints Uᵀ, the matrix T of the
        transposed convolution. With --transposed the flags describe a transposed convolution
        and its own matrix T is printed (built from its scatter definition). --format latex
        prints only the LaTeX, ready to paste.

        EXAMPLES:
          convmatrix unroll --input 5x5 --kernel 3x3 --stride 2
          convmatrix unroll --input 5x5 --kernel 3x3 --stride 2 --format latex --latex-style sympy
          convmatrix unroll --input 4x4 --kernel 3x3 --padding 1 --convention column --transpose
          convmatrix unroll --transposed --input 2x2 --kernel 4x4 --stride 2 --padding 1
        """
    let options =
        Options.layer + [Options.transpose, Options.averagePool]
        + Options.rendering(formats: Self.formats)
        + [Options.full] + Options.values + [Options.quiet]

    func run(
        _ arguments: ParsedArguments, output: inout some TextOutputStream, console: Console
    ) throws(UsageError) -> CommandResult {
        let layer = try LayerOptions.layer(arguments)
        let render = try RenderOptions(arguments, formats: Self.formats)
        let view = LayerMatrix(
            layer, convention: render.convention, transposed: arguments.has(Options.transpose))
        let checks = MatrixOutput(options: render, elidesText: true)
        let s = render.style
        try checks.checkSize(
            rows: view.shape.rows, columns: view.shape.columns, what: view.name(style: s))
        var generator = SplitMix64(seed: try ValueOptions.seed(arguments))
        let values = try ValueOptions.kernelValues(
            arguments, layout: layer.kernelLayout, generator: &generator)
        try checks.checkExport(values: values, pattern: arguments.has(Options.pattern))
        let matrix: TapMatrix
        do {
            matrix = try view.matrix(limits: render.limits)
        } catch {
            throw UsageError(error)
        }
        let symbols = LayerSymbols(layer, names: render.names)
        if let export = render.exportWriter {
            try MatrixOutput.checkFiniteExport(matrix, values: values)
            let progress = progressLine(arguments, console: console)
            defer { progress.end() }
            export.write(
                matrix, kernel: symbols.kernel, values: values,
                header: Self.exportHeader(view, arguments: arguments, command: name), to: &output,
                progress: progress.sink)
            return CommandResult()
        }
        let symbolic = try MatrixOutput.symbolic(matrix, values: values, kernel: symbols.kernel)
        let title = [
            "\(view.name(style: s)) of \(view.layerNoun): \(LayerDescription.describe(layer, style: s))",
            view.productLine(symbols: symbols, style: s),
        ]
        guard let writer = render.matrixWriter else {
            throw UsageError(flag: "format", "\(name) does not write \(render.format.rawValue)")
        }
        let warnings = writer.write(symbolic, title: title, blocks: view.blocks, to: &output)
        return CommandResult(warnings: warnings)
    }

    /// The export header: the command line that reproduces the matrix, what its rows and
    /// columns are and the product it takes part in.
    static func exportHeader(_ view: LayerMatrix, arguments: ParsedArguments, command: String)
        -> MatrixExportHeader
    {
        MatrixExportHeader(
            command: CommandLineRecord.line(command, arguments),
            matrix: view.name(style: TextStyle(ascii: true)), convention: view.convention.rawValue,
            product: view.exportedProduct, rows: view.rowsDescription,
            columns: view.columnsDescription, layer: ExportedLayer(view.layer))
    }
}
