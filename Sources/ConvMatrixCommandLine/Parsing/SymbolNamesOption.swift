import ConvMatrix

extension ParsedArguments {
    /// The letters of `--names` (input, kernel, output), or I, k, O when it is absent, with the
    /// index base of `--index-base`: read in this one place by every command that prints
    /// symbols.
    func symbolNames() throws(UsageError) -> SymbolNames {
        try SymbolOptions.names(self)
    }
}
