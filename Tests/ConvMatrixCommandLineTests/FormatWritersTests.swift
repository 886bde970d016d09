import Symbolic
import Testing

@testable import ConvMatrix
@testable import ConvMatrixCommandLine

/// One writer per output format: which kinds of result each format holds, that every format a
/// command declares has a writer for what the command prints, and what each writer writes.
@Suite("Format writers")
struct FormatWritersTests {
    /// The options of `command` for `flags` (its own option definitions).
    static func options(_ command: any Command, _ flags: String = "") throws -> RenderOptions {
        let arguments = try ParsedArguments(
            flags.split(separator: " ").map(String.init), allowed: command.options,
            command: command.name)
        return try RenderOptions(arguments, formats: RenderOptions.Format.allCases)
    }

    @Test("each format holds the kinds of result its writer conforms to")
    func table() throws {
        // format: matrix (U, T for people), export, grids, values
        let expected: [RenderOptions.Format: (Bool, Bool, Bool, Bool)] = [
            .text: (true, false, true, true), .latex: (true, false, true, true),
            .mtx: (false, true, false, false), .json: (false, true, false, true),
            .csv: (false, true, true, false),
        ]
        for format in RenderOptions.Format.allCases {
            let render = try Self.options(UnrollCommand(), "--format \(format.rawValue)")
            let kinds = (
                render.matrixWriter != nil, render.exportWriter != nil, render.gridWriter != nil,
                render.valueWriter != nil
            )
            let want = try #require(expected[format])
            #expect(kinds == want, "\(format)")
        }
    }

    @Test("every format a command declares has a writer for what it prints")
    func declaredFormats() throws {
        for format in UnrollCommand.formats + TransposeCommand.formats {
            let render = try Self.options(UnrollCommand(), "--format \(format.rawValue)")
            #expect(render.matrixWriter != nil || render.exportWriter != nil, "unroll \(format)")
        }
        for format in ApplyCommand.formats {
            let render = try Self.options(ApplyCommand(), "--format \(format.rawValue)")
            #expect(render.gridWriter != nil || render.exportWriter != nil, "apply \(format)")
        }
        for format in SymbolsCommand.formats + PlacementsCommand.formats {
            let render = try Self.options(SymbolsCommand(), "--format \(format.rawValue)")
            #expect(render.gridWriter != nil, "symbols, placements \(format)")
        }
        for format in BackwardCommand.formats {
            let render = try Self.options(BackwardCommand(), "--format \(format.rawValue)")
            #expect(
                (render.gridWriter != nil && render.valueWriter != nil)
                    || render.valueWriter is JSONFormat, "backward \(format)")
        }
    }

    /// Two 2×2 grids of symbols `a₀ … a₇`, the first cell of each a zero.
    static var grids: ExpressionGrids {
        ExpressionGrids(
            count: 2, rows: 2, columns: 2, label: { "grid \($0)" },
            cell: { k, r, c in
                let flat = k * 4 + r * 2 + c
                return flat % 4 == 0 ? .zero : Expression(Symbol("a", indices: [flat]))
            })
    }

    @Test("text: labels, aligned grids, zeros as 0, the title first")
    func text() throws {
        var output = ""
        TextFormat(options: try Self.options(SymbolsCommand())).write(
            Self.grids, title: ["Two grids."], to: &output)
        #expect(
            output == """
                Two grids.
                grid 0:
                ⎡0   a₁⎤
                ⎣a₂  a₃⎦
                grid 1:
                ⎡0   a₅⎤
                ⎣a₆  a₇⎦

                """)
    }

    @Test("text: a stack past 1000 cells shows its first and last three grids, then says so")
    func textElided() throws {
        var grids = ExpressionGrids(
            count: 300, rows: 2, columns: 2, label: { "g\($0)" },
            cell: { _, _, _ in Expression(Symbol("x")) })
        grids.noun = "things"
        var output = ""
        TextFormat(options: try Self.options(SymbolsCommand())).write(
            grids, title: [], to: &output)
        let labels = output.split(separator: "\n").filter { $0.hasSuffix(":") }
        #expect(labels == ["g0:", "g1:", "g2:", "g297:", "g298:", "g299:"])
        #expect(
            output.hasSuffix(
                "(300 things of 2 rows × 2 columns; the first and last 3 things are shown, --full prints every entry)\n"
            ))
        var full = ""
        TextFormat(options: try Self.options(SymbolsCommand(), "--full")).write(
            grids, title: [], to: &full)
        #expect(full.split(separator: "\n").filter { $0.hasSuffix(":") }.count == 300)
    }

    @Test("LaTeX: one grid is a matrix, several are SymPy's list; no title")
    func latex() throws {
        let render = try Self.options(SymbolsCommand(), "--format latex --latex-style sympy")
        var several = ""
        LaTeXFormat(options: render).write(Self.grids, title: ["ignored"], to: &several)
        #expect(
            several
                == "\\left [ \\left[\\begin{matrix}0 & a_{1}\\\\a_{2} & a_{3}\\end{matrix}\\right], \\quad \\left[\\begin{matrix}0 & a_{5}\\\\a_{6} & a_{7}\\end{matrix}\\right]\\right ]\n"
        )
        #expect(!several.contains("ignored"))
        var one = ""
        let single = ExpressionGrids(
            [.zero, Expression(Symbol("b"))], channels: 1, extents: Extents([2])!)
        LaTeXFormat(options: render).write(single, title: [], to: &one)
        #expect(one == "\\left[\\begin{matrix}0 & b\\end{matrix}\\right]\n")
        var list = single
        list.alwaysList = true
        var listed = ""
        LaTeXFormat(options: render).write(list, title: [], to: &listed)
        #expect(listed == "\\left [ \\left[\\begin{matrix}0 & b\\end{matrix}\\right]\\right ]\n")
    }

    @Test("CSV: each grid's rows, every cell, zeros as 0")
    func csv() throws {
        var output = ""
        CSVFormat(options: try Self.options(ApplyCommand(), "--format csv")).write(
            Self.grids, title: ["ignored"], to: &output)
        #expect(output == "0,a₁\na₂,a₃\n0,a₅\na₆,a₇\n")
    }

    @Test("JSON writes values in PyTorch's layout and leaves max pooling's selection out")
    func json() throws {
        let tensor = ValueTensor(shape: [1, 2], entries: .exact([Rational(1), Rational(-2)]))
        var output = ""
        JSONFormat().write(
            tensor, channels: 1, extents: Extents([2])!, title: ["ignored"], to: &output)
        #expect(output == "{\"shape\": [1, 2], \"values\": [1, -2]}\n")
    }

    @Test("Matrix Market: the header comments and 1-based entries")
    func mtx() throws {
        let conv = try ConvolutionSpec(inputSize: [3], kernelSize: [2]).validated()
        let u = try conv.unrolled(limits: .default)
        var output = ""
        MTXFormat().write(
            u, kernel: [Symbol("k", indices: [0]), Symbol("k", indices: [1])], values: nil,
            header: MatrixExportHeader(
                command: "convmatrix unroll --input 3 --kernel 2", matrix: "U",
                convention: "column", product: "y = U·x", rows: "outputs", columns: "inputs",
                layer: ExportedLayer(.convolution(conv))), to: &output)
        #expect(output.hasPrefix("%%MatrixMarket matrix coordinate pattern general\n"))
        #expect(output.contains("% convmatrix unroll --input 3 --kernel 2\n"))
        #expect(output.hasSuffix("2 3 4\n1 1\n1 2\n2 2\n2 3\n"))
    }
}
