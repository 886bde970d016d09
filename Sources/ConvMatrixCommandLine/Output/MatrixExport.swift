import ConvMatrix

/// The exports of the matrix commands (`--format mtx|json|csv`): the checks before anything is
/// written (the writers are MTXFormat, JSONFormat and CSVFormat).
extension MatrixOutput {
    /// Refuses `mtx` without values and without `--pattern`, and `--pattern` elsewhere.
    func checkExport(values: KernelValues?, pattern: Bool) throws(UsageError) {
        if options.format == .mtx && values == nil && !pattern {
            throw UsageError(
                flag: "format",
                "mtx needs --kernel-values (numbers, or random), or --pattern for the sparsity pattern alone"
            )
        }
        if pattern && options.format != .mtx {
            throw UsageError(flag: "pattern", "applies to --format mtx only")
        }
        if pattern && values != nil {
            throw UsageError(flag: "pattern", "writes no values; drop --kernel-values or --pattern")
        }
    }

    /// Refuses, before anything is written, values whose sums of taps overflow `Double` in
    /// `matrix` (the exports would print `inf` or `null`).
    static func checkFiniteExport(_ matrix: TapMatrix, values: KernelValues?) throws(UsageError) {
        guard let values else { return }
        do {
            try matrix.checkFiniteSums(values.doubles)
        } catch {
            throw UsageError(flag: "kernel-values", error.message)
        }
    }

    /// `matrix` read with the kernel symbols, or with the exact values of `--kernel-values`:
    /// the checked values the printers require, made before anything is printed, so that
    /// printing can't meet an overflow half-way through.
    static func symbolic(_ matrix: TapMatrix, values: KernelValues?, kernel: [Symbol])
        throws(UsageError) -> SymbolicTapMatrix
    {
        guard values != nil else { return SymbolicTapMatrix(matrix, kernel: kernel) }
        let taps = try tapExpressions(values, kernel: kernel)
        do {
            return try SymbolicTapMatrix(matrix, tapValues: taps)
        } catch {
            throw UsageError(flag: "kernel-values", "\(error)")
        }
    }

    static func tapExpressions(_ values: KernelValues?, kernel: [Symbol]) throws(UsageError)
        -> [Expression]
    {
        guard let values else { return kernel.map { Expression($0) } }
        do {
            return try values.rationals().map { Expression($0) }
        } catch {
            throw UsageError(error)
        }
    }
}

/// `--kernel-values`, `--input-values` and `--seed`.
enum ValueOptions {
    /// The seed (default 1).
    static func seed(_ arguments: ParsedArguments) throws(UsageError) -> UInt64 {
        guard let text = arguments.value(Options.seed) else { return 1 }
        guard let seed = UInt64(text) else {
            throw UsageError(flag: "seed", "expected a whole number ≥ 0, got '\(text)'")
        }
        return seed
    }

    /// The kernel values for `layout`; `missing` when `--kernel-values` is absent.
    static func requiredKernelValues(
        _ arguments: ParsedArguments, layout: KernelLayout, generator: inout SplitMix64,
        or missing: UsageError
    ) throws(UsageError) -> KernelValues {
        guard let kernel = try kernelValues(arguments, layout: layout, generator: &generator)
        else { throw missing }
        return kernel
    }

    /// The kernel values for `layout`, or nil when `--kernel-values` is absent.
    static func kernelValues(
        _ arguments: ParsedArguments, layout: KernelLayout, generator: inout SplitMix64
    ) throws(UsageError) -> KernelValues? {
        if arguments.has(Options.averagePool) {
            // Average pooling: every tap 1/Πk, exactly.
            guard arguments.value(Options.kernelValues) == nil else {
                throw UsageError(
                    flag: "kernel-values",
                    "does not go with --average-pool, which sets every tap to 1/(k·k)")
            }
            return KernelValues(averagePooling: layout)
        }
        return try values(
            arguments, Options.kernelValues, field: .kernelValues, generator: &generator,
            random: { KernelValues(randomFor: layout, using: &$0) },
            given: { array throws(SpecificationError) in try KernelValues(array, layout: layout) })
    }

    /// The input values (random when `--input-values` is absent or `random`).
    static func inputValues(
        _ arguments: ParsedArguments, channels: Int, extents: Extents, generator: inout SplitMix64
    ) throws(UsageError) -> TensorValues {
        let random = { (generator: inout SplitMix64) in
            TensorValues(randomFor: channels, extents: extents, using: &generator)
        }
        let given = try values(
            arguments, Options.inputValues, field: .inputValues, generator: &generator,
            random: random,
            given: { array throws(SpecificationError) in
                try TensorValues(array, channels: channels, extents: extents)
            })
        return given ?? random(&generator)
    }
}
