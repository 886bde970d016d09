import ConvMatrix

/// Parses the per-axis values of the command line: sizes and strides written `5x5`, `2`,
/// `3x3x3`; paddings written `1`, `1x2`, `0:1x1:0` (a padding axis is `p` or `before:after`) or a
/// word (`valid`, `same`, `full`).
///
/// Axes are separated by `x` (or `×`). Every number is a decimal integer that fits in `Int`;
/// a sign is allowed so that negative values reach validation and get its message.
enum AxisListParser {
    /// The integers of `text`, one per axis.
    static func integers(_ text: String, flag: String) throws(UsageError) -> [Int] {
        try axes(of: text, flag: flag).map { axis throws(UsageError) in
            try integer(axis, flag: flag, whole: text)
        }
    }

    /// The padding of `text`: a word or per-axis amounts.
    static func padding(_ text: String, flag: String = "padding") throws(UsageError) -> PaddingSpec
    {
        switch text.lowercased() {
        case "valid": return .valid
        case "same": return .same
        case "full": return .full
        default: break
        }
        let amounts = try axes(of: text, flag: flag).map { axis throws(UsageError) -> AxisPadding in
            let sides = axis.split(separator: ":", omittingEmptySubsequences: false)
            switch sides.count {
            case 1:
                return AxisPadding(try integer(axis, flag: flag, whole: text))
            case 2:
                return AxisPadding(
                    before: try integer(String(sides[0]), flag: flag, whole: text),
                    after: try integer(String(sides[1]), flag: flag, whole: text))
            default:
                throw UsageError(
                    flag: flag, "expected p or before:after per axis, got '\(axis)' in '\(text)'")
            }
        }
        return .explicit(amounts)
    }

    /// The axes of `text` split at `x`, refusing empty ones (`5x`, `x5`, `3x3x`).
    private static func axes(of text: String, flag: String) throws(UsageError) -> [String] {
        guard !text.isEmpty else {
            throw UsageError(flag: flag, "expected a value such as 3 or 3x3, got nothing")
        }
        let parts = text.split(omittingEmptySubsequences: false) {
            $0 == "x" || $0 == "×" || $0 == "X"
        }
        if parts.contains(where: \.isEmpty) {
            throw UsageError(
                flag: flag, "expected numbers separated by x (such as 3x3), got '\(text)'")
        }
        return parts.map(String.init)
    }

    /// One decimal integer.
    private static func integer(_ text: String, flag: String, whole: String) throws(UsageError)
        -> Int
    {
        let digits = text.hasPrefix("-") || text.hasPrefix("+") ? text.dropFirst() : Substring(text)
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else {
            throw UsageError(flag: flag, "expected whole numbers separated by x, got '\(whole)'")
        }
        guard let value = Int(text) else {
            throw UsageError(flag: flag, "\(text) is too large (the largest is \(Int.max))")
        }
        return value
    }

    /// One integer value (not an axis list), such as a channel count.
    static func single(_ text: String, flag: String) throws(UsageError) -> Int {
        try integer(text, flag: flag, whole: text)
    }
}
