// The examples of docs/library.md, compiled and run by CI. Each `// MARK: docs` block below is
// copied verbatim into docs/library.md, and a test checks that the two stay the same.
//
// Usage: LibraryUse [unroll|numeric|notes|pictures]   (unroll when omitted)
import ConvMatrix

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

// MARK: docs unroll
/// U of the 5×5 input, 3×3 kernel, stride 2 layer, printed as SymPy's `latex()` prints it.
func printUnrolledMatrix() throws {
    // 1. Describe the layer, then validate it: a `Convolution` can only hold a valid layer.
    let spec = ConvolutionSpec(inputSize: [5, 5], kernelSize: [3, 3], stride: [2, 2])
    let conv: Convolution = try spec.validated()
    // 2. Unroll it. `unrolled()` gives the column convention y = U·x (one row per output);
    //    the row convention X·U = O of the course notes is its transpose.
    let u = try conv.unrolled().transposed()
    // 3. Name the symbols (I, k, O) and print the matrix of kernel taps.
    let symbols = LayerSymbols(conv, names: .ikO)
    let printer = MatrixLaTeXPrinter(style: .sympy)
    print(printer.string(for: SymbolicTapMatrix(u, kernel: symbols.kernel)))
}
// MARK: end

// MARK: docs numeric
/// The same layer applied to numbers, directly and as the product U·x.
func applyToNumbers() throws {
    let conv = try ConvolutionSpec(inputSize: [5, 5], kernelSize: [3, 3], stride: [2, 2])
        .validated()
    let x = (0..<25).map { Double($0) }
    let kernel: [Double] = [1, 0, -1, 2, 0, -2, 1, 0, -1]
    guard let input = Tensor(channels: 1, extents: conv.inputExtents, values: x) else { return }
    let direct = try conv.apply(to: input, kernel: kernel)
    let product = try conv.unrolled().product(x, tapValues: kernel)
    print("direct:", direct.values)
    print("U·x:   ", product)
}
// MARK: end

// MARK: docs notes
/// The whole derivation of the layer as a Markdown document, in Spanish.
func writeNotes() throws {
    let conv = try ConvolutionSpec(inputSize: [5, 5], kernelSize: [3, 3], stride: [2, 2])
        .validated()
    let derivation = try Derivation(conv, options: DerivationOptions())
    let renderer = DerivationRenderer(format: .markdown, language: .es)
    print(renderer.render(derivation, layer: "5×5 input, 3×3 kernel, stride 2"))
}
// MARK: end

// MARK: docs pictures
/// U's sparsity pattern as an SVG picture.
func drawSparsity() throws {
    let conv = try ConvolutionSpec(inputSize: [5, 5], kernelSize: [3, 3], stride: [2, 2])
        .validated()
    print(SVGWriter.svg(try SparsityPattern.scene(conv)))
}
// MARK: end

let command = CommandLine.arguments.dropFirst().first ?? "unroll"
do {
    switch command {
    case "unroll": try printUnrolledMatrix()
    case "numeric": try applyToNumbers()
    case "notes": try writeNotes()
    case "pictures": try drawSparsity()
    default:
        print("usage: LibraryUse [unroll|numeric|notes|pictures]")
        exit(2)
    }
} catch {
    print("error: \(error)")
    exit(1)
}
