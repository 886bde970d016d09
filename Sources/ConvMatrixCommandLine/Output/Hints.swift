import ConvMatrix

/// What the command line adds to the library's notes and reports: how to see more or go further
/// with one of its own commands or flags. The library's text names none (its writers take these
/// from their caller); they are written here, beside the flags they name.
enum Hints {
    /// After the valid output sizes of a transposed layer (`shape`, `transpose`).
    static let wholeLayer = "'convmatrix frameworks' gives the whole layer in each framework"

    /// After an elided connectivity report.
    static let connectivityElision = "--full prints every line"

    /// After a stack's composed matrix or supports over the memory budget.
    static let stackMemory = "raise --max-memory or choose a smaller input"

    /// The notes of `compose`'s report.
    static let stackReport = StackAnalysisWriter.Hints(
        supports: "the supports are in --format json", largeMatrix: "raise --max-cells",
        memoryBudget: stackMemory)
}
