import ConvMatrixCore

/// The layer flags the explorer reads, by the command line's own names (`input`, `kernel`,
/// `stride`, `padding`, `dilation`, `padding-mode`, `same-rule`, `in-channels`, `out-channels`,
/// `groups`, `flip`, `transposed`, `output-padding`), as name–value pairs: the URL fragment of the
/// page and the flags given to `convmatrix explore` both arrive this way.
///
/// `transposed` (or `transposed-layer`) and `flip` are switches: `1`/`true` on, `0`/`false` or
/// absent off. Every other value is parsed and validated exactly as the command line parses it,
/// so a bad value gets the command line's own one-line message.
public struct ExplorerFlags: Sendable {
    /// The pairs in the order given.
    public let pairs: [(name: String, value: String)]

    /// The flags `pairs`.
    public init(_ pairs: [(name: String, value: String)]) { self.pairs = pairs }

    /// The names of the valued flags, in the order the page shows them.
    public static let valuedNames = [
        "input", "kernel", "stride", "padding", "dilation", "output-padding", "in-channels",
        "out-channels", "groups", "padding-mode", "same-rule",
    ]
    /// The switches.
    public static let switchNames = ["transposed", "transposed-layer", "flip"]

    /// The layer the flags describe, validated, or the command line's error line.
    public func layer() throws(ExplorerError) -> ExplorerLayer {
        var values: [String: String] = [:]
        for (name, value) in pairs {
            guard ExplorerFlags.valuedNames.contains(name) || ExplorerFlags.switchNames.contains(name)
            else {
                throw ExplorerError(
                    message: "unknown option '--" + name
                        + "' for 'explore' (see 'convmatrix explore --help')")
            }
            let key = name == "transposed-layer" ? "transposed" : name
            guard values[key] == nil else { throw ExplorerError(flag: name, "given more than once") }
            values[key] = value
        }
        let transposed = try ExplorerFlags.switchValue(values["transposed"], flag: "transposed")
        let flip = try ExplorerFlags.switchValue(values["flip"], flag: "flip")
        return try LayerFlagParsing.layer(values, transposed: transposed, flip: flip)
    }

    /// A switch's value: absent, empty, `0`/`false` off; `1`/`true` on.
    static func switchValue(_ text: String?, flag: String) throws(ExplorerError) -> Bool {
        switch text {
        case nil, "", "0", "false": return false
        case "1", "true": return true
        default:
            throw ExplorerError(flag: flag, "expected 1 or 0, got '" + (text ?? "") + "'")
        }
    }
}
