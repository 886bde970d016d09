import ConvMatrixCore

/// A layer described by its flags — the command line's own names and values (`input=5x5`,
/// `kernel=3`, `padding=same`, `transposed=1`) — and turned into a validated
/// ``ConvMatrixCore/Convolution`` or ``ConvMatrixCore/TransposedConvolution``, or into one
/// ``LayerFlagError`` that says which flag breaks which rule.
///
/// This is the one interpreter of layer flags: the `convmatrix` command line hands it the flags
/// it parsed, and the explorer hands it the pairs of its URL fragment, so both accept and refuse
/// exactly the same layers with the same words. Values are parsed by ``FlagValues``; every
/// per-axis list is then expanded to the input's rank and checked once, by validation
/// (``ConvMatrixCore/ConvolutionSpec/validated()``), before anything reads it.
///
/// Setting a flag only records its text; errors come from ``convolution()``,
/// ``transposedConvolution()`` and ``layer()``, in a fixed order of flags (input, kernel, stride,
/// padding, dilation, channels, groups, padding mode, same rule, output padding), so the first
/// error does not depend on the order the flags were given in.
public struct LayerFlags: Equatable, Sendable {
    /// The text of each flag, by ``LayerFlag`` case order; a switch holds `""` when on.
    private var texts: [String?]

    /// No flags: a layer needs at least `input` and `kernel`.
    public init() {
        texts = Array(repeating: nil, count: LayerFlag.allCases.count)
    }

    /// The flags of `pairs`, in order (a later pair replaces an earlier one of the same flag).
    /// A switch's value is nil, `""`, `1`, `true` or `on` (on), or `0`, `false`, `off` (off).
    public init(_ pairs: [(name: String, value: String?)]) throws(LayerFlagError) {
        self.init()
        for pair in pairs { try set(pair.name, to: pair.value) }
    }

    /// Records the flag spelled `name` (without dashes).
    public mutating func set(_ name: String, to value: String?) throws(LayerFlagError) {
        guard let flag = LayerFlag(named: name) else {
            throw LayerFlagError(name: name, rule: .unknownFlag)
        }
        try set(flag, to: value)
    }

    /// Records `flag`: its value's text, or for a switch whether it is on.
    public mutating func set(_ flag: LayerFlag, to value: String?) throws(LayerFlagError) {
        guard flag.isSwitch else {
            guard let value else { throw LayerFlagError(flag, .missingValue) }
            texts[Self.index(flag)] = value
            return
        }
        guard let value else {
            texts[Self.index(flag)] = ""
            return
        }
        let bytes = Array(value.utf8)
        let on: [StaticString] = ["", "1", "true", "on", "yes"]
        let off: [StaticString] = ["0", "false", "off", "no"]
        if on.contains(where: { FlagValues.spells(bytes, $0) }) {
            texts[Self.index(flag)] = ""
        } else if off.contains(where: { FlagValues.spells(bytes, $0) }) {
            texts[Self.index(flag)] = nil
        } else {
            throw LayerFlagError(flag, .notASwitch(value))
        }
    }

    /// Removes `flag`, as if it had not been given.
    public mutating func remove(_ flag: LayerFlag) {
        texts[Self.index(flag)] = nil
    }

    /// The text given for `flag`, or nil; `""` for a switch that is on.
    public func text(_ flag: LayerFlag) -> String? { texts[Self.index(flag)] }

    /// Whether `flag` was given (for a switch: whether it is on).
    public func has(_ flag: LayerFlag) -> Bool { text(flag) != nil }

    // MARK: - Layers

    /// The layer the flags describe: a transposed convolution when `transposed` is on, a
    /// convolution otherwise.
    public func layer() throws(LayerFlagError) -> Layer {
        has(.transposed)
            ? .transposed(try transposedConvolution()) : .convolution(try convolution())
    }

    /// The convolution the flags describe (`transposed` is ignored; `output-padding` refused).
    ///
    /// With `average-pool`, every input channel is pooled alone: output channels and groups equal
    /// the input channels (giving either is refused), and the stride is the kernel size unless
    /// given.
    public func convolution() throws(LayerFlagError) -> Convolution {
        if has(.outputPadding) { throw LayerFlagError(.outputPadding, .onlyTransposed) }
        let common = try CommonValues(self, inputExample: "5x5")
        var spec = ConvolutionSpec(
            inputSize: common.input, kernelSize: common.kernel, stride: common.stride,
            padding: common.padding, dilation: common.dilation, inChannels: common.inChannels,
            outChannels: common.outChannels, groups: common.groups,
            paddingMode: try choice(.paddingMode, default: PaddingMode.zeros),
            orientation: common.orientation,
            sameRule: try choice(.sameRule, default: SameRule.pytorch))
        if has(.averagePool) {
            for flag in [LayerFlag.outChannels, .groups] where has(flag) {
                throw LayerFlagError(flag, .notWithAveragePool)
            }
            spec.outChannels = spec.inChannels
            spec.groups = spec.inChannels
            // A constant kernel is its own rotation, so `flip` is harmless and allowed.
            if !has(.stride) { spec.stride = spec.kernelSize }
        }
        do {
            return try spec.validated()
        } catch {
            throw LayerFlagError(error)
        }
    }

