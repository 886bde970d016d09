/// One command-line option: its name, whether it takes a value, and its help line.
struct OptionDefinition: Hashable, Sendable {
    /// The name without dashes (`stride`).
    let name: String
    /// The placeholder of its value (`<s|sxs>`), or nil for a flag that takes none.
    let valueName: String?
    /// One line of help.
    let help: String
    /// Whether the option may be given several times (`--layer` of `compose`); its values may
    /// then start with `--`, as a layer's own flags do.
    var repeatable: Bool = false

    /// `--stride <s|sxs>`.
    var synopsis: String { valueName.map { "--\(name) \($0)" } ?? "--\(name)" }
}

/// Every option the commands share, defined once.
enum Options {
    static let input = OptionDefinition(
        name: "input", valueName: "<n|nxn|nxnxn>",
        help: "Spatial input size, axes joined by x (5x5). Required.")
    static let kernel = OptionDefinition(
        name: "kernel", valueName: "<k|kxk|kxkxk>",
        help: "Spatial kernel size, same axes as the input. Required.")
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
        name: "padding-mode", valueName: "<zeros|reflect|replicate|circular>",
        help: "What padded positions hold, as in PyTorch (default zeros).")
    static let sameRule = OptionDefinition(
        name: "same-rule", valueName: "<pytorch|tensorflow>",
        help: "'same' with stride > 1: refused (pytorch, default) or TensorFlow's SAME.")
    static let flip = OptionDefinition(
        name: "flip", valueName: nil,
        help: "True convolution: the kernel rotated 180° (default: cross-correlation).")
    static let convention = OptionDefinition(
        name: "convention", valueName: "<row|column>",
        help: "row: X·U = O, U is inputs×outputs (default); column: y = U·x.")
    static let transpose = OptionDefinition(
        name: "transpose", valueName: nil, help: "Show the transpose (Uᵀ, or C = O·T for apply).")
    static let names = OptionDefinition(
        name: "names", valueName: "<I,k,O>",
        help: "Letters for input, kernel and output (default I,k,O; or x,w,y).")
    static let format = OptionDefinition(
        name: "format", valueName: "<text|latex|mtx|json|csv>",
        help:
            "Output format (default text); mtx, json and csv are for other tools (docs/formats.md)."
    )
    static let latexStyle = OptionDefinition(
        name: "latex-style", valueName: "<bmatrix|pmatrix|sympy>",
        help: "LaTeX matrix style; sympy prints exactly as SymPy's latex() (default bmatrix).")
    static let ascii = OptionDefinition(
        name: "ascii", valueName: nil, help: "Plain ASCII text (x for ×, k_00 for k₀₀).")
    static let maxCells = OptionDefinition(
        name: "max-cells", valueName: "<n>",
        help: "Largest dense matrix to print, in cells (default 50000000).")
    static let maxMemory = OptionDefinition(
        name: "max-memory", valueName: "<bytes|NMB|NGB>",
        help: "Memory budget for sparse matrices (default 4GB).")
    static let averagePool = OptionDefinition(
        name: "average-pool", valueName: nil,
        help:
            "Average pooling: every tap is 1/Πk (1/k in 1-D, 1/(k·k) in 2-D), each channel pooled alone, stride = kernel unless given."
    )
    static let kernelValues = OptionDefinition(
        name: "kernel-values", valueName: "<v1,v2,…|random>",
        help: "Kernel weights in PyTorch order (1,-2,0.5,1/9), or random (see --seed).")
    static let inputValues = OptionDefinition(
        name: "input-values", valueName: "<v1,v2,…|random>",
        help: "Input values, channel first then row-major, or random (default random).")
    static let seed = OptionDefinition(
        name: "seed", valueName: "<n>", help: "Seed of the random values (default 1).")
    static let exact = OptionDefinition(
        name: "exact", valueName: nil,
        help: "Exact rational arithmetic: results must agree exactly.")
    static let pattern = OptionDefinition(
        name: "pattern", valueName: nil, help: "With --format mtx: the sparsity pattern, no values."
    )
    /// `--transposed-layer`: the layer flags describe a transposed convolution.
    static let transposedLayerFlag = OptionDefinition(
        name: "transposed-layer", valueName: nil,
        help:
            "The flags describe the transposed convolution itself (its own --input, --output-padding); default: a forward convolution, whose transpose is taken."
    )
    static let help = OptionDefinition(
        name: "help", valueName: nil, help: "Show help for this command.")

    /// The options that describe a convolution layer.
    static let layer = [
        input, kernel, stride, padding, dilation, inChannels, outChannels, groups, paddingMode,
        sameRule, flip,
    ]
    /// The options of the transposed layer.
    static let transposedLayer = [
        input, kernel, stride, padding, dilation, outputPadding, inChannels, outChannels, groups,
        flip,
    ]
    /// The options of the commands about a transposed convolution given either way (`verify`,
    /// `equivalent`): a forward layer, or the transposed layer itself with `--transposed-layer`.
    static let transposeSubject =
        layer + [outputPadding, transposedLayerFlag, ascii, maxMemory]
    /// The options that choose how matrices are printed.
    static let rendering = [convention, names, format, latexStyle, ascii, maxCells, maxMemory]
    /// The options that give numbers to a printed matrix.
    static let values = [kernelValues, seed, pattern]
}

/// The options of `derive` and `draw` (course notes).
extension Options {
    static let deriveFormat = OptionDefinition(
        name: "format", valueName: "<latex|markdown|text>", help: "Document format (default text).")
    static let drawFormat = OptionDefinition(
        name: "format", valueName: "<svg|tikz>", help: "Picture format (default svg).")
    static let standalone = OptionDefinition(
        name: "standalone", valueName: nil,
        help: "A complete LaTeX document instead of a fragment (latex and tikz).")
    static let lang = OptionDefinition(
        name: "lang", valueName: "<en|es>", help: "Language of the prose (default en).")
    static let maxRows = OptionDefinition(
        name: "max-rows", valueName: "<n>",
        help: "Rows shown per matrix before eliding the middle, ≥ 3 (default 12).")
    static let maxCols = OptionDefinition(
        name: "max-cols", valueName: "<n>",
        help: "Columns shown per matrix before eliding the middle, ≥ 3 (default 12).")
    static let maxTerms = OptionDefinition(
        name: "max-terms", valueName: "<n>",
        help: "Terms shown per entry before eliding the middle ones, ≥ 3 (default 4).")
    static let picture = OptionDefinition(
        name: "picture", valueName: "<connectivity|sparsity>",
        help:
            "Which picture: the connectivity diagram or U's sparsity pattern (default connectivity)."
    )
}
