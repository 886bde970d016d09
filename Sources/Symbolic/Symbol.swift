/// An indexed variable such as `k₀₂`, `O₁₀`, `k⁽¹'⁰⁾₂₂` or a bare `x`.
///
/// A symbol is identified by its name, its superscript indices and its subscript indices;
/// two symbols are the same variable exactly when all three are equal. Symbols carry no
/// value and know nothing about how they are printed: see ``LaTeXPrinter`` and
/// ``PlainTextPrinter``.
///
/// Indices may be any `Int`, including negative or multi-digit ones. Note that the usual
/// printed notation is ambiguous for a single index ≥ 10 (`k_{10}` is printed both for
/// indices `[10]` and `[1, 0]`); the symbols are still distinct values.
public struct Symbol: Hashable, Comparable, Sendable {
    /// The base letter or word, e.g. `"k"`, `"I"`, `"O"`, `"x"`, `"dx"`. Printed verbatim.
    public let name: String
    /// Superscript indices, e.g. a channel pair `[1, 0]` printed `^{(1,0)}`; empty for none.
    public let superscript: [Int]
    /// Subscript indices, e.g. `[0, 2]` printed `_{02}`; empty for a bare symbol such as `k`.
    public let indices: [Int]

    /// The symbol `name` with the given subscript `indices` and `superscript` indices
    /// (both default to none). Any strings and integers are accepted.
    public init(_ name: String, indices: [Int] = [], superscript: [Int] = []) {
        self.name = name
        self.indices = indices
        self.superscript = superscript
    }

    /// The natural order: by `name` (String `<`), then by `superscript`, then by `indices`,
    /// index lists compared numerically element by element with a proper prefix first,
    /// so `[0] < [0, 1] < [0, 2] < [0, 10] < [2]`. (Printers may sort differently: SymPy
    /// sorts by the printed LaTeX string, where `k_{0,10}` precedes `k_{02}`.)
    public static func < (l: Symbol, r: Symbol) -> Bool {
        if l.name != r.name { return l.name < r.name }
        if l.superscript != r.superscript {
            return l.superscript.lexicographicallyPrecedes(r.superscript)
        }
        return l.indices.lexicographicallyPrecedes(r.indices)
    }

    /// `true` when the indices `values` must be printed separated by commas: some index is
    /// negative or has two or more digits (otherwise `[0, 2]` prints as `02`).
    static func needsIndexSeparator(_ values: [Int]) -> Bool {
        values.contains { $0 < 0 || $0 > 9 }
    }
}
