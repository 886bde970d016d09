import ConvMatrix

/// What a bare `convmatrix` prints: the 5×5 input, 3×3 kernel, stride 2 example — U and T = Uᵀ — and a hint.
enum DefaultExample {
    static func run(output: inout some TextOutputStream) throws(UsageError) -> CommandResult {
        let conv: Convolution
        let u: TapMatrix
        do {
            conv = try ConvolutionSpec.input5x5Kernel3x3Stride2.validated()
            u = try conv.unrolled()
        } catch {
            throw UsageError(error)
        }
        let style = TextStyle(ascii: false)
        let symbols = LayerSymbols(conv)
        let printer = MatrixPlainTextPrinter(ascii: false)
        output.write("Example, \(LayerDescription.describe(conv, style: style))\n\n")
        output.write("U, the unrolled matrix (row convention X·U = O; 25×4):\n")
        printer.write(SymbolicTapMatrix(u.transposed(), kernel: symbols.kernel), to: &output)
        output.write("\n\nT = Uᵀ, the matrix of the transposed convolution (O·T = C; 4×25):\n")
        printer.write(SymbolicTapMatrix(u, kernel: symbols.kernel), to: &output)
        output.write(
            "\n\nMore: 'convmatrix --help', or 'convmatrix apply --transpose --input 5x5 --kernel 3x3 --stride 2'.\n"
        )
        return CommandResult()
    }
}
