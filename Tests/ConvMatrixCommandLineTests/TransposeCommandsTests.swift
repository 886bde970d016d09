import Testing

/// verify, equivalent and connectivity: the transposed convolution's connectivity, proven.
@Suite("verify, equivalent, connectivity")
struct TransposeCommandsTests {
    @Test(
        "verify holds and exits 0",
        arguments: [
            "--input 5x5 --kernel 3x3 --stride 2",
            "--input 7x6 --kernel 3x2 --stride 2x1 --padding 1:0x0:2 --dilation 2x1",
            "--input 9 --kernel 3 --stride 2 --padding same --same-rule tensorflow",
            "--input 4x4x4 --kernel 2x2x2 --stride 2 --in-channels 2 --out-channels 4 --groups 2",
            "--transposed-layer --input 3x3 --kernel 3x3 --stride 2 --padding 1 --output-padding 1",
            "--transposed-layer --input 3 --kernel 3 --dilation 3 --output-padding 2",
            "--transposed-layer --input 5 --kernel 3 --padding 3",
        ])
    func verifyHolds(flags: String) {
        let run = runTool("verify \(flags)")
        #expect(run.exitCode == 0, "\(run.errors)")
        #expect(run.output.hasSuffix("All hold.\n"))
        #expect(run.output.components(separatedBy: "✔").count == 4)
    }

    @Test("equivalent prints the zero insertion, the padding and the flipped kernel")
    func equivalent() {
        let run = runTool(
            "equivalent --transposed --input 3x3 --kernel 3x3 --stride 2 --padding 1 --output-padding 1"
        )
        #expect(run.exitCode == 0)
        #expect(run.output.contains("rows: 1 zero(s); 3 → (3 − 1)·2 + 1 = 5"))
        #expect(run.output.contains("rows: before 1·(3 − 1) − 1 = 1, after 1·(3 − 1) − 1 + 1 = 2"))
        #expect(
            run.output.contains(
                "Equivalent convolution: input 5×5, kernel 3×3, stride 1, padding 1:2, kernel flipped (true convolution) → output 6×6"
            ))
        #expect(
            run.output.contains(
                "Checked: zero insertion, cropping, padding and this convolution compose to the matrix T"
            ))
        let cropping = runTool(
            "equivalent --transposed-layer --input 5 --kernel 3 --padding 3 --ascii")
        #expect(
            cropping.output.contains(
                "negative, so crop 1 position(s) at the start and 1 at the end"))
        #expect(cropping.output.allSatisfy { $0.isASCII })
    }

    @Test("connectivity lists each output's inputs and the inverse map")
    func connectivity() {
        let run = runTool("connectivity --input 5x5 --kernel 3x3 --stride 2 --ascii")
        #expect(run.output.contains("  O_01 <- I_02 k_00, I_03 k_01, I_04 k_02, I_12 k_10"))
        #expect(run.output.contains("  I_22 -> O_00 k_22, O_01 k_20, O_10 k_02, O_11 k_00"))
        let transposed = runTool(
            "connectivity --input 5x5 --kernel 3x3 --stride 2 --transpose --format markdown")
        #expect(transposed.output.contains("| C₂₂ | O₀₀ | k₂₂ |"))
        let reflect = runTool(
            "connectivity --input 4 --kernel 3 --padding 1 --padding-mode reflect")
        #expect(reflect.output.contains("O₀ ← I₀ k₁, I₁ (k₀ + k₂)"))
    }

    @Test("under reflect padding an entry of U is a sum of taps, in every format")
    func reflectSums() {
        let latex = runTool(
            "unroll --input 4 --kernel 3 --padding 1 --padding-mode reflect --convention column --format latex"
        )
        #expect(latex.output.hasPrefix("\\begin{bmatrix}\nk_{1} & k_{0} + k_{2} & 0 & 0"))
        let text = runTool(
            "unroll --input 4 --kernel 3 --padding 1 --padding-mode replicate --convention column --ascii"
        )
        #expect(text.output.contains("k_0 + k_1"))
    }
}
