import ConvMatrixCore

/// The values of the layer flags as text: sizes and strides written `5x5`, `2`, `3x3x3`; paddings
/// written `1`, `1x2`, `0:1x1:0` (an axis is `p` or `before:after`) or a word (`valid`, `same`,
/// `full`); single integers such as channel counts.
///
/// Axes are separated by `x` (also `X` or `×`). A number is decimal digits with an optional sign,
/// so that a negative value parses and reaches validation, which states the rule it breaks
/// (`must be ≥ 1, got -2`). The text is read as UTF-8 bytes: no Unicode tables, no Foundation,
/// so the same parser runs in Embedded Swift.
public enum FlagValues {
    /// The largest number the layer flags accept (`2³¹ − 1`): larger values are refused by
    /// validation; numbers beyond `Int` are refused here, naming the same limit.
    public static let largestLayerValue = Int(Int32.max)

    /// The integers of an axis list, one per axis: `5x5` → `[5, 5]`.
    ///
    /// - Parameters:
    ///   - text: the flag's value as typed.
    ///   - largest: the limit named when a number does not fit in `Int`.
    public static func integers(_ text: String, largest: Int = largestLayerValue)
        throws(FlagValueError) -> [Int]
    {
        let bytes = Array(text.utf8)
        var values: [Int] = []
        for axis in try axes(of: bytes, text: text) {
            values.append(try integer(axis, whole: text, largest: largest))
        }
        return values
    }

    /// A padding: `valid`, `same`, `full` (any case), or per-axis amounts `p` or `before:after`.
    public static func padding(_ text: String, largest: Int = largestLayerValue)
        throws(FlagValueError) -> PaddingSpec
    {
        let bytes = Array(text.utf8)
        if spells(bytes, "valid") { return .valid }
        if spells(bytes, "same") { return .same }
        if spells(bytes, "full") { return .full }
        var amounts: [AxisPadding] = []
        for axis in try axes(of: bytes, text: text) {
            let sides = split(axis, at: UInt8(ascii: ":"))
            switch sides.count {
            case 1:
                amounts.append(AxisPadding(try integer(axis, whole: text, largest: largest)))
            case 2:
                amounts.append(
                    AxisPadding(
                        before: try integer(sides[0], whole: text, largest: largest),
                        after: try integer(sides[1], whole: text, largest: largest)))
            default:
                throw .paddingAxis(string(axis), whole: text)
            }
        }
        return .explicit(amounts)
    }

    /// One integer (not an axis list), such as a channel count.
    public static func integer(_ text: String, largest: Int = largestLayerValue)
        throws(FlagValueError) -> Int
    {
        let bytes = Array(text.utf8)
        guard !bytes.isEmpty else { throw .empty }
        return try integer(bytes, whole: text, largest: largest)
    }

    // MARK: - Bytes

    /// The axes of `bytes` split at `x`, `X` or `×`, refusing empty ones.
    private static func axes(of bytes: [UInt8], text: String) throws(FlagValueError) -> [[UInt8]] {
        guard !bytes.isEmpty else { throw .empty }
        var parts: [[UInt8]] = []
        var current: [UInt8] = []
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "x") || byte == UInt8(ascii: "X") {
                parts.append(current)
                current = []
                index += 1
            } else if byte == 0xC3, index + 1 < bytes.count, bytes[index + 1] == 0x97 {
                // U+00D7 MULTIPLICATION SIGN (×) in UTF-8.
                parts.append(current)
                current = []
                index += 2
            } else {
                current.append(byte)
                index += 1
            }
        }
        parts.append(current)
        for part in parts where part.isEmpty { throw .emptyAxis(text) }
        return parts
    }

    /// `bytes` split at every `separator`, empty pieces kept.
    private static func split(_ bytes: [UInt8], at separator: UInt8) -> [[UInt8]] {
        var parts: [[UInt8]] = [[]]
        for byte in bytes {
            if byte == separator {
                parts.append([])
            } else {
                parts[parts.count - 1].append(byte)
            }
        }
        return parts
    }

    /// One decimal integer with an optional sign; `whole` is the text named in errors.
    private static func integer(_ bytes: [UInt8], whole: String, largest: Int)
        throws(FlagValueError) -> Int
    {
        var digits = bytes[...]
        var negative = false
        if let first = digits.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+") {
            negative = first == UInt8(ascii: "-")
            digits = digits.dropFirst()
        }
        guard !digits.isEmpty,
            digits.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") })
        else { throw .notWholeNumbers(whole) }
        var value = 0
        for digit in digits {
            // Accumulate negatively so that Int.min parses too.
            let (shifted, overflowA) = value.multipliedReportingOverflow(by: 10)
            let (next, overflowB) = shifted.subtractingReportingOverflow(
                Int(digit - UInt8(ascii: "0")))
            guard !overflowA, !overflowB else { throw .tooLarge(string(bytes), largest: largest) }
            value = next
        }
        if negative { return value }
        guard value != Int.min else { throw .tooLarge(string(bytes), largest: largest) }
        return -value
    }

    /// Whether `bytes` spell `word` in ASCII letters of any case.
    static func spells(_ bytes: [UInt8], _ word: StaticString) -> Bool {
        guard bytes.count == word.utf8CodeUnitCount else { return false }
        var index = 0
        var equal = true
        word.withUTF8Buffer { letters in
            for letter in letters {
                let byte = bytes[index]
                let lower =
                    byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte + 32 : byte
                if lower != letter { equal = false }
                index += 1
            }
        }
        return equal
    }

    /// The text of UTF-8 `bytes` (valid: they are a piece of a `String` cut at ASCII bytes).
    static func string(_ bytes: [UInt8]) -> String {
        String(decoding: bytes, as: UTF8.self)
    }
}
