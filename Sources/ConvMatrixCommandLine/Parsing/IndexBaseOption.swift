import ConvMatrix

extension Options {
    /// `--index-base 0|1`: where printed indices start.
    static let indexBase = OptionDefinition(
        name: "index-base", valueName: "<0|1>",
        help: "First printed index: 0 as PyTorch (I₀₀, default) or 1 as course notes (x₁₁).")
}

/// `--names` and `--index-base`, read together: every command that prints symbols takes both.
enum SymbolOptions {
    /// The letters (`--names`, default I,k,O) with their index base (`--index-base`, default 0).
    static func names(_ arguments: ParsedArguments) throws(UsageError) -> SymbolNames {
        do throws(SpecificationError) {
            var letters = SymbolNames.ikO
            if let text = arguments.value(Options.names) {
                letters = try SymbolNames(parsing: text)
            }
            guard let text = arguments.value(Options.indexBase) else { return letters }
            guard let base = Int(text) else {
                throw SpecificationError(.indexBase, "must be 0 or 1, got '\(text)'")
            }
            return try letters.withIndexBase(base)
        } catch {
            throw UsageError(error)
        }
    }
}
