import ConvMatrix

extension ParsedArguments {
    /// The letters of `--names` (input, kernel, output), or I, k, O when it is absent: read in
    /// this one place by every command that prints symbols.
    func symbolNames() throws(UsageError) -> SymbolNames {
        guard let text = value(Options.names) else { return .ikO }
        do {
            return try SymbolNames(parsing: text)
        } catch {
            throw UsageError(error)
        }
    }
}
