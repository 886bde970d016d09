/// Why the text of one flag value is not a value: the rule it breaks, with the text.
///
/// The ``rule`` sentence is what follows `--flag: ` in the command line's one-line error, e.g.
/// `expected numbers separated by x (such as 3x3), got '5x'`.
public enum FlagValueError: Error, Hashable, Sendable {
    /// The value is empty.
    case empty
    /// An axis of the list is empty (`5x`, `x5`, `3xx3`); the whole text.
    case emptyAxis(String)
    /// Something other than decimal digits (with an optional sign); the whole text.
    case notWholeNumbers(String)
    /// A number beyond `Int`; the number as written and the largest value the flag accepts.
    case tooLarge(String, largest: Int)
    /// A padding axis with more than one `:`; the axis and the whole text.
    case paddingAxis(String, whole: String)

    /// The rule and the offending text, one line.
    public var rule: String {
        switch self {
        case .empty:
            return "expected a value such as 3 or 3x3, got nothing"
        case .emptyAxis(let text):
            return "expected numbers separated by x (such as 3x3), got '\(text)'"
        case .notWholeNumbers(let text):
            return "expected whole numbers separated by x, got '\(text)'"
        case .tooLarge(let text, let largest):
            if text.utf8.first == UInt8(ascii: "-") { return "\(text) is too far below zero" }
            return "\(text) is too large (the largest is \(largest))"
        case .paddingAxis(let axis, let whole):
            return "expected p or before:after per axis, got '\(axis)' in '\(whole)'"
        }
    }
}
