/// The options of one command line, checked against the options its command accepts.
///
/// Accepts `--name value` and `--name=value`; a flag takes no value. Every option may appear
/// once. Positional arguments are refused: every value is named. A value that is one of the
/// option's own words in another case is stored in the word's spelling (`--lang ES` is
/// `--lang es`, ``OptionDefinition/spelled(_:)``), so that no command compares case itself.
struct ParsedArguments: Sendable {
    /// Option values by name.
    private(set) var values: [String: String] = [:]
    /// Flags that were given.
    private(set) var flags: Set<String> = []
    /// Every option in the order given, under its canonical name (an alias is recorded by the
    /// name it stands for), with its value for options that take one.
    private(set) var given: [(name: String, value: String?)] = []
    /// Values of repeatable options, in the order given.
    private(set) var repeatedValues: [String: [String]] = [:]

    /// Parses `arguments` for `command`, which accepts `allowed`.
    init(_ arguments: [String], allowed: [OptionDefinition], command: String) throws(UsageError) {
        let byName = Dictionary(
            allowed.flatMap { option in ([option.name] + option.aliases).map { ($0, option) } },
            uniquingKeysWith: { a, _ in a })
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            index += 1
            guard argument.hasPrefix("--"), argument.count > 2 else {
                if argument == "-h" {
                    flags.insert("help")
                    continue
                }
                // `-input`: one dash short of an option.
                let dashed =
                    argument.hasPrefix("-") ? String(argument.drop(while: { $0 == "-" })) : ""
                let hint =
                    dashed.isEmpty
                    ? nil
                    : Suggestion.closest(to: dashed, in: allowed.map(\.name)).map {
                        "; did you mean --\($0)?"
                    }
                throw UsageError(
                    "unexpected argument '\(argument)' for '\(command)'; options start with --\(hint ?? "") (see 'convmatrix \(command) --help')"
                )
            }
            var name = String(argument.dropFirst(2))
            var inlineValue: String?
            if let equals = name.firstIndex(of: "=") {
                inlineValue = String(name[name.index(after: equals)...])
                name = String(name[..<equals])
            }
            guard let option = byName[name] else {
                let hint = Suggestion.closest(to: name, in: allowed.map(\.name)).map {
                    "; did you mean --\($0)?"
                }
                throw UsageError(
                    "unknown option '--\(name)' for '\(command)'\(hint ?? "") (see 'convmatrix \(command) --help')"
                )
            }
            name = option.name
            if option.repeatable {
                // A repeatable option's value may start with -- (a layer's own flags).
                let value: String
                if let inlineValue {
                    value = inlineValue
                } else {
                    guard index < arguments.count else {
                        throw UsageError(flag: name, "expects a value \(option.valueName ?? "")")
                    }
                    value = arguments[index]
                    index += 1
                }
                repeatedValues[name, default: []].append(value)
                given.append((name, value))
                continue
            }
            guard values[name] == nil, !flags.contains(name) else {
                throw UsageError(flag: name, "given more than once")
            }
            if option.valueName == nil {
                if inlineValue != nil {
                    throw UsageError(flag: name, "is a flag and takes no value")
                }
                flags.insert(name)
                given.append((name, nil))
                continue
            }
            if let inlineValue {
                values[name] = option.spelled(inlineValue)
            } else {
                guard index < arguments.count, !arguments[index].hasPrefix("--") else {
                    throw UsageError(flag: name, "expects a value \(option.valueName ?? "")")
                }
                values[name] = option.spelled(arguments[index])
                index += 1
            }
            given.append((name, values[name]))
        }
    }

    /// Whether `flag` was given.
    func has(_ flag: OptionDefinition) -> Bool { flags.contains(flag.name) }

    /// Every value of a repeatable `option`, in order.
    func values(_ option: OptionDefinition) -> [String] { repeatedValues[option.name] ?? [] }

    /// The value of `option`, if given.
    func value(_ option: OptionDefinition) -> String? { values[option.name] }

    /// The value of a required option.
    func required(_ option: OptionDefinition, example: String) throws(UsageError) -> String {
        guard let value = values[option.name] else {
            throw UsageError(
                flag: option.name, "is required, for example --\(option.name) \(example)")
        }
        return value
    }

    /// The value of an option restricted to `choices`, or `default`.
    func choice<T: RawRepresentable>(_ option: OptionDefinition, default fallback: T)
        throws(UsageError) -> T
    where T.RawValue == String {
        guard let text = values[option.name] else { return fallback }
        guard let value = T(rawValue: text) else {
            throw UsageError(
                flag: option.name, "expected \(option.valueName ?? "a known value"), got '\(text)'")
        }
        return value
    }
}
