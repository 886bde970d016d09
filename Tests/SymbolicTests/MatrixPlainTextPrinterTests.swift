import Symbolic
import Testing

@Suite("MatrixPlainTextPrinter: aligned terminal output")
struct MatrixPlainTextPrinterTests {
    let matrix: SymbolicMatrix

    init() throws {
        matrix = try SymbolicMatrix([
            [expr("k", 0, 0), 0],
            [expr("k", 0, 1), expr("k", 0, 0)],
            [0, expr("k", 0, 1)],
        ])
    }

    @Test("Unicode draws tall brackets and centres entries")
    func unicode() {
        #expect(
            MatrixPlainTextPrinter(ascii: false).string(for: matrix)
                == """
                ⎡k₀₀   0 ⎤
                ⎢k₀₁  k₀₀⎥
                ⎣ 0   k₀₁⎦
                """)
    }

    @Test("ASCII uses square brackets on every row")
    func ascii() {
        #expect(
            MatrixPlainTextPrinter(ascii: true).string(for: matrix)
                == """
                [k_00   0  ]
                [k_01  k_00]
                [ 0    k_01]
                """)
    }

    @Test("a single row, a custom zero, and an empty matrix")
    func edges() throws {
        let row = try SymbolicMatrix([[try expr("O", 0, 0) * expr("k", 0, 2), 0]])
        #expect(MatrixPlainTextPrinter(ascii: false).string(for: row) == "[O₀₀·k₀₂  0]")
        #expect(MatrixPlainTextPrinter(ascii: false, zero: "·").string(for: row) == "[O₀₀·k₀₂  ·]")
        #expect(MatrixPlainTextPrinter().string(for: try SymbolicMatrix([])) == "[]")
    }

    @Test("every line of U of the 5×5 input, 3×3 kernel, stride 2 example has the same width")
    func alignment() throws {
        let lines = MatrixPlainTextPrinter().string(for: try Input5x5Kernel3x3Stride2.unrolled())
            .split(
                separator: "\n")
        #expect(lines.count == 25)
        #expect(Set(lines.map(\.count)).count == 1)
    }
}
