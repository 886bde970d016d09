import ConvMatrix
import Symbolic

/// `convmatrix transpose`: the transposed convolution as a layer of its own (PyTorch's
/// ConvTranspose semantics), its matrix T, its output size, and the convolution it transposes.
struct TransposeCommand: Command {
    let name = "transpose"
    let abstract =
        "Print the matrix T of a transposed convolution and the convolution it is the transpose of."
    let discussion = """
        --input is the transposed layer's own input (the forward convolution's output size m).
        Its output has n = (m − 1)·s − p_before − p_after + d·(k − 1) + a + 1 positions per axis,
        a being --output-padding (PyTorch: a must be smaller than the stride or the dilation).
        T is built from the transposed layer's own scatter definition and compared, entry by
        entry, with Uᵀ of the forward convolution; the report says whether they agree.

        EXAMPLES:
          convmatrix transpose --input 2x2 --kernel 3x3 --stride 2
          convmatrix transpose --input 3x3 --kernel 3x3 --stride 2 --padding 1 --output-padding 1
        """
    let options = Options.transposedLayer + Options.rendering + Options.values

    func run(_ arguments: ParsedArguments, output: inout some TextOutputStream) throws(UsageError)
        -> CommandResult
    {
        let layer = try LayerOptions.transposedConvolution(arguments)
        let render = try RenderOptions(arguments)
        let writer = MatrixOutput(options: render, allowsExports: true)
        let columnShape = (layer.outputCount, layer.inputCount)
        let (rows, columns) =
            render.convention == .row ? (columnShape.1, columnShape.0) : columnShape
        try writer.checkSize(rows: rows, columns: columns, what: "T")
        var generator = SplitMix64(seed: try ValueOptions.seed(arguments))
        let values = try ValueOptions.kernelValues(
            arguments, layout: layer.kernelLayout, generator: &generator)
        try writer.checkExport(values: values, pattern: arguments.has(Options.pattern))
        let t: TapMatrix
        let agrees: Bool
        do {
            let matrices = try TransposeVerification.matrices(layer, limits: render.limits)
            t = matrices.t
            agrees = matrices.t == matrices.forwardTransposed
        } catch {
            throw UsageError(error)
        }
        let printed = render.convention == .row ? t.transposed() : t
        let symbols = LayerSymbols(layer.forward, names: render.names)
        if render.format.isExport {
            let inputs = "inputs (channel, then spatial row-major), \(layer.inputCount)"
            let outputs = "outputs (channel, then spatial row-major), \(layer.outputCount)"
            let column = render.convention == .column
            try MatrixOutput.checkFiniteExport(printed, values: values)
            writer.writeExport(
                printed, kernel: symbols.kernel, values: values,
                header: MatrixExportHeader(
                    command:
                        "convmatrix transpose \(SpecFlags.flags(for: layer)) --convention \(render.convention.rawValue)",
                    matrix: "T", convention: render.convention.rawValue,
                    product: column ? "z = T*y" : "O*T = C", rows: column ? outputs : inputs,
                    columns: column ? inputs : outputs, layer: ExportedLayer(layer)),
                to: &output)
            return agrees
                ? CommandResult()
                : CommandResult(
                    exitCode: 1,
                    warnings: [
                        "error: T differs from Uᵀ of the forward convolution; please report this spec"
                    ])
        }
        let taps = try MatrixOutput.tapExpressions(values, kernel: symbols.kernel, for: printed)
        let s = render.style
        var title = [
            "T of the transposed convolution: \(LayerDescription.describe(layer, style: s))"
        ]
        title += TransposedShapeReport(layer, style: s).lines
        let restriction =
            layer.forwardHasExtraOutputs
            ? " restricted to its first \(s.sizes(layer.inputExtents.sizes)) outputs (the output padding reaches the stride)"
            : ""
        title.append(
            "T = U\(s.transposeMark), U the matrix of the convolution \(SpecFlags.flags(for: layer.forward))\(restriction): \(agrees ? "checked entry by entry" : "MISMATCH")."
        )
        title.append(
            render.convention == .row
                ? "Row convention: \(render.names.output)\(s.dot)T = C; T is \(rows)\(s.times)\(columns)."
                : "Column convention: z = T\(s.dot)y; T is \(rows)\(s.times)\(columns).")
        let channelled = layer.inChannels > 1 || layer.outChannels > 1
        let columnBlocks = (rows: layer.outputExtents.count, columns: layer.inputExtents.count)
        let blocks =
            render.convention == .row ? (columnBlocks.columns, columnBlocks.rows) : columnBlocks
        writer.write(
            SymbolicTapMatrix(printed, tapValues: taps), title: title,
            blocks: channelled ? blocks : nil,
            to: &output)
        var result = CommandResult()
        if !agrees {
            result.exitCode = 1
            result.warnings.append(
                "error: T differs from Uᵀ of the forward convolution; please report this spec")
        }
        return result
    }
}
