import ConvMatrixSymbols

/// A derivation document as structure: sections of paragraphs, lists, formulas and matrices,
/// with no words and no markup. Words come from ``NotesLanguage`` tables, markup from a
/// renderer (``DerivationRenderer``), so the same derivation prints in LaTeX, Markdown or text,
/// in English or Spanish.
///
/// Built for a convolution by ``init(_:options:)``, step by step: the input grid I, the
/// flattened X, the output size, the kernel placements, U, O = X·U, T = Uᵀ, C = O·T, the
/// equivalent direct convolution of T, and the backward formulas.
public struct Derivation: Sendable {
    /// One block of a section.
    public enum Block: Sendable {
        /// A paragraph of prose.
        case paragraph(DerivationPhrase)
        /// A bulleted list.
        case list([DerivationPhrase])
        /// A displayed equation.
        case formula(MathText)
        /// A displayed matrix `name = [...]`, with an optional caption before it; when the
        /// matrix is elided or `statesSize` holds, its true size is said after it.
        case matrix(name: MathText, ElidedMatrix, caption: DerivationPhrase?, statesSize: Bool)
        /// Displayed equations aligned at `=` (``EquationList``).
        case equations(EquationList)
    }

    /// One section: a heading and its blocks.
    public struct Section: Sendable {
        /// Which part of the derivation this is.
        public let kind: DerivationPhrase.Section
        /// Its contents, in order.
        public let blocks: [Block]
    }

    /// The sections, in order.
    public let sections: [Section]

    /// The widest matrix shown, in columns: amsmath needs `MaxMatrixCols` at least this large.
    public var widestMatrix: Int {
        sections.flatMap(\.blocks).reduce(0) { widest, block in
            if case .matrix(_, let m, _, _) = block { return max(widest, m.columnsNeeded) }
            return widest
        }
    }

    /// The letters of the input and the output, which headings name (`The input grid I`).
    public let names: SymbolNames

    /// A document made of `sections`, whose headings name the input and output with `names`.
    public init(sections: [Section], names: SymbolNames = .ikO) {
        self.sections = sections
        self.names = names
    }
}
