import ConvMatrixCore

/// A layer flag whose value breaks a rule: which flag, which rule.
///
/// ``message`` is the line the command line prints after `error: ` — `--stride: must be ≥ 1,
/// got 0` — and the line the explorer shows under its controls. The command line may append a
/// hint that names one of its commands; the rule itself names only layer flags.
public struct LayerFlagError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The rules a layer flag can break.
    public enum Rule: Equatable, Sendable {
        /// The name is not a layer flag.
        case unknownFlag
        /// A required flag is absent; an example value.
        case required(example: String)
        /// A flag that takes a value was given none.
        case missingValue
        /// The value's text is not a value of its kind (an axis list, a padding, an integer).
        case value(FlagValueError)
        /// The value is not one of the words the flag accepts.
        case notAChoice(String, choices: [String])
        /// A switch was given a value other than on or off.
        case notASwitch(String)
        /// The flag does not go with `--average-pool`, which pools each input channel alone.
        case notWithAveragePool
        /// The flag belongs to a transposed convolution, and the layer is a forward one.
        case onlyTransposed
        /// The flag's value has no meaning for a transposed convolution.
        case notTransposed
        /// A forward convolution with this padding mode has no transposed convolution.
        case noTransposedCounterpart(PaddingMode)
        /// The layer breaks a rule of validation (sizes, ranks, channels, padding, …).
        case specification(SpecificationError)
    }

    /// The flag's name as given, without dashes (`stride`).
    public let name: String
    /// The rule it breaks.
    public let rule: Rule

    /// An error about the flag spelled `name`.
    public init(name: String, rule: Rule) {
        self.name = name
        self.rule = rule
    }

    /// An error about `flag`.
    public init(_ flag: LayerFlag, _ rule: Rule) {
        self.init(name: flag.rawValue, rule: rule)
    }

    /// A validation error, blamed on the flag of its field.
    public init(_ error: SpecificationError) {
        self.init(name: error.field.rawValue, rule: .specification(error))
    }

    /// The layer flag it is about, or nil for an unknown name.
    public var flag: LayerFlag? { LayerFlag(named: name) }

    /// The rule and the offending value, without the flag.
    public var ruleText: String {
        switch rule {
        case .unknownFlag:
            let names = LayerFlag.allCases.map { $0.rawValue }
            return "is not a layer flag (the layer flags are \(join(names, ", ")))"
        case .required(let example):
            return "is required, for example --\(name) \(example)"
        case .missingValue:
            return "expects a value"
        case .value(let error):
            return error.rule
        case .notAChoice(let text, let choices):
            return "expected <\(join(choices, "|"))>, got '\(text)'"
        case .notASwitch(let text):
            return "is a switch: expected 1 or 0 (or nothing), got '\(text)'"
        case .notWithAveragePool:
            return "does not go with --average-pool, which pools each input channel alone"
        case .onlyTransposed:
            // The same words in the command line and the explorer, whose switch has this name.
            return
                "belongs to a transposed convolution: add --transposed, and the flags describe the transposed layer itself (its own --input)"
        case .notTransposed:
            switch flag {
            case .paddingMode?:
                return "a transposed convolution only pads with zeros (PyTorch's ConvTranspose)"
            case .sameRule?:
                return
                    "a transposed convolution takes padding amounts, so there is no 'same' rule"
            default:
                return "does not go with a transposed convolution"
            }
        case .noTransposedCounterpart(let mode):
            return
                "\(mode.rawValue) padding has no transposed convolution (PyTorch's ConvTranspose pads with zeros)"
        case .specification(let error):
            return error.message
        }
    }

    /// `--flag: rule`, one line (control characters in quoted values are escaped).
    public var message: String { Self.line(flag: name, ruleText) }

    /// `--name: rule`, one line: how a rule broken by a layer flag is written, by the command
    /// line and by the explorer alike (control characters in quoted values are escaped).
    public static func line(flag name: String, _ rule: String) -> String {
        OneLine.escaped("--" + name + ": " + rule)
    }

    /// The same as ``message``.
    public var description: String { message }

    private func join(_ words: [String], _ separator: String) -> String {
        var result = ""
        for (index, word) in words.enumerated() {
            if index > 0 { result += separator }
            result += word
        }
        return result
    }
}
