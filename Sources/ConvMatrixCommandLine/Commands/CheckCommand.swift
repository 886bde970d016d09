import ConvMatrix

/// `convmatrix check`: U against an independent direct computation, at numbers.
struct CheckCommand: ConsoleCommand {
    let name = "check"
    let abstract = "Check U numerically: direct convolution, transpose, adjoint and backward pass."
    let discussion = """
        At the given (or random) kernel and input values, compares the direct convolution with
        U·x, the direct transposed convolution (scatter form) with Uᵀ·y, the adjoint identity
        ⟨U·x, y⟩ = ⟨x, Uᵀ·y⟩, and the backward pass dE/dx = Uᵀ·δ and dE/dw = M(x)ᵀ·δ (M(x) the
        im2col matrix) with finite differences of E = ⟨δ, conv(x)⟩. y and δ are random (--seed).
        --exact uses rational arithmetic and demands equality; values must then be fractions.
        Exit code 1 when an identity fails.

        EXAMPLES:
          convmatrix check --input 3x3 --kernel 2x2 --kernel-values 0,1,2,3 --input-values 0,1,2,3,4,5,6,7,8
          convmatrix check --input 5x5 --kernel 3x3 --stride 2 --padding 1 --kernel-values random --exact
        """
    let options =
        Options.layer + [
            Options.kernelValues, Options.inputValues, Options.outputGradient, Options.seed,
            Options.exact,
            Options.maxMemory, Options.quiet,
        ]

    func run(
        _ arguments: ParsedArguments, output: inout some TextOutputStream, console: Console
    ) throws(UsageError) -> CommandResult {
        let conv = try LayerOptions.convolutionOrForward(arguments)
        let limits = try LayerOptions.limits(arguments)
        let exact = arguments.has(Options.exact)
        // The budget applies before any value is drawn or parsed.
        do {
            try conv.checkNumericCheckMemory(exact: exact, limits: limits)
        } catch {
            throw UsageError(error)
        }
        let seed = try ValueOptions.seed(arguments)
        let values = try Self.values(arguments, conv, seed: seed)
        let report: NumericCheckReport
        let progress = progressLine(arguments, console: console)
        defer { progress.end() }
        do {
            report = try conv.numericCheck(
                values, exact: exact, limits: limits, progress: progress.sink)
        } catch {
            throw Self.usageError(error)
        }
        output.write("check: \(SpecFlags.flags(for: conv))\n")
        output.write(
            "arithmetic: \(exact ? "exact (rational)" : "Double"); \(arguments.value(Options.outputGradient) == nil ? "y and δ" : "y") random with seed \(seed)\n"
        )
        let width = report.lines.map(\.name.count).max() ?? 0
        for line in report.lines {
            let pad = String(repeating: " ", count: width - line.name.count)
            let bound = line.tolerance.map { "tolerance \(Self.short($0))" } ?? "exact"
            output.write(
                "\(line.passed ? "ok  " : "FAIL")  \(line.name)\(pad)  max error \(Self.short(line.largestError))  (\(line.compared), \(bound))\n"
            )
        }
        let failed = report.lines.filter { !$0.passed }.count
        output.write(
            failed == 0
                ? "all \(report.lines.count) checks hold\n"
                : "\(failed) of \(report.lines.count) checks FAILED\n")
        return CommandResult(exitCode: failed == 0 ? 0 : 1)
    }

    /// The values of the check, drawn from `seed` in a fixed order: the kernel (unless given),
    /// the input (unless given), y, and δ (unless given).
    static func values(_ arguments: ParsedArguments, _ conv: Convolution, seed: UInt64)
        throws(UsageError) -> NumericCheckValues
    {
        var generator = SplitMix64(seed: seed)
        let kernel =
            try ValueOptions.kernelValues(
                arguments, layout: conv.kernelLayout, generator: &generator)
            ?? KernelValues(randomFor: conv.kernelLayout, using: &generator)
        let input = try ValueOptions.inputValues(
            arguments, channels: conv.inChannels, extents: conv.inputExtents,
            generator: &generator)
        let y = TensorValues(
            randomFor: conv.outChannels, extents: conv.outputExtents, using: &generator)
        let delta =
            try ValueOptions.outputGradient(
                arguments, channels: conv.outChannels, extents: conv.outputExtents,
                generator: &generator)
            ?? TensorValues(
                randomFor: conv.outChannels, extents: conv.outputExtents, using: &generator)
        return NumericCheckValues(kernel: kernel, input: input, output: y, delta: delta)
    }

    /// The flag a check's error is about, and what to do.
    static func usageError(_ error: NumericCheckError) -> UsageError {
        switch error {
        case .specification(let error): UsageError(error)
        case .inexact(let error):
            UsageError(
                flag: UsageError.flag(for: error.field), "\(error.message), or drop --exact")
        case .exactOverflow(let error):
            UsageError(
                flag: "exact",
                "exact arithmetic overflows (\(error.message)); drop --exact to use Double")
        }
    }

    /// `0`, `3.1e-15`, `1e-09`: two significant digits.
    static func short(_ value: Double) -> String {
        TwoSignificantDigits.format(value)
    }
}
