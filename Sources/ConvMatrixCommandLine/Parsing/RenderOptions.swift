import ConvMatrix

/// How a command prints: the format, the LaTeX style, ASCII or Unicode, the symbol names and
/// the matrix convention.
struct RenderOptions: Sendable {
    /// Output formats of the matrix commands.
    enum Format: String, Sendable, CaseIterable {
        /// Aligned columns for a terminal, with a description.
        case text
        /// LaTeX math only, ready to paste.
        case latex
        /// Matrix Market coordinate format (needs kernel values, or `--pattern`).
        case mtx
        /// JSON: the layer, the convention and every non-zero (docs/formats.md).
        case json
        /// Dense comma-separated values, small matrices only.
        case csv

        /// Whether the format is for other programs (no title, no alignment).
        var isExport: Bool { self == .mtx || self == .json || self == .csv }
    }

    /// Row (`X·U = O`) or column (`y = U·x`) convention: the library's.
    typealias Convention = MatrixConvention

    /// LaTeX matrix environments.
    enum LaTeXStyle: String, Sendable, CaseIterable {
        case bmatrix, pmatrix, sympy
    }

    let format: Format
    let latexStyle: LaTeXStyle
    let ascii: Bool
    let names: SymbolNames
    let convention: Convention
    let limits: ResourceLimits
    /// `--full`: text prints every entry, however large the matrix.
    let full: Bool

    /// Reads the rendering options that `arguments` may hold, for a command that writes
    /// `formats`.
    init(_ arguments: ParsedArguments, formats: [Format]) throws(UsageError) {
        let option = Options.format(formats)
        let chosen = try arguments.choice(option, default: Format.text)
        guard formats.contains(chosen) else {
            throw UsageError(
                flag: "format", "expected \(option.valueName ?? ""), got '\(chosen.rawValue)'")
        }
        format = chosen
        latexStyle = try arguments.choice(Options.latexStyle, default: LaTeXStyle.bmatrix)
        ascii = arguments.has(Options.ascii)
        convention = try arguments.choice(Options.convention, default: Convention.row)
        names = try arguments.symbolNames()
        limits = try LayerOptions.limits(arguments)
        full = arguments.has(Options.full)
    }

    /// The plain-text style.
    /// How the output gradient δ is written: `\delta` in LaTeX, `δ` elsewhere.
    var gradientName: String { format == .latex ? "\\delta" : "δ" }

    var style: TextStyle { TextStyle(ascii: ascii) }

    /// The LaTeX matrix printer for the chosen style: SymPy's term order for `sympy`, the
    /// natural order (`k_{02}` before `k_{0,10}`) otherwise.
    var latexPrinter: MatrixLaTeXPrinter {
        switch latexStyle {
        case .sympy:
            MatrixLaTeXPrinter(style: .sympy, expressionPrinter: LaTeXPrinter(termOrder: .sympy))
        case .bmatrix:
            MatrixLaTeXPrinter(
                style: .bmatrix, expressionPrinter: LaTeXPrinter(termOrder: .natural))
        case .pmatrix:
            MatrixLaTeXPrinter(
                style: .pmatrix, expressionPrinter: LaTeXPrinter(termOrder: .natural))
        }
    }

    /// The plain-text matrix printer.
    var textPrinter: MatrixPlainTextPrinter { MatrixPlainTextPrinter(ascii: ascii) }

    /// The plain-text expression printer.
    var expressionPrinter: PlainTextPrinter { PlainTextPrinter(ascii: ascii) }
}
