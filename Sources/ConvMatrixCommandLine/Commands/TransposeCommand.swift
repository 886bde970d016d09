import ConvMatrix

/// `convmatrix transpose`: the transposed convolution as a layer of its own (PyTorch's
/// ConvTranspose semantics), its matrix T, its output size, and the convolution it transposes.
struct TransposeCommand: ConsoleCommand {
    /// The formats it writes.
    static let formats = RenderOptions.Format.allCases

    let name = "transpose"
    let abstract =
        "Print the matrix T of a transposed convolution and the convolution it is the transpose of."
    let discussion = """
        The flags describe a convolution, and its transposed convolution is shown: input m = the
        convolution's output size, output = its input size. With --transposed they describe the
        transposed layer itself (PyTorch's ConvTranspose): --input is its own input m, and its
        output has n = (m − 1)·s − p_before − p_after + d·(k − 1) + a + 1 positions per axis,
        a being --output-padding (PyTorch: a must be smaller than the stride or the dilation).
        T is built from the transposed layer's own scatter definition and compared, entry by
        entry, with Uᵀ of the forward convolution; the report says whether they agree. It also
        lists the s output sizes per axis that map back to the same input, with the PyTorch
        output_padding, TensorFlow output_shape and Keras/ONNX output_padding selecting each.

        EXAMPLES:
          convmatrix transpose --input 5x5 --kernel 3x3 --stride 2
          convmatrix transpose --transposed --input 2x2 --kernel 3x3 --stride 2
          convmatrix transpose --transposed --input 3x3 --kernel 3x3 --stride 2 --padding 1 --output-padding 1
        """
    let options =
        Options.layer + Options.rendering(formats: Self.formats) + [Options.full] + Options.values
        + [Options.quiet]

    /// The result when T differs from Uᵀ (a bug of the library).
    static let mismatch = CommandResult(
        exitCode: 1,
        warnings: ["error: T differs from Uᵀ of the forward convolution; please report this spec"])

    func run(
        _ arguments: ParsedArguments, output: inout some TextOutputStream, console: Console
    ) throws(UsageError) -> CommandResult {
        let layer = try Self.subject(arguments)
        let render = try RenderOptions(arguments, formats: Self.formats)
        let checks = MatrixOutput(options: render, elidesText: true)
        let view = LayerMatrix(.transposed(layer), convention: render.convention)
        let (rows, columns) = view.shape
        try checks.checkSize(rows: rows, columns: columns, what: "T")
        var generator = SplitMix64(seed: try ValueOptions.seed(arguments))
        let values = try ValueOptions.kernelValues(
            arguments, layout: layer.kernelLayout, generator: &generator)
        try checks.checkExport(values: values, pattern: arguments.has(Options.pattern))
        let t: TapMatrix
        let agrees: Bool
        do {
            let matrices = try TransposeVerification.matrices(layer, limits: render.limits)
            t = matrices.t
            agrees = matrices.t == matrices.forwardTransposed
        } catch {
            throw UsageError(error)
        }
        let printed = view.matrix(from: t)
        let symbols = LayerSymbols(layer, names: render.names)
        if let export = render.exportWriter {
            try MatrixOutput.checkFiniteExport(printed, values: values)
            let progress = progressLine(arguments, console: console)
            defer { progress.end() }
            export.write(
                printed, kernel: symbols.kernel, values: values,
                header: UnrollCommand.exportHeader(view, arguments: arguments, command: name),
                to: &output, progress: progress.sink)
            return agrees ? CommandResult() : Self.mismatch
        }
        let symbolic = try MatrixOutput.symbolic(printed, values: values, kernel: symbols.kernel)
        let title = Self.title(
            layer, agrees: agrees, view: view, symbols: symbols, style: render.style)
        guard let writer = render.matrixWriter else {
            throw UsageError(flag: "format", "\(name) does not write \(render.format.rawValue)")
        }
        let warnings = writer.write(symbolic, title: title, blocks: view.blocks, to: &output)
        var result = agrees ? CommandResult() : Self.mismatch
        result.warnings += warnings
        return result
    }

    /// The transposed layer the flags describe. Flags that fail as a convolution but describe a
    /// transposed layer get a hint to add `--transposed`.
    static func subject(_ arguments: ParsedArguments) throws(UsageError) -> TransposedConvolution {
        do {
            return try LayerOptions.transposedSubject(arguments)
        } catch {
            guard !arguments.has(Options.transposed),
                arguments.value(Options.outputPadding) == nil,
                (try? LayerOptions.transposedConvolution(arguments)) != nil
            else { throw error }
            throw UsageError(
                "\(error.message) (the flags describe a convolution; add --transposed if they describe the transposed layer itself)"
            )
        }
    }

    /// The lines above T: the layer, its output-size arithmetic, its valid output sizes, whether
    /// T = Uᵀ held entry by entry, and the product the matrix computes.
    static func title(
        _ layer: TransposedConvolution, agrees: Bool, view: LayerMatrix, symbols: LayerSymbols,
        style s: TextStyle
    ) -> [String] {
        var title = [
            "T of the transposed convolution: \(LayerDescription.describe(layer, style: s))"
        ]
        title += TransposedShapeReport(layer, style: s).lines
        title += FrameworksTextWriter.validSizesLines(
            FrameworkGeometry(layer), ascii: s.ascii, wholeLayer: Hints.wholeLayer)
        let restriction =
            layer.forwardHasExtraOutputs
            ? " restricted to its first \(s.sizes(layer.inputExtents.sizes)) outputs (the output padding reaches the stride)"
            : ""
        title.append(
            "T = U\(s.transposeMark), U the matrix of the convolution \(SpecFlags.flags(for: layer.forward))\(restriction): \(agrees ? "checked entry by entry" : "MISMATCH")."
        )
        title.append(view.productLine(symbols: symbols, style: s))
        return title
    }
}
