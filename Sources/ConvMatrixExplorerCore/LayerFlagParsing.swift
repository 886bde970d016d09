import ConvMatrixCore

/// The one place where flag values become a layer: the command line's parsing rules for sizes
/// (`5x5`), paddings (`1`, `0:1x1:0`, `same`), counts and modes, then the library's validation.
///
/// It follows `convmatrix`'s own layer-flag parser word for word, so the page prints the command
/// line's messages.
enum LayerFlagParsing {
    /// The layer of `values` (flag name → value).
    static func layer(_ values: [String: String], transposed: Bool, flip: Bool)
        throws(ExplorerError) -> ExplorerLayer
    {
        guard let inputText = values["input"] else {
            throw ExplorerError(
                flag: "input", "is required, for example --input " + (transposed ? "2x2" : "5x5"))
        }
        guard let kernelText = values["kernel"] else {
            throw ExplorerError(flag: "kernel", "is required, for example --kernel 3x3")
        }
        let input = try integers(inputText, flag: "input")
        let kernel = try integers(kernelText, flag: "kernel")
        let stride = try values["stride"].map { t throws(ExplorerError) in
            try integers(t, flag: "stride")
        } ?? [1]
        let padding = try values["padding"].map { t throws(ExplorerError) in try paddingSpec(t) } ?? .zero
        let dilation = try values["dilation"].map { t throws(ExplorerError) in
            try integers(t, flag: "dilation")
        } ?? [1]
        let inChannels = try values["in-channels"].map { t throws(ExplorerError) in
            try single(t, flag: "in-channels")
        } ?? 1
        let outChannels = try values["out-channels"].map { t throws(ExplorerError) in
            try single(t, flag: "out-channels")
        } ?? 1
        let groups = try values["groups"].map { t throws(ExplorerError) in
            try single(t, flag: "groups")
        } ?? 1
        let orientation: KernelOrientation = flip ? .convolution : .crossCorrelation
        if transposed {
            if values["padding-mode"] != nil {
                throw ExplorerError(
                    flag: "padding-mode",
                    "a transposed convolution only pads with zeros (PyTorch's ConvTranspose)")
            }
            if values["same-rule"] != nil {
                throw ExplorerError(
                    flag: "same-rule",
                    "a transposed convolution takes padding amounts, so there is no 'same' rule")
            }
            let outputPadding = try values["output-padding"].map { t throws(ExplorerError) in
                try integers(t, flag: "output-padding")
            } ?? [0]
            let spec = TransposedConvolutionSpec(
                inputSize: input, kernelSize: kernel, stride: stride, padding: padding,
                dilation: dilation, outputPadding: outputPadding, inChannels: inChannels,
                outChannels: outChannels, groups: groups, orientation: orientation)
            do {
                return .transposed(try spec.validated())
            } catch {
                throw ExplorerError(flag: error.field.rawValue, error.message)
            }
        }
        if values["output-padding"] != nil {
            throw ExplorerError(
                flag: "output-padding",
                "belongs to a transposed convolution: add --transposed-layer and give its own --input"
            )
        }
        let mode = try choice(values["padding-mode"], PaddingMode.allCases, flag: "padding-mode",
            names: "zeros|reflect|replicate|circular") ?? .zeros
        let rule = try choice(values["same-rule"], SameRule.allCases, flag: "same-rule",
            names: "pytorch|tensorflow") ?? .pytorch
        let spec = ConvolutionSpec(
            inputSize: input, kernelSize: kernel, stride: stride, padding: padding,
            dilation: dilation, inChannels: inChannels, outChannels: outChannels, groups: groups,
            paddingMode: mode, orientation: orientation, sameRule: rule)
        do {
            return .forward(try spec.validated())
        } catch {
            throw ExplorerError(flag: error.field.rawValue, error.message)
        }
    }

    /// One of `cases` by its raw value.
    private static func choice<T: RawRepresentable>(
        _ text: String?, _ cases: [T], flag: String, names: String
    ) throws(ExplorerError) -> T? where T.RawValue == String {
        guard let text else { return nil }
        for c in cases where c.rawValue == text { return c }
        throw ExplorerError(flag: flag, "expected <" + names + ">, got '" + text + "'")
    }

    /// The integers of `text`, one per axis.
    static func integers(_ text: String, flag: String) throws(ExplorerError) -> [Int] {
        var result: [Int] = []
        for axis in try axes(of: text, flag: flag) {
            result.append(try integer(axis, flag: flag, whole: text))
        }
        return result
    }

    /// A padding word or per-axis amounts.
    static func paddingSpec(_ text: String) throws(ExplorerError) -> PaddingSpec {
        let flag = "padding"
        switch text.lowercased() {
        case "valid": return .valid
        case "same": return .same
        case "full": return .full
        default: break
        }
        var amounts: [AxisPadding] = []
        for axis in try axes(of: text, flag: flag) {
            let sides = axis.split(separator: ":", omittingEmptySubsequences: false)
            switch sides.count {
            case 1:
                amounts.append(AxisPadding(try integer(axis, flag: flag, whole: text)))
            case 2:
                amounts.append(
                    AxisPadding(
                        before: try integer(String(sides[0]), flag: flag, whole: text),
                        after: try integer(String(sides[1]), flag: flag, whole: text)))
            default:
                throw ExplorerError(
                    flag: flag,
                    "expected p or before:after per axis, got '" + axis + "' in '" + text + "'")
            }
        }
        return .explicit(amounts)
    }

    /// The axes of `text` split at `x`, refusing empty ones.
    private static func axes(of text: String, flag: String) throws(ExplorerError) -> [String] {
        guard !text.isEmpty else {
            throw ExplorerError(flag: flag, "expected a value such as 3 or 3x3, got nothing")
        }
        let parts = text.split(omittingEmptySubsequences: false) {
            $0 == "x" || $0 == "×" || $0 == "X"
        }
        if parts.contains(where: { $0.isEmpty }) {
            throw ExplorerError(
                flag: flag, "expected numbers separated by x (such as 3x3), got '" + text + "'")
        }
        return parts.map { String($0) }
    }

    /// One decimal integer.
    private static func integer(_ text: String, flag: String, whole: String) throws(ExplorerError)
        -> Int
    {
        let digits = text.hasPrefix("-") || text.hasPrefix("+") ? text.dropFirst() : Substring(text)
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else {
            throw ExplorerError(
                flag: flag, "expected whole numbers separated by x, got '" + whole + "'")
        }
        guard let value = Int(text) else {
            throw ExplorerError(
                flag: flag, text + " is too large (the largest is " + String(Int.max) + ")")
        }
        return value
    }

    /// One integer value, such as a channel count.
    static func single(_ text: String, flag: String) throws(ExplorerError) -> Int {
        try integer(text, flag: flag, whole: text)
    }
}
