import ConvMatrix

/// `convmatrix verify`: proves that a transposed convolution is the transpose of its forward one.
struct VerifyCommand: Command {
    let name = "verify"
    let abstract =
        "Prove, entry by entry, that a transposed convolution is the transpose of the convolution."
    let discussion = """
        Checks symbolically (sums of kernel symbols, entry by entry): (1) the matrix T of the
        transposed convolution, built from its own scatter definition, equals Uᵀ; (2) the
        equivalent direct convolution (zero insertion, padding d·(k − 1) − p, stride 1, rotated
        kernel, channels swapped) has the matrix T; (3) every link input → output of the
        transposed convolution is a forward link reversed, through the same tap.
        Exit code 0 when all hold, 1 when one fails (with the first differing entry).

        EXAMPLES:
          convmatrix verify --input 5x5 --kernel 3x3 --stride 2
          convmatrix verify --transposed --input 3x3 --kernel 3x3 --stride 2 --padding 1 --output-padding 1
        """
    let options = Options.transposeSubject

    func run(_ arguments: ParsedArguments, output: inout some TextOutputStream) throws(UsageError)
        -> CommandResult
    {
        let layer = try LayerOptions.transposedSubject(arguments)
        let limits = try LayerOptions.limits(arguments)
        let verification: TransposeVerification
        do {
            verification = try TransposeVerification(layer, limits: limits)
        } catch {
            throw UsageError(error)
        }
        let style = TextStyle(ascii: arguments.has(Options.ascii))
        output.write("Transposed convolution: \(LayerDescription.describe(layer, style: style))\n")
        output.write(
            "Forward convolution:    \(LayerDescription.describe(layer.forward, style: style))\n")
        if let equivalent = verification.equivalent {
            output.write(
                "Equivalent convolution: \(LayerDescription.describe(equivalent.convolution, style: style)) (on the zero-inserted input)\n"
            )
        }
        output.write("\n")
        for (index, check) in verification.checks.enumerated() {
            let mark =
                check.holds ? (style.ascii ? "[ok]  " : "✔ ") : (style.ascii ? "[FAIL]" : "✘ ")
            let statement = style.ascii ? check.statement.replacingTranspose : check.statement
            output.write("\(mark) (\(index + 1)) \(statement)")
            if let note = check.note { output.write(" (\(note))") }
            output.write("\n")
            if let difference = check.difference {
                output.write("      first difference: \(VerifyCommand.describe(difference))\n")
            }
        }
        output.write(verification.holds ? "All hold.\n" : "A check failed.\n")
        return CommandResult(exitCode: verification.holds ? 0 : 1)
    }

    static func describe(_ difference: TapMatrixDifference) -> String {
        switch difference {
        case .shape(let a, let b):
            return "shapes \(a.0)×\(a.1) and \(b.0)×\(b.1)"
        case .entry(let row, let column, let a, let b):
            return "entry (\(row), \(column)): taps \(a) against \(b)"
        }
    }
}

extension String {
    /// `Uᵀ` written `U^T`.
    fileprivate var replacingTranspose: String {
        replacingOccurrences(of: "\u{1D40}", with: "^T").replacingOccurrences(of: "→", with: "->")
    }

    /// Written out by characters: `split(separator:)` with a string separator comes from
    /// `_StringProcessing`, and this one call linked its regex engine into the executable, a
    /// measurable part of every run's start-up.
    fileprivate func replacingOccurrences(of target: String, with replacement: String) -> String {
        let characters = Array(self)
        let needle = Array(target)
        guard !needle.isEmpty else { return self }
        var result = ""
        var i = 0
        while i < characters.count {
            if i + needle.count <= characters.count
                && characters[i..<(i + needle.count)].elementsEqual(needle)
            {
                result += replacement
                i += needle.count
            } else {
                result.append(characters[i])
                i += 1
            }
        }
        return result
    }
}
