import ConvMatrix
import ConvMatrixLayerFlags

/// The options of `analyze` and `compose`.
extension Options {
    static let analysisFormat = OptionDefinition(
        name: "format", valueName: "<text|markdown|json>",
        help: "Report format (default text); json has the keys of docs/analysis.md.")
    static let svd = OptionDefinition(
        name: "svd", valueName: nil,
        help: "Require the dense SVD (an error past --svd-limit instead of skipping it).")
    static let svdLimit = OptionDefinition(
        name: "svd-limit", valueName: "<n>",
        help: "Largest smaller side of U for the dense SVD and the exact rank (default 400).")
    static let stackLayer = OptionDefinition(
        name: "layer", valueName: "\"<layer flags>\"",
        help:
            "One layer with the CLI's own flags, quoted (\"--kernel 3 --stride 2 --padding 1\"; --transposed for a transposed convolution). Repeat for each layer, first applied first.",
        repeatable: true)
    static let letters = OptionDefinition(
        name: "letters", valueName: "<k,w,v,…>",
        help: "Letters of the layers' taps in the composed matrix (default k,w,v,u,h,…).")
    static let composeMaxCells = OptionDefinition(
        name: "max-cells", valueName: "<n>",
        help: "Largest composed matrix printed as text, in cells (default 400).")
    static let composeMaxTerms = OptionDefinition(
        name: "max-terms", valueName: "<n>",
        help: "Largest composed symbolic matrix built, in terms before merging (default 2000000).")
}

extension LayerOptions {
    /// The layer the flags describe: a transposed convolution with `--transposed`, a
    /// convolution otherwise (through the core's interpreter, errors naming the flag).
    static func analyzedLayer(_ arguments: ParsedArguments) throws(UsageError) -> Layer {
        try interpreted(arguments) { flags throws(LayerFlagError) in try flags.layer() }
    }
}
