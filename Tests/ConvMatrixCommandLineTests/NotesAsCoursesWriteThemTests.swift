import Foundation
import Testing

/// Course notes as courses write them: equation lists, 1-based indices, numbers in, gradients
/// out, pages that fit, and bad input refused in one line.
@Suite("Notes as courses write them")
struct NotesAsCoursesWriteThemTests {
    /// The numpy lab's 3×3 / 2×2 layer, as its equation lists, in one command.
    @Test("the numpy lab's backward derivation comes out as its equation lists, 1-based")
    func numpyLabEquations() {
        let run = runTool(
            "derive --input 3x3 --kernel 2x2 --style equations --names x,w,y --index-base 1 --show-zeros"
        )
        #expect(run.exitCode == 0)
        let lines = [
            "y₁₁ = x₁₁·w₁₁ + x₁₂·w₁₂ + x₂₁·w₂₁ + x₂₂·w₂₂",
            "y₂₂ = x₂₂·w₁₁ + x₂₃·w₁₂ + x₃₂·w₂₁ + x₃₃·w₂₂",
            "∂E/∂w₁₁ = ∂E/∂y₁₁·x₁₁ + ∂E/∂y₁₂·x₁₂ + ∂E/∂y₂₁·x₂₁ + ∂E/∂y₂₂·x₂₂",
            "∂E/∂w₁₂ = ∂E/∂y₁₁·x₁₂ + ∂E/∂y₁₂·x₁₃ + ∂E/∂y₂₁·x₂₂ + ∂E/∂y₂₂·x₂₃",
            "∂E/∂x₁₁ = ∂E/∂y₁₁·w₁₁ + ∂E/∂y₁₂·0 + ∂E/∂y₂₁·0 + ∂E/∂y₂₂·0",
            "∂E/∂x₁₂ = ∂E/∂y₁₁·w₁₂ + ∂E/∂y₁₂·w₁₁ + ∂E/∂y₂₁·0 + ∂E/∂y₂₂·0",
            "∂E/∂x₂₂ = ∂E/∂y₁₁·w₂₂ + ∂E/∂y₁₂·w₂₁ + ∂E/∂y₂₁·w₁₂ + ∂E/∂y₂₂·w₁₁",
            "∂E/∂x₃₃ = ∂E/∂y₁₁·0 + ∂E/∂y₁₂·0 + ∂E/∂y₂₁·0 + ∂E/∂y₂₂·w₂₂",
            "∂E/∂w = x ⋆ ∂E/∂y",
            "∂E/∂x = ∂E/∂y ⋆ rot180(w)",
        ]
        for line in lines { #expect(run.output.contains(line), "\(line)") }
    }

    @Test("without --show-zeros an input lists only the outputs it reaches")
    func zerosHidden() {
        let run = runTool(
            "derive --input 3x3 --kernel 2x2 --style equations --names x,w,y --index-base 1")
        #expect(run.output.contains("∂E/∂x₁₁ = ∂E/∂y₁₁·w₁₁\n"))
        #expect(!run.output.contains("·0"))
    }

    @Test("--product-order weight-first writes w·x; LaTeX is an aligned system")
    func orderAndLaTeX() {
        let weightFirst = runTool(
            "derive --input 3x3 --kernel 2x2 --style equations --product-order weight-first --sections forwardEquations"
        )
        #expect(weightFirst.output.contains("O₀₀ = k₀₀·I₀₀ + k₀₁·I₀₁"))
        let latex = runTool(
            "derive --input 3x3 --kernel 2x2 --style equations --index-base 1 --names x,w,y --format latex"
        ).output
        #expect(latex.contains("\\begin{aligned}"))
        #expect(latex.contains("y_{11} &= x_{11} \\cdot w_{11} + x_{12} \\cdot w_{12}"))
        #expect(
            latex.contains(
                "\\frac{\\partial E}{\\partial w_{11}} &= \\frac{\\partial E}{\\partial y_{11}} \\cdot x_{11}"
            ))
    }

