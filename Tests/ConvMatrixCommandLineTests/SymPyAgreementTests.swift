import Testing

/// Every matrix of the course's 5×5 input, 3×3 kernel, stride 2 example comes out of the tool
/// byte for byte as SymPy printed it.
@Suite("The 5×5 input, 3×3 kernel, stride 2 example, as SymPy printed it")
struct Stride2ExampleAsSymPyTests {
    static let example = "--input 5x5 --kernel 3x3 --stride 2 --format latex --latex-style sympy"

    @Test(
        "the tool prints the example's matrices exactly as SymPy did",
        arguments: [
            ("seed004_U.tex", "unroll"),
            ("seed004_C.tex", "apply --transpose"),
            ("seed004_placements.tex", "placements"),
            ("seed004_I.tex", "symbols --of input"),
            ("seed004_X.tex", "symbols --of flattened"),
            ("seed004_O.tex", "symbols --of output"),
        ])
    func reproduces(file: String, command: String) throws {
        let expected = try TestFiles.reference(file)
        let run = runTool("\(command) \(Self.example)")
        #expect(run.exitCode == 0)
        #expect(run.errors.isEmpty)
        #expect(run.output.trimmingTrailingWhitespace == expected.trimmingTrailingWhitespace)
    }

    @Test("the default command is unroll")
    func defaultCommand() {
        #expect(runTool(Self.example).output == runTool("unroll \(Self.example)").output)
    }
}

/// Other convolutions print the way SymPy prints the same matrices (fixtures written by
/// tools/sympy_seed004_fixtures.py from U built in SymPy by the definition).
@Suite("SymPy agreement beyond the example")
struct SymPyAgreementTests {
    static let specs: [(name: String, flags: String)] = [
        ("seed004", "--input 5x5 --kernel 3x3 --stride 2"),
        ("pad1_4x4_k2", "--input 4x4 --kernel 2x2 --padding 1"),
        ("rect_3x4_k2x3", "--input 3x4 --kernel 2x3"),
        ("asym_4x5_k3_s2", "--input 4x5 --kernel 3x3 --stride 2x1 --padding 0:1x1:0"),
        ("dilated_6x6_k2_d2", "--input 6x6 --kernel 2x2 --stride 1x2 --dilation 2"),
        ("two_digit_12x2_k2x1", "--input 12x2 --kernel 2x1"),
        ("oned_7_k3_s2", "--input 7 --kernel 3 --stride 2 --padding 1"),
    ]
    static let matrices: [(suffix: String, command: String)] = [
        ("U", "unroll"), ("UT", "unroll --transpose"), ("X", "symbols --of flattened"),
        ("I", "symbols --of input"), ("O", "symbols --of output"), ("apply", "apply"),
        ("C", "apply --transpose"),
    ]

    @Test("every matrix of every spec equals SymPy's LaTeX", arguments: specs.map(\.name))
    func agrees(spec: String) throws {
        let flags = Self.specs.first { $0.name == spec }!.flags
        for matrix in Self.matrices {
            let expected = try TestFiles.fixture("sympy/\(spec)_\(matrix.suffix).tex")
            let run = runTool("\(matrix.command) \(flags) --format latex --latex-style sympy")
            #expect(run.exitCode == 0, "\(matrix.command) \(flags): \(run.errors)")
            #expect(
                run.output.trimmingTrailingWhitespace == expected.trimmingTrailingWhitespace,
                "\(spec) \(matrix.suffix)")
        }
    }
}
