import Testing

/// Bad input gets one line on standard error naming the flag and the rule, nothing on standard
/// output, and exit code 2 — never a crash or a trap.
@Suite("Bad input")
struct BadInputTests {
    static let cases: [(arguments: String, message: String)] = [
        // A (dilated) kernel larger than the padded input.
        (
            "unroll --input 3x3 --kernel 5x5",
            "--kernel: kernel spans 5 rows but the padded input has 3; it must fit"
        ),
        (
            "unroll --input 5x5 --kernel 3x3 --dilation 3",
            "--kernel: dilated kernel spans 7 rows"
        ),
        // Zero or negative sizes, strides, dilations; negative padding.
        ("unroll --input 0x5 --kernel 3x3", "--input: must be ≥ 1, got 0 for the rows"),
        ("unroll --input 5x5 --kernel 3x-1", "--kernel: must be ≥ 1, got -1 for the columns"),
        ("unroll --input 5x5 --kernel 3x3 --stride 0", "--stride: must be ≥ 1, got 0"),
        ("unroll --input 5x5 --kernel 3x3 --stride -2", "--stride: must be ≥ 1, got -2"),
        ("unroll --input 5x5 --kernel 3x3 --dilation 0", "--dilation: must be ≥ 1, got 0"),
        ("unroll --input 5x5 --kernel 3x3 --padding -1", "--padding: must be ≥ 0, got -1"),
        ("unroll --input 5x5 --kernel 3x3 --padding 0:-1", "--padding: must be ≥ 0, got -1"),
        // Malformed axis lists.
        (
            "unroll --input 5x --kernel 3x3",
            "--input: expected numbers separated by x (such as 3x3), got '5x'"
        ),
        (
            "unroll --input axb --kernel 3x3",
            "--input: expected whole numbers separated by x, got 'axb'"
        ),
        (
            "unroll --input 5x5 --kernel 3x3x",
            "--kernel: expected numbers separated by x (such as 3x3), got '3x3x'"
        ),
        (
            "unroll --input 5x5 --kernel 3x3 --padding 1:2:3",
            "--padding: expected p or before:after per axis"
        ),
        (
            "unroll --input 5x5 --kernel 3x3 --stride 1x1x1",
            "--stride: has 3 axes but the input has 2"
        ),
        // Kernel and input of different dimensionality.
        ("unroll --input 5x5 --kernel 3x3x3", "--kernel: has 3 axes but the input has 2"),
        // Unknown flags and commands, missing values.
        ("unroll --input 5x5 --kernel 3x3 --strides 2", "unknown option '--strides' for 'unroll'"),
        ("frobnicate --input 5x5", "unknown command 'frobnicate'"),
        ("unroll --input 5x5", "--kernel: is required, for example --kernel 3x3"),
        ("unroll --input 5x5 --kernel", "--kernel: expects a value"),
        ("unroll --input 5x5 --kernel 3x3 --stride 2 --stride 1", "--stride: given more than once"),
        (
            "unroll --input 5x5 --kernel 3x3 --format pdf",
            "--format: expected <text|latex|mtx|json|csv>, got 'pdf'"
        ),
        (
            "unroll --input 5x5 --kernel 3x3 --convention diagonal",
            "--convention: expected <row|column>"
        ),
        (
            "unroll --input 5x5 --kernel 3x3 --latex-style array",
            "--latex-style: expected <bmatrix|pmatrix|sympy>"
        ),
        ("unroll --input 5x5 --kernel 3x3 --names x,w", "--names: expected three names"),
        ("unroll --input 5x5 --kernel 3x3 --names x,x,y", "--names: the three names must differ"),
        ("unroll --input 5x5 --kernel 3x3 --ascii=yes", "--ascii: is a flag and takes no value"),
        ("unroll 5x5", "unexpected argument '5x5' for 'unroll'"),
        // Numbers too large for Int.
        (
            "unroll --input 99999999999999999999x5 --kernel 3x3",
            "--input: 99999999999999999999 is too large"
        ),
        (
            "unroll --input 2147483647x2147483647x2147483647 --kernel 1",
            "--input: 1 channel(s) of 2147483647×2147483647×2147483647 elements overflow"
        ),
        (
            "unroll --input 4294967296x4 --kernel 1x1",
            "--input: must be ≤ 2147483647, got 4294967296 for the rows"
        ),
        (
            "shape --input 5 --kernel 3 --padding 9223372036854775807",
            "--padding: must be ≤ 2147483647"
        ),
        (
            "shape --input 5 --kernel 3 --dilation 4611686018427387904 --padding full",
            "--dilation: must be ≤ 2147483647"
        ),
        (
            "transpose --transposed --input 5 --kernel 3 --stride 9223372036854775807",
            "--stride: must be ≤ 2147483647"
        ),
        (
            "unroll --input 5 --kernel 3 --padding 10000000 --format mtx --pattern --max-memory 1MB",
            "--max-memory: a layer of 5 inputs, 20000003 outputs and 3 weights needs 3.0 GiB"
        ),
        (
            "transpose --transposed --input 2 --kernel 1 --stride 2000000000 --format mtx --pattern --max-memory 1MB",
            "--max-memory: a layer of 2 inputs, 2000000001 outputs and 1 weights needs 298.0 GiB"
        ),
        (
            "equivalent --input 5 --kernel 3 --padding 1000000000 --max-memory 1MB",
            "--max-memory: a layer of 2000000003 inputs, 5 outputs and 3 weights needs"
        ),
        // A dense rendering too large to print, refused with its size.
        (
            "unroll --input 300x300 --kernel 3x3 --full",
            "--max-cells: U would be a dense 90000×88804 matrix (7992360000 cells), over the limit of 50000000; raise --max-cells or use a sparse format"
        ),
        (
            "unroll --input 5x5 --kernel 3x3 --max-cells 50",
            "--max-cells: U would be a dense 25×9 matrix (225 cells), over the limit of 50"
        ),
        (
            "unroll --input 5x5 --kernel 3x3 --max-memory 10B --format latex",
            "--max-memory: a layer of 25 inputs, 9 outputs and 9 weights needs 6.7 KiB"
        ),
        // Many channels: few elements, a large matrix.
        (
            "unroll --input 8x8 --kernel 3x3 --in-channels 64 --out-channels 64 --max-memory 8MB --format mtx --pattern",
            "--max-memory: U (1327104 stored entries) needs"
        ),
        (
            "transpose --input 6x6 --kernel 3x3 --in-channels 64 --out-channels 64 --max-memory 8MB --format mtx --pattern",
            "--max-memory: T ("
        ),
        (
            "unroll --input 5x5 --kernel 3x3 --max-memory lots",
            "--max-memory: expected a positive size"
        ),
        // Transposed convolutions.
        (
            "transpose --transposed --input 2x2 --kernel 3x3 --stride 2 --output-padding 2",
            "--output-padding: must be smaller than the stride (2) or the dilation (1), got 2"
        ),
        (
            "transpose --transposed --input 2x2 --kernel 3x3 --padding 3",
            "--padding: crops the whole output for the rows"
        ),
        (
            "transpose --transposed --input 2x2 --kernel 3x3 --padding same",
            "--padding: a transposed convolution takes padding amounts"
        ),
        // Channels and groups.
        (
            "unroll --input 5 --kernel 3 --in-channels 3 --groups 2",
            "--groups: must divide the input channels (3), got 2"
        ),
        (
            "unroll --input 5 --kernel 3 --in-channels 2 --out-channels 3 --groups 2",
            "--groups: must divide the output channels (3), got 2"
        ),
        ("unroll --input 5 --kernel 3 --in-channels 0", "--in-channels: must be ≥ 1, got 0"),
        // Padding words and modes.
        (
            "unroll --input 5x5 --kernel 3x3 --stride 2 --padding same",
            "--padding: same needs stride 1 under PyTorch's rule, got stride 2"
        ),
        (
            "unroll --input 3 --kernel 3 --padding 3 --padding-mode reflect",
            "--padding-mode: reflect needs padding < input size"
        ),
        (
            "unroll --input 3 --kernel 3 --padding 4 --padding-mode circular",
            "--padding-mode: circular needs padding ≤ input size"
        ),
        (
            "unroll --input 3 --kernel 3 --padding-mode mirror",
            "--padding-mode: expected <zeros|reflect|replicate|circular>, got 'mirror'"
        ),
        // verify, equivalent, connectivity.
        (
            "verify --input 5 --kernel 3 --padding 1 --padding-mode reflect",
            "--padding-mode: reflect padding has no transposed convolution"
        ),
        (
            "verify --input 5 --kernel 3 --output-padding 1",
            "--output-padding: belongs to a transposed convolution: add --transposed, and the flags describe the transposed layer itself"
        ),
        (
            "verify --transposed-layer --input 2 --kernel 3 --padding-mode circular",
            "--padding-mode: a transposed convolution only pads with zeros"
        ),
        (
            "equivalent --transposed-layer --input 2 --kernel 3 --stride 1 --output-padding 1",
            "--output-padding: must be smaller than the stride (1) or the dilation (1), got 1"
        ),
        (
            "connectivity --input 5 --kernel 3 --format latex",
            "--format: expected <text|markdown|csv>, got 'latex'"
        ),
        (
            "connectivity --input 5x5 --kernel 3 --in-channels 4 --out-channels 6 --groups 4",
            "--groups: must divide the output channels (6), got 4"
        ),
        // Exact kernel values whose sum (reflect padding) overflows 64-bit fractions.
        (
            "unroll --input 3 --kernel 3 --padding 1 --padding-mode reflect --kernel-values 1/999999999999999,1,1/999999999999997 --format latex --convention column",
            "--kernel-values: the entry (0, 1), a sum of 2 taps, overflows exact 64-bit fractions"
        ),
        // Help with too many arguments.
        ("help unroll transpose", "help takes at most one command name"),
    ]

    @Test("one line on stderr, nothing on stdout, exit code 2", arguments: cases.map(\.arguments))
    func rejected(arguments: String) {
        let expected = Self.cases.first { $0.arguments == arguments }!.message
        let run = runTool(arguments)
        #expect(run.exitCode == 2)
        #expect(run.output.isEmpty)
        #expect(run.errors.hasPrefix("error: "))
        #expect(run.errors.contains(expected), "got: \(run.errors)")
        #expect(run.errors.filter { $0 == "\n" }.count == 1, "one line: \(run.errors)")
    }

    @Test(
        "every command refuses the same bad layer the same way",
        arguments: ["unroll", "apply", "placements", "symbols", "shape"])
    func everyCommand(command: String) {
        let run = runTool("\(command) --input 5x5 --kernel 3x3 --stride 0")
        #expect(run.exitCode == 2 && run.output.isEmpty)
        #expect(run.errors == "error: --stride: must be ≥ 1, got 0\n")
    }
}
