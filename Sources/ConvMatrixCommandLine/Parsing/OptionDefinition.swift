import ConvMatrix

/// One command-line option: its name, whether it takes a value, whether a command needs it,
/// and its help line.
struct OptionDefinition: Hashable, Sendable {
    /// The name without dashes (`stride`).
    let name: String
    /// The placeholder of its value (`<s|sxs>`), or nil for a flag that takes none.
    let valueName: String?
    /// One line of help.
    let help: String
    /// Whether every command that accepts the option needs it (the usage line lists it).
    var isRequired = false
    /// Other names the option answers to (`transposed-layer` for `transposed`); help shows only
    /// ``name``.
    var aliases: [String] = []
    /// Whether the option may be given several times (`--layer` of `compose`); its values may
    /// then start with `--`, as a layer's own flags do.
    var repeatable: Bool = false

    /// Whose words the value's alternatives are (``choices``).
    enum Vocabulary: Hashable, Sendable {
        /// convmatrix's own (`text`, `es`, `reflect`, `random`): typed in any case.
        case own
        /// A framework API's (JAX's `true`/`false`): kept as typed, for the command to read by
        /// that API's rules (`SAME`, `NOTSET` are TensorFlow's and ONNX's own spelling).
        case framework
    }
    /// Whose words ``choices`` are; convmatrix's own unless the option is an API parameter.
    var vocabulary: Vocabulary = .own

    /// `--stride <s|sxs>`.
    var synopsis: String { valueName.map { "--\(name) \($0)" } ?? "--\(name)" }

    /// The literal words the value may be, for shell completion and for reading them in any
    /// case: the alternatives of ``valueName`` that are lowercase words (`text`, `latex`;
    /// `valid`, `same`, `full` of `--padding`; `en`, `es` of `--lang`; `random` of
    /// `--kernel-values`), leaving out placeholders such as `n`, `nxn`, `<C>`, `<dir>`,
    /// `v1,v2,…` or the units of `<bytes|NMiB|NGiB>`. A value name of one alternative is a
    /// placeholder (`<file>`, `<ms>`).
    var choices: [String] {
        guard let valueName, valueName.hasPrefix("<"), valueName.hasSuffix(">") else { return [] }
        let alternatives = valueName.dropFirst().dropLast().split(separator: "|").map(String.init)
        // `<bytes|NMiB|NGiB>`: capitals mark a list of placeholders, not of words.
        guard alternatives.count >= 2,
            !alternatives.contains(where: { $0.contains(where: \.isUppercase) })
        else {
            return []
        }
        return alternatives.filter {
            word in
            let letters = Array(word)
            guard letters.count >= 2, letters.first != "-", letters.last != "-",
                letters.allSatisfy({ ($0 >= "a" && $0 <= "z") || $0 == "-" })
            else {
                return false
            }
            // `sxs`, `kxkxk`: a placeholder letter repeated per axis.
            let isAxisPlaceholder =
                letters.count % 2 == 1
                && letters.indices.allSatisfy {
                    $0 % 2 == 1 ? letters[$0] == "x" : letters[$0] == letters[0]
                }
            return !isAxisPlaceholder
        }
    }

    /// `typed` spelled as the option's own word when it is one in another case (`ES` is `es`,
    /// `Reflect` is `reflect`); otherwise as typed. The parser reads every value through this,
    /// so every command sees convmatrix's words in their one spelling; a framework's words
    /// (``Vocabulary/framework``) are left alone.
    func spelled(_ typed: String) -> String {
        guard vocabulary == .own else { return typed }
        return Self.word(typed, among: choices) ?? typed
    }

    /// The word of `words` that `typed` is, ignoring case (ASCII letters: convmatrix's words
    /// are ASCII); nil when it is none of them.
    static func word(_ typed: String, among words: [String]) -> String? {
        if words.contains(typed) { return typed }
        let folded = asciiLowercase(typed)
        return words.first { asciiLowercase($0) == folded }
    }

    private static func asciiLowercase(_ text: String) -> String {
        String(
            String.UnicodeScalarView(
                text.unicodeScalars.map {
                    ("A"..."Z").contains($0) ? Unicode.Scalar($0.value + 32) ?? $0 : $0
                }))
    }
}

