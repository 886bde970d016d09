import ConvMatrix

/// `convmatrix equivalent`: the direct convolution that computes a transposed convolution.
struct EquivalentCommand: Command {
    let name = "equivalent"
    let abstract = "Derive the direct convolution equivalent to a transposed convolution."
    let discussion = """
        Insert s − 1 zeros between inputs, pad d·(k − 1) − p on each side (plus the output
        padding at the end; a negative amount crops), then cross-correlate with stride 1 and the
        kernel rotated by 180°, channels swapped. The derivation is checked entry by entry.

        EXAMPLES:
          convmatrix equivalent --input 5x5 --kernel 3x3 --stride 2
          convmatrix equivalent --transposed --input 3x3 --kernel 3x3 --stride 2 --padding 1 --output-padding 1
          convmatrix equivalent --transposed --input 5 --kernel 3 --padding 3
        """
    let options = Options.transposeSubject

    func run(_ arguments: ParsedArguments, output: inout some TextOutputStream) throws(UsageError)
        -> CommandResult
    {
        let layer = try LayerOptions.transposedSubject(arguments)
        let limits = try LayerOptions.limits(arguments)
        let equivalent: EquivalentConvolution
        do {
            equivalent = try EquivalentConvolution(layer)
        } catch {
            throw UsageError(
                "the equivalent direct convolution does not exist for this layer: the cropping removes the whole zero-inserted input (\(error.message))"
            )
        }
        let verified: Bool
        do {
            verified =
                try equivalent.composedMatrix(limits: limits) == layer.unrolled(limits: limits)
        } catch {
            throw UsageError(error)
        }
        for line in EquivalentReport(
            equivalent, verified: verified,
            style: TextStyle(ascii: arguments.has(Options.ascii)).self
        ).lines {
            output.write(line + "\n")
        }
        return CommandResult(exitCode: verified ? 0 : 1)
    }
}
