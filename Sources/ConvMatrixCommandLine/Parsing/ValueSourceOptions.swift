import ConvMatrix

/// Numbers from the command line or a file: `--input-values`, `--kernel-values`, `--bias`,
/// `--output-gradient` each take a comma list, `random`, or `@FILE` (a `.npy` array, or text
/// with numbers separated by commas or whitespace).
extension Options {
    static let bias = OptionDefinition(
        name: "bias", valueName: "<b1,b2,…|random|@file>",
        help: "Bias, one value per output channel (default none: 0).")
    static let outputGradient = OptionDefinition(
        name: "output-gradient", valueName: "<v1,v2,…|random|@file>",
        help: "δ = ∂E/∂y, one value per output, channel first then row-major (default symbols).")
}

extension ValueOptions {
    /// The numbers of `text`: `@FILE` reads the file (whole, before anything is printed),
    /// anything else is a comma list.
    static func array(_ text: String, field: SpecificationField) throws(UsageError) -> ValueArray {
        do throws(SpecificationError) {
            guard text.hasPrefix("@") else { return try ValueArray(list: text, field: field) }
            let path = String(text.dropFirst())
            guard !path.isEmpty else {
                throw SpecificationError(field, "'@' needs a file name, such as @x.npy")
            }
            let bytes: [UInt8]
            do {
                bytes = try FileBytes.read(path)
            } catch .missing {
                throw SpecificationError(field, "no such file '\(path)'")
            } catch .directory {
                throw SpecificationError(field, "'\(path)' is a directory, not a file")
            } catch {
                throw SpecificationError(field, "cannot read '\(path)'")
            }
            return try ValueArray(file: bytes, name: path, field: field)
        } catch {
            throw UsageError(error)
        }
    }

    /// The values `option` gives: nil when it is absent, `random` drawn from `generator`,
    /// otherwise its list or `@FILE` (``array(_:field:)``) shaped by `given`, whose errors name
    /// `field`.
    static func values<Values>(
        _ arguments: ParsedArguments, _ option: OptionDefinition, field: SpecificationField,
        generator: inout SplitMix64, random: (inout SplitMix64) -> Values,
        given: (ValueArray) throws(SpecificationError) -> Values
    ) throws(UsageError) -> Values? {
        guard let text = arguments.value(option) else { return nil }
        if text == "random" { return random(&generator) }
        let array = try array(text, field: field)
        do {
            return try given(array)
        } catch {
            throw UsageError(error)
        }
    }

    /// The input values, or nil when `--input-values` is absent (the input stays symbolic).
    static func optionalInputValues(
        _ arguments: ParsedArguments, channels: Int, extents: Extents, generator: inout SplitMix64
    ) throws(UsageError) -> TensorValues? {
        guard arguments.value(Options.inputValues) != nil else { return nil }
        return try inputValues(
            arguments, channels: channels, extents: extents, generator: &generator)
    }

    /// `--bias`, or nil.
    static func bias(_ arguments: ParsedArguments, channels: Int, generator: inout SplitMix64)
        throws(UsageError) -> BiasValues?
    {
        try values(
            arguments, Options.bias, field: .bias, generator: &generator,
            random: { BiasValues(randomFor: channels, using: &$0) },
            given: { array throws(SpecificationError) in try BiasValues(array, channels: channels) }
        )
    }

    /// `--output-gradient`, or nil.
    static func outputGradient(
        _ arguments: ParsedArguments, channels: Int, extents: Extents, generator: inout SplitMix64
    ) throws(UsageError) -> TensorValues? {
        try values(
            arguments, Options.outputGradient, field: .outputGradient, generator: &generator,
            random: { TensorValues(randomFor: channels, extents: extents, using: &$0) },
            given: { array throws(SpecificationError) in
                try TensorValues(
                    array, channels: channels, extents: extents, field: .outputGradient)
            })
    }
}
