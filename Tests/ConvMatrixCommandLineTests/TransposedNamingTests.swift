import Testing

@testable import ConvMatrixCommandLine

/// One rule for naming a transposed convolution in every command: the flags describe a
/// convolution, and with `--transposed` the transposed convolution itself (PyTorch's
/// ConvTranspose), `--output-padding` included.
@Suite("Naming a transposed convolution")
struct TransposedNamingTests {
    /// ConvTranspose2d(kernel_size=4, stride=2, padding=1) on a 3×3 input, 2 → 1 channels.
    static let layer =
        "--transposed --input 3x3 --kernel 4x4 --stride 2 --padding 1 --in-channels 2"
    /// With an output padding below the stride: the issue's `equivalent` example.
    static let padded =
        "--transposed --input 2x2 --kernel 3x3 --stride 2 --padding 1 --output-padding 1"

    /// Commands about one layer; `compose` takes `--transposed` and `--output-padding` inside
    /// each of its `--layer`s instead (AnalysisCommandTests).
    static var layerCommands: [any Command] {
        ConvMatrixTool.commands.filter { $0.name != "compose" }
    }

    @Test("every command accepts --transposed and --output-padding")
    func everyCommand() {
        for command in Self.layerCommands {
            #expect(command.options.contains(Options.transposed), "\(command.name)")
            #expect(command.options.contains(Options.outputPadding), "\(command.name)")
            let run = runTool("\(command.name) \(Self.padded)")
            #expect(run.exitCode == 0, "\(command.name): \(run.errors)")
            #expect(!run.output.isEmpty, "\(command.name)")
        }
    }

    @Test(
        "--transposed-layer is the same flag",
        arguments: ["unroll", "verify", "equivalent", "apply", "shape"])
    func alias(command: String) {
        let new = runTool("\(command) \(Self.layer)")
        let old = runTool(
            "\(command) \(Self.layer.replacingOccurrences(of: "--transposed ", with: "--transposed-layer "))"
        )
        #expect(new.exitCode == 0)
        #expect(new.output == old.output)
    }

    @Test("--output-padding without --transposed is refused with the rule, in every command")
    func outputPaddingNeedsTransposed() {
        for command in Self.layerCommands {
            let run = runTool(
                "\(command.name) --input 5x5 --kernel 3x3 --stride 2 --output-padding 1")
            #expect(run.exitCode == 2 && run.output.isEmpty, "\(command.name)")
            #expect(
                run.errors.hasPrefix(
                    "error: --output-padding: belongs to a transposed convolution"),
                "\(command.name)")
            #expect(run.errors.split(separator: "\n").count == 1)
        }
        #expect(
            runTool("unroll --input 5x5 --kernel 3x3 --output-padding 1").errors
                == "error: --output-padding: belongs to a transposed convolution: add --transposed, and the flags describe the transposed layer itself (its own --input)\n"
        )
    }

    @Test("transpose of a convolution and transpose --transposed of its counterpart agree")
    func transposeEitherWay() {
        let forward = runTool("transpose --input 5x5 --kernel 3x3 --stride 2 --format latex")
        let itself = runTool(
            "transpose --transposed --input 2x2 --kernel 3x3 --stride 2 --format latex")
        #expect(forward.exitCode == 0)
        #expect(forward.output == itself.output)
        let hint = runTool("transpose --input 2x2 --kernel 3x3 --stride 2")
        #expect(hint.exitCode == 2)
        #expect(
            hint.errors.contains("add --transposed if they describe the transposed layer itself"))
    }

    @Test(
        "unroll --transposed is T, the transpose command's matrix and Uᵀ of the forward convolution",
        arguments: ["row", "column"])
    func unrollTransposed(convention: String) {
        let t = runTool("unroll \(Self.layer) --format latex --convention \(convention)")
        let fromTranspose = runTool(
            "transpose \(Self.layer) --format latex --convention \(convention)")
        let ut = runTool(
            "unroll --transpose --input 6x6 --kernel 4x4 --stride 2 --padding 1 --out-channels 2 --format latex --convention \(convention)"
        )
        #expect(t.exitCode == 0)
        #expect(t.output == fromTranspose.output)
        #expect(t.output == ut.output)
    }

    @Test("apply --transposed computes C = O·T, as apply --transpose does for the convolution")
    func applyTransposed() {
        let layer = runTool("apply --transposed --input 2x2 --kernel 3x3 --stride 2 --format latex")
        let forward = runTool(
            "apply --transpose --input 5x5 --kernel 3x3 --stride 2 --format latex")
        #expect(layer.exitCode == 0)
        #expect(layer.output == forward.output)
        let text = runTool("apply --transposed --input 2x2 --kernel 3x3 --stride 2").output
        #expect(text.hasPrefix("C = O·T on the 5×5 output grid of the transposed convolution"))
    }

    @Test("a transposed layer's output is C and its input O, never I")
    func names() {
        let output = runTool("symbols --of output --transposed --input 2 --kernel 3 --stride 2")
        #expect(
            output.output
                == "C: the output of the transposed convolution, 5.\n[C₀  C₁  C₂  C₃  C₄]\n")
        let input = runTool("symbols --of input --transposed --input 2 --kernel 3 --stride 2")
        #expect(input.output.hasPrefix("O: the input of the transposed convolution, 2.\n"))
        let links = runTool("connectivity --transposed --input 2 --kernel 2").output
        #expect(links.contains("  C₁ ← O₀ k₁, O₁ k₀\n"))
        #expect(!links.contains("I₀") && !links.contains("I₁"))
        let transposeMap = runTool("connectivity --input 3 --kernel 2 --transpose").output
        #expect(transposeMap.contains("  C₁ ← O₀ k₁, O₁ k₀\n"))
        #expect(!transposeMap.contains("I₁ ←"))
        let xwy = runTool("apply --transposed --input 2 --kernel 3 --names x,w,y").output
        #expect(xwy.hasPrefix("C = y·T on the 4 output grid"))
    }

    @Test("shape --transposed shows the transposed output-size arithmetic")
    func shape() {
        let run = runTool("shape \(Self.padded)")
        #expect(
            run.output.contains("  rows: (2 − 1)·2 − 1 − 1 + 1·(3 − 1) + 1 + 1 = 4"))
    }

    @Test("check, derive and draw work through the convolution the layer is the transpose of")
    func throughForward() {
        for command in ["check", "derive", "draw"] {
            let layer = runTool("\(command) --transposed --input 2x2 --kernel 3x3 --stride 2")
            let forward = runTool("\(command) --input 5x5 --kernel 3x3 --stride 2")
            #expect(layer.exitCode == 0, "\(command): \(layer.errors)")
            #expect(layer.output == forward.output, "\(command)")
        }
        let reaching = runTool(
            "derive --transposed --input 3 --kernel 3 --dilation 3 --output-padding 2")
        #expect(reaching.exitCode == 2)
        #expect(reaching.errors.hasPrefix("error: --output-padding: reaches the stride"))
    }

    @Test("words a transposed layer cannot take are refused")
    func refused() {
        let mode = runTool("unroll --transposed --input 2 --kernel 3 --padding-mode reflect")
        #expect(
            mode.errors
                == "error: --padding-mode: a transposed convolution only pads with zeros (PyTorch's ConvTranspose)\n"
        )
        let pool = runTool("apply --transposed --input 2 --kernel 3 --average-pool")
        #expect(
            pool.errors == "error: --average-pool: does not go with a transposed convolution\n")
    }
}