    @Test("the compact forms state only what applies: the stride's zeros, the padding")
    func compactForms() {
        let plain = runTool(
            "derive --input 3x3 --kernel 2x2 --style equations --sections compactForms"
        )
        .output
        #expect(!plain.contains("inserting"))
        #expect(plain.contains("1 zero before and 1 after on the rows"))
        let strided = runTool(
            "derive --input 5x5 --kernel 3x3 --stride 2 --padding 1 --style equations --sections compactForms --lang es"
        ).output
        #expect(strided.contains("insertar 1 cero entre") || strided.contains("1 cero insertado"))
        #expect(strided.contains("en las filas"))
        #expect(!strided.contains("zero"))
    }

    @Test("large layers elide equation lists like matrices")
    func equationsElide() {
        let run = runTool("derive --input 28x28 --kernel 5x5 --style equations")
        #expect(run.exitCode == 0)
        #expect(run.output.contains("11 of the 576 equations are written"))
        #expect(run.output.contains("⋯"))
    }

    @Test("--sections picks sections; an unknown name is refused naming the choices")
    func sections() {
        let run = runTool("derive --input 5x5 --kernel 3x3 --sections layer,outputSize")
        #expect(run.output.contains("1. The layer"))
        #expect(run.output.contains("2. The output size"))
        #expect(!run.output.contains("3. "))
        #expect(!run.output.contains("Kernel placements"))
        let bad = runTool("derive --input 5x5 --kernel 3x3 --sections layer,nope")
        #expect(bad.exitCode == 2 && bad.output.isEmpty)
        #expect(bad.errors.hasPrefix("error: --sections: 'nope' is not a section"))
    }

    @Test("--index-base 1 reaches unroll, apply, placements, symbols, connectivity, draw")
    func indexBaseEverywhere() {
        let layer = "--input 3x3 --kernel 2x2 --index-base 1"
        #expect(runTool("unroll \(layer)").output.contains("k₁₁"))
        #expect(runTool("apply \(layer)").output.contains("I₁₁·k₁₁"))
        #expect(runTool("placements \(layer)").output.contains("O₁₁"))
        #expect(runTool("symbols --of input \(layer)").output.contains("I₃₃"))
        #expect(runTool("connectivity \(layer)").output.contains("I₃₃"))
        #expect(runTool("draw \(layer)").output.contains("33"))
        #expect(!runTool("unroll \(layer)").output.contains("k₀₀"))
        #expect(runTool("derive \(layer)").output.contains("Output (1, 1):"))
    }

    @Test("prose formulas are inline math in LaTeX and Markdown, Unicode in text")
    func proseMath() {
        let latex = runTool("derive --input 5x5 --kernel 3x3 --stride 2 --format latex").output
        #expect(latex.contains("$m = \\left\\lfloor \\frac{n + p_{\\text{before}}"))
        #expect(!latex.contains("p\\_before"))
        #expect(latex.contains("\\section{The layer}"))
        let markdown = runTool(
            "derive --input 5x5 --kernel 3x3 --stride 2 --format markdown --lang es"
        )
        .output
        #expect(markdown.contains("$m = \\left\\lfloor \\frac{n + p_{\\text{antes}}"))
        #expect(!markdown.contains("\n## 1"))
        let text = runTool("derive --input 5x5 --kernel 3x3 --stride 2").output
        #expect(text.contains("m = ⌊(n + p_before + p_after − d·(k − 1) − 1) / s⌋ + 1"))
        #expect(!text.contains("\u{E010}"))
    }

    @Test("--names reaches the backward prose: ∂E/∂vec(w), ∂E/∂x")
    func namesInBackward() {
        let text = runTool("derive --input 3x3 --kernel 2x2 --names x,w,y --sections backward")
            .output
        #expect(text.contains("∂E/∂vec(w)"))
        #expect(text.contains("∂E/∂x = δ·Uᵀ"))
        #expect(!text.contains("vec(k)"))
        #expect(!text.contains("∂E/∂X"))
    }

    @Test("words: plurals, one channel says nothing of channels, rows and columns, no ∥")
    func words() {
        let en = runTool("derive --input 5x5 --kernel 3x3 --stride 2").output
        #expect(en.contains("insert s − 1 = 1 zero between"))
        #expect(!en.contains("1 zeros"))
        #expect(!en.contains("swap the channels"))
        #expect(!en.contains("Axis 0"))
        #expect(en.contains("On the rows"))
        #expect(!en.contains("∥") && !en.contains("||"))
        let es = runTool("derive --input 6x6 --kernel 3x3 --stride 2 --padding 1 --lang es").output
        #expect(!es.contains("1 ceros"))
        #expect(!es.contains("Estiremos"))
        #expect(!es.contains("output padding"))
        #expect(!es.contains("Eje 0"))
    }

