import ConvMatrixCore

/// A flag that describes a layer, named as the command line spells it (without the dashes) and
/// as the explorer's URL fragment spells it (`input=5x5&kernel=3&stride=2`).
public enum LayerFlag: String, Hashable, Sendable, CaseIterable {
    /// Spatial input size, axes joined by `x` (`5x5`). Required.
    case input
    /// Spatial kernel size: one value for every axis, or one per axis (`3`, `3x3`). Required.
    case kernel
    /// Stride per axis, or one for all (default 1).
    case stride
    /// Padding per axis (`p` or `before:after`), one for all, or a word: `valid`, `same`, `full`
    /// (default 0).
    case padding
    /// Dilation per axis, or one for all (default 1).
    case dilation
    /// Input channels (default 1).
    case inChannels = "in-channels"
    /// Output channels (default 1).
    case outChannels = "out-channels"
    /// Groups, dividing both channel counts (default 1).
    case groups
    /// What padded positions hold: `zeros`, `reflect`, `replicate`, `circular` (default zeros).
    case paddingMode = "padding-mode"
    /// The rule `same` follows at strides above 1: `pytorch` (refused) or `tensorflow`.
    case sameRule = "same-rule"
    /// A switch: true convolution, the kernel rotated by 180°.
    case flip
    /// A switch: average pooling, every tap `1/Πk`, each channel pooled alone, stride = kernel
    /// unless given.
    case averagePool = "average-pool"
    /// A switch: the flags describe a transposed convolution itself (its own input and output
    /// padding). The command line spells it `--transposed-layer`; `transposed` is accepted too.
    case transposed
    /// Output padding of a transposed convolution, per axis or one for all (default 0).
    case outputPadding = "output-padding"

    /// The flag spelled `name` (without dashes): a raw value, or `transposed-layer`.
    ///
    /// Compared byte by byte, so that no Unicode tables are needed.
    public init?(named name: String) {
        for flag in LayerFlag.allCases where Self.equal(flag.rawValue, name) {
            self = flag
            return
        }
        if Self.equal("transposed-layer", name) {
            self = .transposed
            return
        }
        return nil
    }

    /// Whether the flag is a switch (on or off) rather than a value.
    public var isSwitch: Bool {
        switch self {
        case .flip, .averagePool, .transposed: true
        default: false
        }
    }

    /// What the command line assumes when the flag is not given, written as the flag's value
    /// (`1` for the stride), or nil for a required flag (`input`, `kernel`) or a switch. The
    /// explorer's page shows it in an empty field (its `DEFAULTS` are generated from this); a test
    /// checks that giving it changes no layer. With `average-pool`, a stride not given is the
    /// kernel size instead.
    public var defaultValue: String? {
        switch self {
        case .stride, .dilation, .inChannels, .outChannels, .groups: "1"
        case .padding, .outputPadding: "0"
        case .paddingMode: PaddingMode.zeros.rawValue
        case .sameRule: SameRule.pytorch.rawValue
        case .input, .kernel, .flip, .averagePool, .transposed: nil
        }
    }

    /// `a` and `b` have the same UTF-8 bytes.
    private static func equal(_ a: String, _ b: String) -> Bool {
        a.utf8.elementsEqual(b.utf8)
    }
}
