import ConvMatrixCore
import ConvMatrixLayerFlags

/// A layer the explorer can't show, as the command line would report it: one line,
/// `error: --stride: must be ≥ 1, got 0`, exactly what `convmatrix` prints on standard error.
///
/// The explorer core is the page's edge, as the command line is the terminal's: it names the
/// layer flags the page's fields stand for. It spells them only through
/// ``ConvMatrixLayerFlags/LayerFlagError``, so that a flag is written one way by both.
public struct ExplorerError: Error, Equatable, Sendable {
    /// The whole line, starting with `error: `.
    public let line: String

    /// An error whose line is `error: ` followed by `message`.
    public init(message: String) { self.line = "error: " + message }

    /// A layer flag that breaks a rule: `error: --flag: rule`.
    public init(_ error: LayerFlagError) { self.init(message: error.message) }

    /// A rule of the page broken by the layer that `flag` describes: `error: --flag: rule`.
    public init(_ flag: LayerFlag, _ rule: String) {
        self.init(message: LayerFlagError.line(flag: flag.rawValue, rule))
    }

    /// A rule of the library broken while building the page's answer. The layer's fields are
    /// spelled as the layer flags; a budget has no flag in the page (its budget is fixed), so it
    /// is blamed on the input, the size that makes a layer large.
    public init(_ error: SpecificationError) {
        switch error.field {
        case .memory, .size:
            self.init(
                .input, error.message + "; the page's budget is fixed: choose a smaller layer")
        default:
            self.init(LayerFlagError(error))
        }
    }
}
