import ConvMatrix
import Symbolic

/// `convmatrix unroll`: the unrolled matrix U of a convolution, or its transpose.
struct UnrollCommand: Command {
    let name = "unroll"
    let abstract = "Print the unrolled (doubly-block Toeplitz) matrix U of a convolution, or Uᵀ."
    let discussion = """
        In the row convention (the default) the input is flattened row-major into a row
        vector X and X·U = O, so U has one row per input and one column per output. In the column
        convention y = U·x and U is its transpose. --transpose prints Uᵀ, the matrix T of the
        transposed convolution. --format latex prints only the LaTeX, ready to paste.

        EXAMPLES:
          convmatrix unroll --input 5x5 --kernel 3x3 --stride 2
          convmatrix unroll --input 5x5 --kernel 3x3 --stride 2 --format latex --latex-style sympy
          convmatrix unroll --input 4x4 --kernel 3x3 --padding 1 --convention column --transpose
        """
    let options =
        Options.layer + [Options.transpose, Options.averagePool] + Options.rendering
        + Options.values

    func run(_ arguments: ParsedArguments, output: inout some TextOutputStream) throws(UsageError)
        -> CommandResult
    {
        let conv = try LayerOptions.convolution(arguments)
        let render = try RenderOptions(arguments)
        let transposed = arguments.has(Options.transpose)
        let writer = MatrixOutput(options: render, allowsExports: true)
        let (rows, columns) = Self.shape(
            conv, convention: render.convention, transposed: transposed)
        try writer.checkSize(rows: rows, columns: columns, what: transposed ? "Uᵀ" : "U")
        var generator = SplitMix64(seed: try ValueOptions.seed(arguments))
        let values = try ValueOptions.kernelValues(
            arguments, layout: conv.kernelLayout, generator: &generator)
        try writer.checkExport(values: values, pattern: arguments.has(Options.pattern))
        let u = try Self.matrix(
            conv, convention: render.convention, transposed: transposed, limits: render.limits)
        let symbols = LayerSymbols(conv, names: render.names)
        if render.format.isExport {
            try MatrixOutput.checkFiniteExport(u, values: values)
            writer.writeExport(
                u, kernel: symbols.kernel, values: values,
                header: Self.exportHeader(
                    conv, convention: render.convention, transposed: transposed), to: &output)
            return CommandResult()
        }
        let taps = try MatrixOutput.tapExpressions(values, kernel: symbols.kernel, for: u)
        let s = render.style
        let name = transposed ? "U\(s.transposeMark)" : "U"
        var title = ["\(name) of the convolution: \(LayerDescription.describe(conv, style: s))"]
        title.append(
            Self.conventionLine(
                conv, convention: render.convention, transposed: transposed, names: render.names,
                style: s))
        writer.write(
            SymbolicTapMatrix(u, tapValues: taps), title: title,
            blocks: Self.blocks(conv, convention: render.convention, transposed: transposed),
            to: &output)
        return CommandResult()
    }

    /// The channel blocks of the printed matrix, when the layer has channels.
    static func blocks(_ conv: Convolution, convention: RenderOptions.Convention, transposed: Bool)
        -> (rows: Int, columns: Int)?
    {
        guard conv.hasChannels else { return nil }
        let column = (rows: conv.outputExtents.count, columns: conv.inputExtents.count)
        return (convention == .row) != transposed ? (column.columns, column.rows) : column
    }

    /// `(rows, columns)` of the printed matrix.
    static func shape(_ conv: Convolution, convention: RenderOptions.Convention, transposed: Bool)
        -> (Int, Int)
    {
        let columnConvention = (conv.outputCount, conv.inputCount)
        let flip = (convention == .row) != transposed
        return flip ? (columnConvention.1, columnConvention.0) : columnConvention
    }

    /// The printed tap matrix: U in the chosen convention, transposed on request.
    static func matrix(
        _ conv: Convolution, convention: RenderOptions.Convention, transposed: Bool,
        limits: ResourceLimits
    ) throws(UsageError) -> TapMatrix {
        let u: TapMatrix
        do {
            u = try conv.unrolled(limits: limits)
        } catch {
            throw UsageError(error)
        }
        return (convention == .row) != transposed ? u.transposed() : u
    }

    /// The export header: the flags that reproduce the matrix and what its rows and columns are.
    static func exportHeader(
        _ conv: Convolution, convention: RenderOptions.Convention, transposed: Bool
    ) -> MatrixExportHeader {
        let inputs = "inputs (channel, then spatial row-major), \(conv.inputCount)"
        let outputs = "outputs (channel, then spatial row-major), \(conv.outputCount)"
        let outputsAreRows = (convention == .column) != transposed
        let product: String
        switch (convention, transposed) {
        case (.row, false): product = "X*U = O"
        case (.row, true): product = "O*U^T = C, the transposed convolution"
        case (.column, false): product = "y = U*x"
        case (.column, true): product = "x' = U^T*y, the transposed convolution"
        }
        return MatrixExportHeader(
            command:
                "convmatrix unroll \(SpecFlags.flags(for: conv)) --convention \(convention.rawValue)"
                + (transposed ? " --transpose" : ""),
            matrix: transposed ? "U^T" : "U", convention: convention.rawValue, product: product,
            rows: outputsAreRows ? outputs : inputs, columns: outputsAreRows ? inputs : outputs,
            layer: ExportedLayer(conv))
    }

    /// A line saying which product the matrix takes part in and its size.
    static func conventionLine(
        _ conv: Convolution, convention: RenderOptions.Convention, transposed: Bool,
        names: SymbolNames,
        style s: TextStyle
    ) -> String {
        let (rows, columns) = shape(conv, convention: convention, transposed: transposed)
        let size = "\(rows)\(s.times)\(columns)"
        let i = names.input
        let o = names.output
        switch (convention, transposed) {
        case (.row, false):
            return
                "Row convention: X\(s.dot)U = \(o), X = the input \(i) flattened row-major (1\(s.times)\(conv.inputCount)); U is \(size)."
        case (.row, true):
            return
                "Row convention: \(o)\(s.dot)T = C with T = U\(s.transposeMark), the transposed convolution; U\(s.transposeMark) is \(size)."
        case (.column, false):
            return
                "Column convention: y = U\(s.dot)x, x = the input \(i) flattened row-major (\(conv.inputCount)\(s.times)1); U is \(size)."
        case (.column, true):
            return
                "Column convention: x' = U\(s.transposeMark)\(s.dot)y, the transposed convolution; U\(s.transposeMark) is \(size)."
        }
    }
}
