import Testing

@testable import ConvMatrixCommandLine

/// The command line's contract: help, version, the bare example, shapes and conventions.
@Suite("Command line")
struct CommandLineTests {
    @Test(
        "a bare convmatrix prints the 5×5 input, 3×3 kernel, stride 2 example's U and T = Uᵀ with a hint"
    )
    func bareExample() {
        let run = runTool([String]())
        #expect(run.exitCode == 0 && run.errors.isEmpty)
        #expect(run.output.contains("U, the unrolled matrix (row convention X·U = O; 25×4):"))
        #expect(
            run.output.contains("T = Uᵀ, the matrix of the transposed convolution (O·T = C; 4×25):")
        )
        #expect(run.output.contains("⎡k₀₀   0    0    0 ⎤"))
        #expect(
            run.output.hasSuffix(
                "'convmatrix apply --transpose --input 5x5 --kernel 3x3 --stride 2'.\n"))
    }

    @Test("--help, help <command>, <command> --help and --version")
    func help() {
        let general = runTool("--help")
        #expect(general.exitCode == 0 && general.output.contains("USAGE: convmatrix [<command>]"))
        for command in ConvMatrixTool.commands.map(\.name) {
            #expect(general.output.contains("  \(command)"))
            let a = runTool("help \(command)")
            let b = runTool("\(command) --help")
            #expect(a.exitCode == 0 && a.output == b.output)
            #expect(a.output.contains("USAGE: convmatrix \(command)"))
            #expect(a.output.contains("--help"))
        }
        #expect(runTool("help").output == general.output)
        #expect(runTool("--version").output == "convmatrix \(ConvMatrixTool.version)\n")
    }

    @Test("shape shows the arithmetic and ends with the output size")
    func shape() {
        let run = runTool("shape --input 5x5 --kernel 3x3 --stride 2")
        #expect(run.exitCode == 0 && run.errors.isEmpty)
        #expect(
            run.output.contains(
                "  rows: m = ⌊(5 + 0 + 0 − 1·(3 − 1) − 1) / 2⌋ + 1 = ⌊2 / 2⌋ + 1 = 1 + 1 = 2"))
        #expect(run.output.contains("Output: 2×2\n"))
        let ascii = runTool("shape --input 5x5 --kernel 3x3 --stride 2 --ascii")
        #expect(ascii.output.contains("Output: 2x2\n"))
        #expect(ascii.output.allSatisfy { $0.isASCII })
    }

    @Test("shape warns, without failing, when the stride leaves inputs unreached (the PyTorch lab)")
    func shapeWarning() {
        let run = runTool("shape --input 4x4 --kernel 2x2 --stride 3")
        #expect(run.exitCode == 0)
        #expect(run.output.contains("Output: 1×1"))
        #expect(run.errors.contains("warning: rows: no window reaches input positions 2–3"))
        #expect(run.errors.contains("warning: columns:"))
    }

    @Test("the column convention prints the transpose of the row convention")
    func conventions() {
        let row = runTool("unroll --input 4x4 --kernel 2x2 --format latex")
        let columnTransposed = runTool(
            "unroll --input 4x4 --kernel 2x2 --format latex --convention column --transpose")
        #expect(row.output == columnTransposed.output)
        #expect(row.output.hasPrefix("\\begin{bmatrix}\nk_{00} & 0 & 0"))
    }

    @Test("transpose prints T, its output size and the check T = Uᵀ")
    func transpose() {
        let run = runTool(
            "transpose --transposed --input 3x3 --kernel 3x3 --stride 2 --padding 1 --output-padding 1"
        )
        #expect(run.exitCode == 0)
        #expect(run.output.contains("rows: (3 − 1)·2 − 1 − 1 + 1·(3 − 1) + 1 + 1 = 6"))
        #expect(
            run.output.contains(
                "T = Uᵀ, U the matrix of the convolution --input 6x6 --kernel 3x3 --stride 2 --padding 1: checked entry by entry."
            ))
        // T (row convention) of the transposed layer equals Uᵀ printed by unroll --transpose.
        let t = runTool("transpose --transposed --input 2x2 --kernel 3x3 --stride 2 --format latex")
        let ut = runTool("unroll --transpose --input 5x5 --kernel 3x3 --stride 2 --format latex")
        #expect(t.output == ut.output)
    }

    @Test("--names switches to the NumPy lab's letters")
    func names() {
        let run = runTool("apply --input 3x3 --kernel 2x2 --names x,w,y --format latex")
        #expect(
            run.output.hasPrefix(
                "\\begin{bmatrix}\nw_{00} x_{00} + w_{01} x_{01} + w_{10} x_{10} + w_{11} x_{11} & w_{00} x_{01} + "
            ))
        #expect(!run.output.contains("I_{"))
    }

    @Test("--flip rotates the kernel by 180°")
    func flip() {
        let run = runTool("unroll --input 2x2 --kernel 2x2 --flip --format latex")
        #expect(
            run.output
                == "\\begin{bmatrix}\nk_{11}\\\\\nk_{10}\\\\\nk_{01}\\\\\nk_{00}\n\\end{bmatrix}\n")
    }

    @Test("ASCII output has no other characters")
    func ascii() {
        let run = runTool("apply --transpose --input 5x5 --kernel 3x3 --stride 2 --ascii")
        #expect(run.output.allSatisfy { $0.isASCII })
        #expect(run.output.contains("O_00*k_02 + O_01*k_00"))
    }
}

/// amsmath's bmatrix and pmatrix stop at 10 columns unless MaxMatrixCols is raised.
@Test("a bmatrix wider than 10 columns starts with a comment saying what amsmath needs")
func amsmathColumnNote() {
    let wide = runTool("unroll --input 4x4 --kernel 3 --padding 1 --format latex")
    #expect(
        wide.output.hasPrefix(
            "% amsmath needs \\setcounter{MaxMatrixCols}{16} for this bmatrix (the default is 10 columns)\n\\begin{bmatrix}"
        ))
    let narrow = runTool(
        "unroll --input 4x4 --kernel 3 --padding 1 --format latex --convention column")
    #expect(narrow.output.hasPrefix("% amsmath needs \\setcounter{MaxMatrixCols}{16}"))
    let sympy = runTool(
        "unroll --input 4x4 --kernel 3 --padding 1 --format latex --latex-style sympy")
    #expect(sympy.output.hasPrefix("\\left[\\begin{array}"))
    let small = runTool("unroll --input 3x3 --kernel 2 --format latex --convention column")
    #expect(small.output.hasPrefix("\\begin{bmatrix}"))
}