extension OptionDefinition {
    /// An option whose value is one of `choices`' words, in their declaration order
    /// (`<matrices|equations>`): the words are the raw values of the enum the command reads the
    /// value into, so that help, completion and parsing cannot disagree.
    init<Choice: CaseIterable & RawRepresentable>(
        name: String, choices: Choice.Type, help: String
    ) where Choice.RawValue == String {
        self.init(
            name: name,
            valueName: "<\(Choice.allCases.map(\.rawValue).joined(separator: "|"))>", help: help)
    }
}

/// Every option the commands share, defined once.
enum Options {
    static let input = OptionDefinition(
        name: "input", valueName: "<n|nxn|nxnxn>",
        help: "Spatial input size, axes joined by x (5x5). Required.", isRequired: true)
    static let kernel = OptionDefinition(
        name: "kernel", valueName: "<k|kxk|kxkxk>",
        help: "Spatial kernel size, same axes as the input. Required.", isRequired: true)
    static let stride = OptionDefinition(
        name: "stride", valueName: "<s|sxs>", help: "Stride per axis, or one for all (default 1).")
    static let padding = OptionDefinition(
        name: "padding", valueName: "<p|pxp|b:axb:a|valid|same|full>",
        help: "Padding per axis: p on both sides or before:after; or a word (default 0).")
    static let dilation = OptionDefinition(
        name: "dilation", valueName: "<d|dxd>", help: "Dilation per axis (default 1).")
    static let outputPadding = OptionDefinition(
        name: "output-padding", valueName: "<a|axa>",
        help: "Extra output positions at the end of each axis, < stride or < dilation (default 0).")
    static let inChannels = OptionDefinition(
        name: "in-channels", valueName: "<C>", help: "Input channels (default 1).")
    static let outChannels = OptionDefinition(
        name: "out-channels", valueName: "<M>", help: "Output channels (default 1).")
    static let groups = OptionDefinition(
        name: "groups", valueName: "<g>",
        help: "Groups; must divide both channel counts (default 1).")
    static let paddingMode = OptionDefinition(
        name: "padding-mode", choices: PaddingMode.self,
        help: "What padded positions hold, as in PyTorch (default zeros).")
    static let sameRule = OptionDefinition(
        name: "same-rule", choices: SameRule.self,
        help: "'same' with stride > 1: refused (pytorch, default) or TensorFlow's SAME.")
    static let flip = OptionDefinition(
        name: "flip", valueName: nil,
        help: "True convolution: the kernel rotated 180° (default: cross-correlation).")
    static let convention = OptionDefinition(
        name: "convention", choices: MatrixConvention.self,
        help: "row: X·U = O, U is inputs×outputs (default); column: y = U·x.")
    static let transpose = OptionDefinition(
        name: "transpose", valueName: nil, help: "Show the transpose (Uᵀ, or C = O·T for apply).")
    static let names = OptionDefinition(
        name: "names", valueName: "<I,k,O>",
        help: "Letters for input, kernel and output (default I,k,O; or x,w,y).")
    /// `--format` of a matrix command, listing the formats it writes (declared by the command).
    static func format(_ formats: [RenderOptions.Format]) -> OptionDefinition {
        let exports = formats.filter(\.isExport).map(\.rawValue)
        let others =
            exports.isEmpty
            ? "" : "; \(exports.joined(separator: ", ")) are for other tools (docs/formats.md)"
        return OptionDefinition(
            name: "format", valueName: "<\(formats.map(\.rawValue).joined(separator: "|"))>",
            help: "Output format (default text)\(others).")
    }
    static let latexStyle = OptionDefinition(
        name: "latex-style", choices: RenderOptions.LaTeXStyle.self,
        help: "LaTeX matrix style; sympy prints exactly as SymPy's latex() (default bmatrix).")
    static let ascii = OptionDefinition(
        name: "ascii", valueName: nil, help: "Plain ASCII text (x for ×, k_00 for k₀₀).")
    static let maxCells = OptionDefinition(
        name: "max-cells", valueName: "<n>",
        help: "Largest dense matrix to print, in cells (default 50000000).")
    static let maxMemory = OptionDefinition(
        name: "max-memory", valueName: "<bytes|NMiB|NGiB>",
        help:
            "Memory budget; the peak stays within it plus 512 MiB for the runtime (default 4GiB; MB and GB are decimal)."
    )
    static let averagePool = OptionDefinition(
        name: "average-pool", valueName: nil,
        help:
            "Average pooling: every tap is 1/Πk (1/k in 1-D, 1/(k·k) in 2-D), each channel pooled alone, stride = kernel unless given."
    )
    static let kernelValues = OptionDefinition(
        name: "kernel-values", valueName: "<v1,v2,…|random|@file>",
        help:
            "Kernel weights in PyTorch order (1,-2,0.5,1/9), random (see --seed), or @w.npy / @w.txt."
    )
    static let inputValues = OptionDefinition(
        name: "input-values", valueName: "<v1,v2,…|random|@file>",
        help: "Input values, channel first then row-major, random, or @x.npy / @x.txt.")
    static let seed = OptionDefinition(
        name: "seed", valueName: "<n>", help: "Seed of the random values (default 1).")
    static let exact = OptionDefinition(
        name: "exact", valueName: nil,
        help: "Exact rational arithmetic: results must agree exactly.")
    static let pattern = OptionDefinition(
        name: "pattern", valueName: nil, help: "With --format mtx: the sparsity pattern, no values."
    )
    /// `--transposed` (also `--transposed-layer`): the layer flags describe a transposed
    /// convolution, in every command (docs/command-line.md, "Naming a transposed convolution").
    static let transposed = OptionDefinition(
        name: "transposed", valueName: nil,
        help:
            "The layer flags describe a transposed convolution (PyTorch's ConvTranspose): its own --input, --output-padding (default: a convolution).",
        aliases: ["transposed-layer"])
    static let full = OptionDefinition(
        name: "full", valueName: nil,
        help:
            "Text: print every entry (past 1000 entries, text shows only the first and last 3 rows, columns and grids, as NumPy prints large arrays)."
    )
    static let help = OptionDefinition(
        name: "help", valueName: nil, help: "Show help for this command.")
    /// `--quiet`, on the commands that can work long.
    static let quiet = OptionDefinition(
        name: "quiet", valueName: nil,
        help:
            "No progress line (shown on standard error when it is a terminal and the work takes over a second)."
    )