    @Test("a real layer's derivation prints its corners; what is shown is what the budget counts")
    func derivationBudget() {
        let resnet =
            "--input 224x224 --kernel 7x7 --stride 2 --padding 3 --in-channels 3 --out-channels 64"
        let run = runTool("derive \(resnet) --max-memory 256MiB")
        #expect(run.exitCode == 0, "\(run.errors)")
        #expect(run.output.contains("U is 150528×802816; the middle rows and columns are elided"))
        let equations = runTool("derive \(resnet) --style equations --max-memory 256MiB")
        #expect(equations.exitCode == 0)
        #expect(
            equations.output.contains(
                "11 of the 802816 equations are written; ⋮ stands for the 802805 left out."))
        // Asking to show everything counts what would be shown, and is refused in one line.
        let whole = runTool("derive \(resnet) --max-rows 1000000 --max-cols 1000000")
        #expect(whole.exitCode == 2 && whole.output.isEmpty)
        #expect(whole.errors.hasPrefix("error: --max-memory: a derivation showing "))
        #expect(whole.errors.split(separator: "\n").count == 1)
    }

    @Test("exact values stay exact: 1/9 prints as 1/9 and as \\frac{1}{9}")
    func rationals() {
        let text = runTool(
            "apply --input 3x3 --kernel 3x3 --input-values 1,0,0,0,0,0,0,0,0 --kernel-values 1/9,0,0,0,0,0,0,0,0"
        )
        #expect(text.output.contains("1/9"))
        let latex = runTool(
            "apply --input 3x3 --kernel 3x3 --input-values 1,0,0,0,0,0,0,0,0 --kernel-values -1/9,0,0,0,0,0,0,0,0 --format latex"
        )
        #expect(latex.output.contains("-\\frac{1}{9}"))
        let json = runTool(
            "apply --input 3x3 --kernel 3x3 --input-values 1,0,0,0,0,0,0,0,0 --kernel-values 1/4,0,0,0,0,0,0,0,0 --bias 1/2 --format json"
        )
        #expect(json.output == "{\"shape\": [1, 1, 1], \"values\": [0.75]}\n")
    }

    @Test("backward is symbolic without values, for a convolution and a transposed one")
    func symbolicBackward() {
        let run = runTool("backward --input 3x3 --kernel 2x2 --names x,w,y --index-base 1")
        #expect(run.exitCode == 0)
        #expect(run.output.contains("x₁₁·δ₁₁ + x₁₂·δ₁₂ + x₂₁·δ₂₁ + x₂₂·δ₂₂"))
        #expect(run.output.contains("δ₁₁ + δ₁₂ + δ₂₁ + δ₂₂"))
        let transposed = runTool("backward --transposed --input 2x2 --kernel 2x2 --stride 2")
        #expect(transposed.exitCode == 0)
        #expect(transposed.output.contains("∂E/∂I"))
        let json = runTool("backward --input 3x3 --kernel 2x2 --format json")
        #expect(json.exitCode == 2)
        #expect(json.errors.hasPrefix("error: --format: json prints numbers"))
    }

    @Test("values from a text file, separated by commas or whitespace")
    func textFile() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent(
            "convmatrix-values-\(UUID().uuidString).txt")
        try "0 0 1 0 0\n0 0 1 0 0\n0,0,1,0,0\n0 0 1 0 0\n0 0 1 0 0\n".write(
            to: url, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: url) }
        let run = runTool([
            "apply", "--input", "5x5", "--kernel", "3x3", "--input-values", "@\(url.path)",
            "--kernel-values", "1,0,-1,2,0,-2,1,0,-1", "--format", "json",
        ])
        #expect(
            run.output == "{\"shape\": [1, 3, 3], \"values\": [-4, 0, 4, -4, 0, 4, -4, 0, 4]}\n")
    }

    /// Bad input: one line naming the flag, exit 2, nothing written.
    @Test(
        "bad values are refused in one line naming the flag",
        arguments: [
            (
                "apply --input 5x5 --kernel 3x3 --input-values 1,2,3 --kernel-values random",
                "--input-values: expected 25 values"
            ),
            (
                "apply --input 5x5 --kernel 3x3 --input-values random --kernel-values 1,2",
                "--kernel-values: expected 9 values"
            ),
            (
                "apply --input 5x5 --kernel 3x3 --input-values random --kernel-values random --bias 1,2",
                "--bias: expected 1 value"
            ),
            (
                "apply --input 5x5 --kernel 3x3 --input-values @/nonexistent/x.npy --kernel-values random",
                "--input-values: no such file"
            ),
            (
                "apply --input 5x5 --kernel 3x3 --input-values random",
                "--input-values: needs --kernel-values"
            ),
            ("apply --input 5x5 --kernel 3x3 --bias 1", "--bias: needs --input-values"),
            ("unroll --input 5x5 --kernel 3x3 --index-base 2", "--index-base: must be 0"),
            ("derive --input 5x5 --kernel 3x3 --index-base one", "--index-base: must be 0 or 1"),
            (
                "derive --input 5x5 --kernel 3x3 --show-zeros",
                "--show-zeros: needs --style equations"
            ),
            (
                "backward --input 3x3 --kernel 2x2 --output-gradient 1,2,3",
                "--output-gradient: expected 4 values"
            ),
            ("backward --input 3x3 --kernel 2x2 --output-padding 1", "--output-padding:"),
        ])
    func badValues(commandLine: String, prefix: String) {
        let run = runTool(commandLine)
        #expect(run.exitCode == 2)
        #expect(run.output.isEmpty)
        #expect(run.errors.hasPrefix("error: \(prefix)"), "\(run.errors)")
        #expect(run.errors.split(separator: "\n").count == 1)
    }

    @Test("a .npy of the wrong shape or dtype is refused naming the flag")
    func badNpy() throws {
        let directory = FileManager.default.temporaryDirectory
        func npy(_ descr: String, _ shape: String, _ bytes: [UInt8]) throws -> String {
            var header = "{'descr': '\(descr)', 'fortran_order': False, 'shape': \(shape), }"
            while (10 + header.utf8.count + 1) % 64 != 0 { header += " " }
            header += "\n"
            var data: [UInt8] = [0x93] + Array("NUMPY".utf8) + [1, 0]
            data += [UInt8(header.utf8.count & 0xFF), UInt8(header.utf8.count >> 8)]
            data += Array(header.utf8) + bytes
            let url = directory.appendingPathComponent("convmatrix-\(UUID().uuidString).npy")
            try Data(data).write(to: url)
            return url.path
        }
        let wrongShape = try npy("<f8", "(4, 4)", [UInt8](repeating: 0, count: 128))
        let wrongType = try npy("<f2", "(5, 5)", [UInt8](repeating: 0, count: 50))
        let bigEndian = try npy(">f8", "(5, 5)", [UInt8](repeating: 0, count: 200))
        let good = try npy("<i4", "(1, 1, 5, 5)", [UInt8](repeating: 0, count: 100))
        defer {
            for path in [wrongShape, wrongType, bigEndian, good] {
                try? FileManager.default.removeItem(atPath: path)
            }
        }
        for (path, message) in [
            (wrongShape, "has shape (4, 4), expected (1, 5, 5)"), (wrongType, "dtype '<f2'"),
            (bigEndian, "dtype '>f8'"),
        ] {
            let run = runTool([
                "apply", "--input", "5x5", "--kernel", "3x3", "--input-values", "@\(path)",
                "--kernel-values", "random",
            ])
            #expect(run.exitCode == 2 && run.output.isEmpty)
            #expect(run.errors.hasPrefix("error: --input-values: "), "\(run.errors)")
            #expect(run.errors.contains(message), "\(run.errors)")
        }
        let run = runTool([
            "apply", "--input", "5x5", "--kernel", "3x3", "--input-values", "@\(good)",
            "--kernel-values", "random", "--format", "json",
        ])
        #expect(run.exitCode == 0)
        #expect(run.output.contains("[0, 0, 0, 0, 0, 0, 0, 0, 0]"))
    }

    @Test("derive shows O = X·U + b in numbers beside the symbolic form")
    func deriveWithValues() {
        let run = runTool(
            "derive --input 5x5 --kernel 3x3 --input-values 0,0,1,0,0,0,0,1,0,0,0,0,1,0,0,0,0,1,0,0,0,0,1,0,0 --kernel-values 1,0,-1,2,0,-2,1,0,-1 --bias 0 --sections forward"
        )
        #expect(run.exitCode == 0)
        #expect(run.output.contains("O = X·U + b in numbers, exactly:"))
        #expect(run.output.contains("O = [ −4  0  4 ]"))
        let latex = runTool(
            "derive --input 3x3 --kernel 2x2 --style equations --input-values 1,2,3,4,5,6,7,8,9 --kernel-values 1/2,0,0,-1 --format latex --lang es"
        )
        #expect(
            latex.output.contains(
                "O = \\begin{bmatrix}-\\frac{9}{2} & -5\\\\-6 & -\\frac{13}{2}\\end{bmatrix}"))
        #expect(latex.output.contains("en números, exacto"))
        let missing = runTool("derive --input 3x3 --kernel 2x2 --input-values 1,2,3,4,5,6,7,8,9")
        #expect(missing.exitCode == 2 && missing.output.isEmpty)
        #expect(missing.errors.hasPrefix("error: --input-values: needs --kernel-values too"))
    }

    @Test("max pooling: the selection matrix, δ routed to the argmax, PyTorch's tie rule said")
    func maxPooling() {
        let values = "1,2,2,0,0,1,3,3,5,5,0,0,5,1,0,1"
        let apply = runTool("apply --input 4x4 --kernel 2x2 --max-pool --input-values \(values)")
        #expect(apply.exitCode == 0)
        #expect(apply.output.contains("⎡2  3⎤\n⎣5  1⎦"))
        #expect(apply.output.contains("selection matrix S (4×16"))
        #expect(apply.output.contains("2 windows hold their maximum more than once"))
        #expect(apply.output.contains("as PyTorch breaks ties"))
        let backward = runTool(
            "backward --input 4x4 --kernel 2x2 --max-pool --input-values \(values) --output-gradient 1,2,3,4 --format json"
        )
        #expect(
            backward.output
                == "{\"input_gradient\": {\"shape\": [1, 4, 4], \"values\": [0, 1, 0, 0, 0, 0, 2, 0, 3, 0, 0, 0, 0, 0, 0, 4]}}\n"
        )
        let symbolic = runTool(
            "backward --input 4x4 --kernel 2x2 --max-pool --input-values \(values) --index-base 1")
        #expect(symbolic.output.contains("δ₁₂"))
        let noValues = runTool("apply --input 4x4 --kernel 2x2 --max-pool")
        #expect(noValues.exitCode == 2)
        #expect(noValues.errors.hasPrefix("error: --max-pool: needs --input-values"))
        let padded = runTool(
            "apply --input 4x4 --kernel 2x2 --max-pool --padding 2 --input-values random")
        #expect(padded.exitCode == 2)
        #expect(
            padded.errors.hasPrefix("error: --padding: max pooling pads at most half the kernel"))
        let weights = runTool(
            "apply --input 4x4 --kernel 2x2 --max-pool --input-values random --kernel-values random"
        )
        #expect(weights.exitCode == 2)
        #expect(weights.errors.hasPrefix("error: --kernel-values: does not go with --max-pool"))
    }

    @Test("check reads the values it is given, files included, and a given δ")
    func checkWithValues() {
        let run = runTool(
            "check --input 3x3 --kernel 2x2 --input-values 1,2,3,4,5,6,7,8,9 --kernel-values 1,0,0,-1 --output-gradient 1,0,0,1 --exact"
        )
        #expect(run.exitCode == 0)
        #expect(run.output.contains("; y random with seed 1"))
        let bad = runTool("check --input 3x3 --kernel 2x2 --output-gradient 1,2")
        #expect(bad.exitCode == 2 && bad.output.isEmpty)
        #expect(bad.errors.hasPrefix("error: --output-gradient: expected 4 values"))
    }
}
