import Testing

/// `convmatrix check` on the seeds' examples and on bad input.
@Suite struct CheckCommandTests {
    @Test(arguments: [
        // the PyTorch lab: vertical line, ones with strides 1, 2, 3 and padding 1
        "--input 5x5 --kernel 3x3 --kernel-values 1,0,-1,2,0,-2,1,0,-1 --input-values 0,0,1,0,0,0,0,1,0,0,0,0,1,0,0,0,0,1,0,0,0,0,1,0,0",
        "--input 4x4 --kernel 2x2 --stride 3 --padding 1 --kernel-values 1,1,1,1 --input-values 1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1",
        // the chapter: cross-correlation, edge detector, two channels, 1×1
        "--input 3x3 --kernel 2x2 --kernel-values 0,1,2,3 --input-values 0,1,2,3,4,5,6,7,8",
        "--input 6 --kernel 2 --kernel-values 1,-1 --input-values 10,10,10,0,0,0",
        "--input 3x3 --kernel 2x2 --in-channels 2 --kernel-values 0,1,2,3,1,2,3,4",
        "--input 2 --kernel 1 --in-channels 3 --out-channels 2 --kernel-values 1,0,-1,2,1,0",
        // every option at once
        "--input 5x4x3 --kernel 2x2x2 --stride 2x1x1 --padding 1:0x0:1x1 --dilation 1x2x1 --in-channels 2 --out-channels 4 --groups 2 --padding-mode replicate --flip --kernel-values random --seed 9",
    ])
    func courseExamplesHoldInDoubleAndExactly(_ layer: String) {
        for exact in ["", " --exact"] {
            let run = runTool("check " + layer + exact)
            #expect(run.exitCode == 0, "\(run.errors)")
            #expect(run.output.contains("all 5 checks hold"))
            #expect(run.errors.isEmpty)
        }
    }

    @Test func reportHasOneLinePerCheck() {
        let run = runTool("check --input 3x3 --kernel 2x2 --kernel-values 0,1,2,3 --exact")
        let lines = run.output.split(separator: "\n").filter { $0.hasPrefix("ok") }
        #expect(lines.count == 5)
        #expect(lines.allSatisfy { $0.contains("max error 0") && $0.contains("exact") })
    }

    @Test(arguments: [
        (
            "check --input 3x3 --kernel 2x2 --kernel-values 1,2,3",
            "--kernel-values: expected 4 values (weight shape 1×1×2×2), got 3"
        ),
        (
            "check --input 3x3 --kernel 2x2 --kernel-values 1,2,3,nan",
            "--kernel-values: value 4: 'nan': NaN and infinity are not allowed"
        ),
        ("check --input 3x3 --kernel 2x2 --kernel-values 1,2,3,inf", "NaN and infinity"),
        ("check --input 3x3 --kernel 2x2 --kernel-values 1,2,3,four", "'four' is not a number"),
        (
            "check --input 3x3 --kernel 2x2 --kernel-values random --input-values 1,2",
            "--input-values: expected 9 values (input shape 1×3×3), got 2"
        ),
        (
            "check --input 3x3 --kernel 2x2 --kernel-values random --seed -1",
            "--seed: expected a whole number"
        ),
        (
            "check --input 3x3 --kernel 2x2 --kernel-values 1,2,3,0.12345678901234567891 --exact",
            "no exact fraction"
        ),
    ])
    func badInputIsAOneLineUsageError(_ commandLine: String, _ message: String) {
        let run = runTool(commandLine)
        #expect(run.exitCode == 2)
        #expect(run.output.isEmpty)
        #expect(run.errors.hasPrefix("error: "))
        #expect(run.errors.contains(message), "\(run.errors)")
        #expect(run.errors.split(separator: "\n").count == 1)
    }
}

/// Without values, check draws both kernel and input from the seed.
@Test("check without values draws a random kernel and input from the seed")
func checkDrawsRandomValues() {
    let run = runTool("check --input 3x3 --kernel 2x2")
    #expect(run.exitCode == 0)
    #expect(run.output.hasSuffix("all 5 checks hold\n"))
    #expect(
        runTool("check --input 3x3 --kernel 2x2 --seed 5").output
            == runTool("check --input 3x3 --kernel 2x2 --seed 5").output)
}
