import Testing

/// Channels, groups, 1×1 convolutions and average pooling from the same machinery.
@Suite("Channels, groups and pooling")
struct ChannelsAndPoolingTests {
    @Test("LaTeX of a channelled U shows its channel blocks")
    func blocks() {
        let run = runTool(
            "unroll --input 3 --kernel 2 --in-channels 2 --out-channels 2 --convention column --format latex"
        )
        #expect(
            run.output.hasPrefix(
                "\\left[\\begin{array}{ccc|ccc}\nk^{(0,0)}_{0} & k^{(0,0)}_{1} & 0 & k^{(0,1)}_{0}")
        )
        #expect(run.output.contains("\\\\ \\hline\nk^{(1,0)}_{0}"))
        let grouped = runTool(
            "unroll --input 2 --kernel 1 --in-channels 2 --out-channels 2 --groups 2 --format latex"
        )
        // Row convention: input channel blocks of 2 rows, output channel blocks of 2 columns; zero across groups.
        #expect(
            grouped.output
                == "\\left[\\begin{array}{cc|cc}\nk^{(0,0)}_{0} & 0 & 0 & 0\\\\\n0 & k^{(0,0)}_{0} & 0 & 0\\\\ \\hline\n0 & 0 & k^{(1,0)}_{0} & 0\\\\\n0 & 0 & 0 & k^{(1,0)}_{0}\n\\end{array}\\right]\n"
        )
        let sympy = runTool(
            "unroll --input 3 --kernel 2 --in-channels 2 --format latex --latex-style sympy")
        #expect(sympy.output.hasPrefix("\\left[\\begin{matrix}"))
    }

    @Test("a 1×1 convolution mixes channels at each position (the chapter's example)")
    func oneByOne() {
        let run = runTool("apply --input 1x1 --kernel 1x1 --in-channels 3 --out-channels 2 --ascii")
        #expect(
            run.output.contains("[I^(0)_00*k^(0,0)_00 + I^(1)_00*k^(0,1)_00 + I^(2)_00*k^(0,2)_00]")
        )
    }

    @Test("average pooling is a convolution with every tap 1/(k·k), stride k")
    func averagePooling() {
        let run = runTool("apply --input 4x4 --kernel 2 --average-pool --ascii")
        #expect(
            run.output.contains(
                "[I_00/4 + I_01/4 + I_10/4 + I_11/4  I_02/4 + I_03/4 + I_12/4 + I_13/4]"))
        let u = runTool(
            "unroll --input 4 --kernel 2 --average-pool --format latex --convention column")
        #expect(
            u.output
                == "\\begin{bmatrix}\n\\frac{1}{2} & \\frac{1}{2} & 0 & 0\\\\\n0 & 0 & \\frac{1}{2} & \\frac{1}{2}\n\\end{bmatrix}\n"
        )
        let reflect = runTool(
            "unroll --input 3 --kernel 3 --stride 1 --padding 1 --padding-mode reflect --average-pool --format latex --convention column"
        )
        #expect(reflect.output.hasPrefix("\\begin{bmatrix}\n\\frac{1}{3} & \\frac{2}{3} & 0"))
        let bad = runTool("unroll --input 4 --kernel 2 --average-pool --out-channels 2")
        #expect(
            bad.exitCode == 2
                && bad.errors
                    == "error: --out-channels: does not go with --average-pool, which pools each input channel alone\n"
        )
    }

    @Test("3-D convolutions print one slice per depth and channel")
    func threeD() {
        let run = runTool(
            "apply --input 2x2x2 --kernel 1x1x1 --in-channels 1 --out-channels 2 --ascii")
        #expect(run.output.contains("channel 1, depth 1:"))
    }
}
