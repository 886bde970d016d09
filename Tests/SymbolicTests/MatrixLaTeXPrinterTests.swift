import Symbolic
import Testing

@Suite("MatrixLaTeXPrinter: SymPy matrices, bmatrix and pmatrix")
struct MatrixLaTeXPrinterTests {
    let small: SymbolicMatrix

    init() throws {
        small = try SymbolicMatrix([[expr("a"), expr("b")], [expr("c"), 0]])
    }

    @Test("the three styles")
    func styles() {
        #expect(
            MatrixLaTeXPrinter(style: .sympy).string(for: small)
                == "\\left[\\begin{matrix}a & b\\\\c & 0\\end{matrix}\\right]")
        #expect(
            MatrixLaTeXPrinter(style: .bmatrix).string(for: small)
                == "\\begin{bmatrix}\na & b\\\\\nc & 0\n\\end{bmatrix}")
        #expect(
            MatrixLaTeXPrinter(style: .pmatrix).string(for: small)
                == "\\begin{pmatrix}\na & b\\\\\nc & 0\n\\end{pmatrix}")
    }

    @Test("SymPy switches to an array environment above 10 columns")
    func arraySwitch() throws {
        let ten = try SymbolicMatrix([(0..<10).map { expr("x", $0) }])
        let eleven = try SymbolicMatrix([(0..<11).map { expr("x", $0) }])
        let printer = MatrixLaTeXPrinter(style: .sympy)
        #expect(printer.string(for: ten).hasPrefix("\\left[\\begin{matrix}x_{0} & "))
        #expect(printer.string(for: ten).hasSuffix("x_{9}\\end{matrix}\\right]"))
        #expect(printer.string(for: eleven).hasPrefix("\\left[\\begin{array}{ccccccccccc}x_{0} & "))
        #expect(printer.string(for: eleven).hasSuffix("x_{10}\\end{array}\\right]"))
        #expect(
            MatrixLaTeXPrinter(style: .bmatrix).string(for: eleven).hasPrefix("\\begin{bmatrix}"))
    }

    @Test("streams into any TextOutputStream")
    func streaming() {
        var output = "before "
        MatrixLaTeXPrinter().write(small, to: &output)
        #expect(output == "before " + MatrixLaTeXPrinter().string(for: small))
    }

    @Test("zero rows and columns print as zeros; empty matrices as empty environments")
    func edges() throws {
        #expect(
            MatrixLaTeXPrinter().string(for: try SymbolicMatrix(rowCount: 2, columnCount: 2))
                == "\\left[\\begin{matrix}0 & 0\\\\0 & 0\\end{matrix}\\right]")
        #expect(
            MatrixLaTeXPrinter().string(for: try SymbolicMatrix([]))
                == "\\left[\\begin{matrix}\\end{matrix}\\right]")
    }

    @Test("5×5 input, 3×3 kernel, stride 2: U, the 25×4 unrolled matrix")
    func input5x5Kernel3x3Stride2U() throws {
        #expect(
            MatrixLaTeXPrinter().string(for: try Input5x5Kernel3x3Stride2.unrolled())
                == (try Reference.line("seed004_U.tex")))
    }

    @Test("5×5 input, 3×3 kernel, stride 2: C, the sums of output-times-kernel products")
    func input5x5Kernel3x3Stride2C() throws {
        #expect(
            MatrixLaTeXPrinter().string(for: try Input5x5Kernel3x3Stride2.contributions())
                == (try Reference.line("seed004_C.tex")))
    }

    @Test("5×5 input, 3×3 kernel, stride 2: I, O and the flattened X (array form)")
    func input5x5Kernel3x3Stride2Vectors() throws {
        let printer = MatrixLaTeXPrinter()
        #expect(
            printer.string(for: try Input5x5Kernel3x3Stride2.input())
                == (try Reference.line("seed004_I.tex")))
        #expect(
            printer.string(for: try Input5x5Kernel3x3Stride2.output())
                == (try Reference.line("seed004_O.tex")))
        #expect(
            printer.string(for: try Input5x5Kernel3x3Stride2.flattened())
                == (try Reference.line("seed004_X.tex")))
    }

    @Test("5×5 input, 3×3 kernel, stride 2: the list of the four kernel placements")
    func input5x5Kernel3x3Stride2Placements() throws {
        let printer = MatrixLaTeXPrinter()
        #expect(
            printer.string(forList: try Input5x5Kernel3x3Stride2.placements())
                == (try Reference.line("seed004_placements.tex")))
        #expect(printer.string(forList: []) == "\\left [ \\right ]")
    }
}
