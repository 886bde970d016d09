import ConvMatrixCore
import ConvMatrixLayerFlags

/// The layer flags the explorer reads, by the command line's own names (`input`, `kernel`,
/// `stride`, `padding`, `dilation`, `padding-mode`, `same-rule`, `in-channels`, `out-channels`,
/// `groups`, `flip`, `average-pool`, `transposed`, `output-padding`), as name–value pairs: the
/// URL fragment of the page and the flags given to `convmatrix explore` both arrive this way.
///
/// The pairs go to the one interpreter of layer flags, ``ConvMatrixLayerFlags/LayerFlags``,
/// which parses and validates them exactly as the command line does, so a bad value gets the
/// command line's own one-line message. Switches take `1`/`true`/`on` (or nothing) and `0`/`false`/`off`.
public struct ExplorerFlags: Sendable {
    /// The pairs in the order given (a later pair of the same flag replaces an earlier one).
    public let pairs: [(name: String, value: String)]

    /// The flags `pairs`.
    public init(_ pairs: [(name: String, value: String)]) { self.pairs = pairs }

    /// The layer the flags describe, validated, or the command line's error line.
    public func layer() throws(ExplorerError) -> Layer {
        do {
            let flags = try LayerFlags(pairs.map { (name: $0.name, value: Optional($0.value)) })
            return try flags.layer()
        } catch {
            // A budget (a layer too large for a 32-bit host's counts) is worded as the page words
            // every budget; everything else as the command line words it.
            if case .specification(let specification) = error.rule,
                specification.field == .memory || specification.field == .size
            {
                throw ExplorerError(specification)
            }
            throw ExplorerError(error)
        }
    }
}
