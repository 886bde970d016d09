import Testing

/// `convmatrix` on numbers at the limits: huge exponents and 19-digit integers parse without a
/// trap, what cannot be exact is refused on one line, and checks pass at large values.
@Suite("Numbers at the limits on the command line") struct ExtremeValuesCommandTests {
    @Test(arguments: [
        "check --input 1 --kernel 1 --kernel-values 1 --input-values 1.5e-9223372036854775807",
        "check --input 4 --kernel 2 --kernel-values 1e15,1",
        "check --input 4 --kernel 2 --input-values 1e15,1,1,1 --kernel-values 1,1",
        "unroll --input 1 --kernel 1 --kernel-values 9223372036854775807",
        "unroll --input 1 --kernel 1 --kernel-values 1000000000000000000",
    ])
    func succeeds(_ command: String) {
        let run = runTool(command)
        #expect(run.exitCode == 0, "\(run.errors)")
        #expect(run.errors.isEmpty)
    }

    @Test(arguments: [
        (
            "unroll --input 1 --kernel 1 --kernel-values 1e-9223372036854775808",
            "--kernel-values: value 1 '1e-9223372036854775808' has no exact fraction of 64-bit integers; give fewer digits"
        ),
        (
            "unroll --input 1 --kernel 1 --kernel-values 1.5e-9223372036854775808",
            "--kernel-values: value 1 '1.5e-9223372036854775808' has no exact fraction of 64-bit integers; give fewer digits"
        ),
        (
            "check --exact --input 1 --kernel 1 --kernel-values 1.5e-30",
            "--kernel-values: value 1 '1.5e-30' has no exact fraction of 64-bit integers; give fewer digits, or drop --exact"
        ),
        (
            "check --exact --input 2 --kernel 1 --input-values 1e10,1e10 --kernel-values 1e10",
            "--exact: exact arithmetic overflows"
        ),
        ("check --input 100000x100000 --kernel 3x3", "--max-memory: a layer of 10000000000 inputs"),
        (
            "check --input 5 --kernel 3 --in-channels 10000000 --max-memory 1MB",
            "--max-memory: a layer of 50000000 inputs, 3 outputs and 30000000 weights needs"
        ),
    ])
    func refusesOnOneLine(_ command: String, _ message: String) {
        let run = runTool(command)
        #expect(run.exitCode == 2)
        #expect(run.output.isEmpty)
        #expect(run.errors.contains(message), "\(run.errors)")
        #expect(run.errors.split(separator: "\n").count == 1)
    }

    @Test func largeCheckSamplesABoundedNumberOfCoordinates() {
        let run = runTool("check --input 100x100 --kernel 7x7 --in-channels 2 --out-channels 2")
        #expect(run.exitCode == 0, "\(run.errors)")
        #expect(run.output.contains("4 of 20000 coordinates"))
    }
}

/// Exports refuse entries whose sum of taps is not finite in Double, before writing anything.
@Test(
    "exports refuse non-finite sums of taps",
    arguments: ["mtx", "json", "csv"])
func exportsRefuseNonFiniteSums(format: String) {
    let run = runTool(
        "unroll --input 3 --kernel 3 --kernel-values 1e308,1,1e308 --padding 2 --padding-mode reflect --format \(format)"
    )
    #expect(run.exitCode == 2 && run.output.isEmpty)
    #expect(
        run.errors
            == "error: --kernel-values: the entry (1, 1), a sum of 2 taps, is not finite in Double\n"
    )
}