    /// The options that describe a layer: a convolution, or with `--transposed` a transposed
    /// convolution (which alone takes `--output-padding`). Every command reads them alike.
    static let layer = [
        input, kernel, stride, padding, dilation, inChannels, outChannels, groups, paddingMode,
        sameRule, flip, transposed, outputPadding,
    ]
    /// The options of the commands about a transposed convolution (`transpose`, `verify`,
    /// `equivalent`): the transpose of the convolution described, or with `--transposed` the
    /// transposed layer itself.
    static let transposeSubject = layer + [ascii, maxMemory]
    /// The options that choose how matrices are printed.
    static func rendering(formats: [RenderOptions.Format]) -> [OptionDefinition] {
        [convention, names, indexBase, format(formats), latexStyle, ascii, maxCells, maxMemory]
    }
    /// The options that give numbers to a printed matrix.
    static let values = [kernelValues, seed, pattern]
}

/// The options of `derive` and `draw` (course notes).
extension Options {
    static let deriveFormat = OptionDefinition(
        name: "format", choices: DerivationRenderer.Format.self,
        help: "Document format (default text).")
    static let standalone = OptionDefinition(
        name: "standalone", valueName: nil,
        help:
            "A complete LaTeX document instead of a fragment; implies --format latex (derive) or tikz (draw)."
    )
    static let lang = OptionDefinition(
        name: "lang", choices: NotesLanguage.self, help: "Language of the prose (default en).")
    static let maxRows = OptionDefinition(
        name: "max-rows", valueName: "<n>",
        help: "Rows shown per matrix before eliding the middle, ≥ 3 (default 12).")
    static let maxCols = OptionDefinition(
        name: "max-cols", valueName: "<n>",
        help: "Columns shown per matrix before eliding the middle, ≥ 3 (default 12).")
    static let maxTerms = OptionDefinition(
        name: "max-terms", valueName: "<n>",
        help: "Terms shown per entry before eliding the middle ones, ≥ 3 (default 4).")
}
