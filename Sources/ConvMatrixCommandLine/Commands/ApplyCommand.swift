import ConvMatrix
import Symbolic

/// `convmatrix apply`: the symbolic output O = X·U on the output grid, or the transposed
/// C = O·T on the input grid.
struct ApplyCommand: Command {
    let name = "apply"
    let abstract =
        "Print the symbolic output O = X·U on the output grid, or C = O·T with --transpose."
    let discussion = """
        Each output is the sum of input-times-tap products its window covers. With --transpose
        the symbolic output O goes back through T = Uᵀ: C = O·T, reshaped to the input grid,
        shows which outputs reach each input through which taps — the transposed convolution
        reproduces the connectivity, not the values.

        EXAMPLES:
          convmatrix apply --input 5x5 --kernel 3x3 --stride 2
          convmatrix apply --transpose --input 5x5 --kernel 3x3 --stride 2 --format latex --latex-style sympy
        """
    let options =
        Options.layer + [Options.transpose, Options.averagePool]
        + Options.rendering.filter { $0.name != "convention" } + Options.values

    func run(_ arguments: ParsedArguments, output: inout some TextOutputStream) throws(UsageError)
        -> CommandResult
    {
        let conv = try LayerOptions.convolution(arguments)
        let render = try RenderOptions(arguments)
        let transposed = arguments.has(Options.transpose)
        let writer = MatrixOutput(options: render, allowsExports: true)
        let extents = transposed ? conv.inputExtents : conv.outputExtents
        let channels = transposed ? conv.inChannels : conv.outChannels
        let lastTwo = extents.sizes.suffix(2)
        try writer.checkSize(
            rows: extents.count / (lastTwo.last ?? 1) * channels, columns: lastTwo.last ?? 1,
            what: transposed ? "C" : "O")
        let u: TapMatrix
        do {
            u = try conv.unrolled(limits: render.limits)
        } catch {
            throw UsageError(error)
        }
        var generator = SplitMix64(seed: try ValueOptions.seed(arguments))
        let kernelValues = try ValueOptions.kernelValues(
            arguments, layout: conv.kernelLayout, generator: &generator)
        try writer.checkExport(values: kernelValues, pattern: arguments.has(Options.pattern))
        let symbols = LayerSymbols(conv, names: render.names)
        if render.format == .mtx || render.format == .json {
            // The printed outputs are linear forms: their coefficient matrix is U (O = U·x), or
            // Uᵀ for C = Uᵀ·O, in the column convention.
            try MatrixOutput.checkFiniteExport(u, values: kernelValues)
            writer.writeExport(
                transposed ? u.transposed() : u, kernel: symbols.kernel, values: kernelValues,
                header: UnrollCommand.exportHeader(
                    conv, convention: .column, transposed: transposed),
                to: &output)
            return CommandResult()
        }
        let s = render.style
        let o = render.names.output
        let title =
            transposed
            ? [
                "C = \(o)\(s.dot)T with T = U\(s.transposeMark), on the \(s.sizes(conv.inputExtents.sizes)) input grid: each input collects the outputs its windows produced, through the taps that connect them.",
                "Convolution: \(LayerDescription.describe(conv, style: s))",
            ]
            : [
                "\(o) = X\(s.dot)U on the \(s.sizes(conv.outputExtents.sizes)) output grid.",
                "Convolution: \(LayerDescription.describe(conv, style: s))",
            ]
        if kernelValues == nil, render.format == .latex || render.format == .text {
            // Sums of symbol products: printed without building expressions (same text).
            let sums =
                render.format == .latex
                ? ProductSums(latex: render.latexPrinter.expressionPrinter)
                : ProductSums(plain: render.expressionPrinter)
            let cells =
                transposed
                ? conv.symbolicTransposedOutputText(u, symbols: symbols, sums: sums)
                : conv.symbolicOutputText(u, symbols: symbols, sums: sums)
            if render.format == .latex {
                writer.writeColumnNote(columns: extents.sizes.last ?? 1, to: &output)
                LaTeXGridWriter(printer: render.latexPrinter).write(
                    cells: cells, channels: channels, extents: extents, to: &output)
                output.write("\n")
            } else {
                for line in title { output.write(line + "\n") }
                TextGridWriter(printer: render.textPrinter).write(
                    cells: cells, channels: channels, extents: extents, to: &output)
            }
            return CommandResult()
        }
        let values: [Expression]
        if kernelValues != nil {
            let taps = try MatrixOutput.tapExpressions(kernelValues, kernel: symbols.kernel)
            do {
                values =
                    transposed
                    ? try conv.symbolicTransposedOutput(u, symbols: symbols, tapValues: taps)
                    : try conv.symbolicOutput(u, symbols: symbols, tapValues: taps)
            } catch {
                throw UsageError(flag: "kernel-values", "exact arithmetic overflowed: \(error)")
            }
        } else {
            values =
                transposed
                ? conv.symbolicTransposedOutput(u, symbols: symbols)
                : conv.symbolicOutput(u, symbols: symbols)
        }
        writer.write(
            GridSlices(values, channels: channels, extents: extents), title: title, to: &output)
        return CommandResult()
    }
}
