/// JSON string literals (RFC 8259 §7), the one escaping every JSON writer of the package uses.
///
/// Quotes, backslashes and control characters (U+0000…U+001F) are escaped; everything else
/// (ₖ, ᵀ, ·) is written as UTF-8. For JSON placed inside an HTML `<script>` element,
/// ``literal(_:safeInScript:)`` also escapes `<`, `>`, `&` and the line separators U+2028 and
/// U+2029, so that no value can close the element or start markup (the explorer page's data).
public enum JSONString {
    /// `text` as a JSON string literal, with its quotes.
    public static func literal(_ text: String, safeInScript: Bool = false) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case "<" where safeInScript: result += "\\u003c"
            case ">" where safeInScript: result += "\\u003e"
            case "&" where safeInScript: result += "\\u0026"
            case "\u{2028}" where safeInScript: result += "\\u2028"
            case "\u{2029}" where safeInScript: result += "\\u2029"
            default:
                if scalar.value < 0x20 {
                    result +=
                        "\\u00" + (scalar.value < 0x10 ? "0" : "")
                        + String(scalar.value, radix: 16)
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }
}