    /// The transposed convolution the flags describe: `input` is its own input (the forward
    /// convolution's output size), `output-padding` its output padding. A padding mode other than
    /// `zeros`, the `tensorflow` same rule and `average-pool` are refused: PyTorch's
    /// ConvTranspose pads with zeros and takes padding amounts.
    public func transposedConvolution() throws(LayerFlagError) -> TransposedConvolution {
        let common = try CommonValues(self, inputExample: "2x2")
        if try choice(.paddingMode, default: PaddingMode.zeros) != .zeros {
            throw LayerFlagError(.paddingMode, .notTransposed)
        }
        if try choice(.sameRule, default: SameRule.pytorch) != .pytorch {
            throw LayerFlagError(.sameRule, .notTransposed)
        }
        if has(.averagePool) { throw LayerFlagError(.averagePool, .notTransposed) }
        let spec = TransposedConvolutionSpec(
            inputSize: common.input, kernelSize: common.kernel, stride: common.stride,
            padding: common.padding, dilation: common.dilation,
            outputPadding: try list(.outputPadding) ?? [0], inChannels: common.inChannels,
            outChannels: common.outChannels, groups: common.groups,
            orientation: common.orientation)
        do {
            return try spec.validated()
        } catch {
            throw LayerFlagError(error)
        }
    }

    /// The transposed convolution of the forward ``convolution()``: its transpose, which exists
    /// for zeros padding only.
    public func transposeOfConvolution() throws(LayerFlagError) -> TransposedConvolution {
        let conv = try convolution()
        guard conv.paddingMode == .zeros else {
            throw LayerFlagError(.paddingMode, .noTransposedCounterpart(conv.paddingMode))
        }
        do {
            return try conv.transposedCounterpart.validated()
        } catch {
            throw LayerFlagError(error)
        }
    }

    // MARK: - Values

    /// The values every layer shares, parsed in a fixed order.
    private struct CommonValues {
        let input: [Int]
        let kernel: [Int]
        let stride: [Int]
        let padding: PaddingSpec
        let dilation: [Int]
        let inChannels: Int
        let outChannels: Int
        let groups: Int
        let orientation: KernelOrientation

        init(_ flags: LayerFlags, inputExample: String) throws(LayerFlagError) {
            guard let input = try flags.list(.input) else {
                throw LayerFlagError(.input, .required(example: inputExample))
            }
            guard let kernel = try flags.list(.kernel) else {
                throw LayerFlagError(.kernel, .required(example: "3x3"))
            }
            self.input = input
            self.kernel = kernel
            stride = try flags.list(.stride) ?? [1]
            padding = try flags.paddingValue() ?? .zero
            dilation = try flags.list(.dilation) ?? [1]
            inChannels = try flags.integer(.inChannels) ?? 1
            outChannels = try flags.integer(.outChannels) ?? 1
            groups = try flags.integer(.groups) ?? 1
            orientation = flags.has(.flip) ? .convolution : .crossCorrelation
        }
    }

    /// The axis list of `flag`, or nil when not given.
    private func list(_ flag: LayerFlag) throws(LayerFlagError) -> [Int]? {
        guard let text = text(flag) else { return nil }
        do {
            return try FlagValues.integers(text)
        } catch {
            throw LayerFlagError(flag, .value(error))
        }
    }

    /// The padding, or nil when not given.
    private func paddingValue() throws(LayerFlagError) -> PaddingSpec? {
        guard let text = text(.padding) else { return nil }
        do {
            return try FlagValues.padding(text)
        } catch {
            throw LayerFlagError(.padding, .value(error))
        }
    }

    /// The single integer of `flag`, or nil when not given.
    private func integer(_ flag: LayerFlag) throws(LayerFlagError) -> Int? {
        guard let text = text(flag) else { return nil }
        do {
            return try FlagValues.integer(text)
        } catch {
            throw LayerFlagError(flag, .value(error))
        }
    }

    /// The word of `flag` among `T`'s raw values, or `fallback` when not given.
    private func choice<T: RawRepresentable & CaseIterable>(_ flag: LayerFlag, default fallback: T)
        throws(LayerFlagError) -> T
    where T.RawValue == String {
        guard let text = text(flag) else { return fallback }
        for value in T.allCases where value.rawValue.utf8.elementsEqual(text.utf8) {
            return value
        }
        throw LayerFlagError(flag, .notAChoice(text, choices: T.allCases.map { $0.rawValue }))
    }

    /// The position of `flag` in ``LayerFlag/allCases``.
    private static func index(_ flag: LayerFlag) -> Int {
        var index = 0
        for candidate in LayerFlag.allCases {
            if candidate == flag { return index }
            index += 1
        }
        return index
    }

}
