/// Text made safe for a one-line message: control characters written as escapes.
///
/// Error messages quote what the user typed (`got '5x'`), and what the user typed can hold a
/// newline, a tab, a terminal escape sequence or a Unicode line separator. Written as they are,
/// they would break the promise of one line on standard error (or redraw the terminal). Here
/// `\n`, `\r` and `\t` keep their usual escapes and every other C0 or C1 control character,
/// DEL, U+2028 and U+2029 becomes `\u{…}`, as Swift writes it; everything else is unchanged.
public enum OneLine {
    /// `text` with every control character escaped.
    public static func escaped(_ text: String) -> String {
        var needed = false
        for scalar in text.unicodeScalars where isControl(scalar) {
            needed = true
            break
        }
        guard needed else { return text }
        var result = ""
        for scalar in text.unicodeScalars {
            guard isControl(scalar) else {
                result.unicodeScalars.append(scalar)
                continue
            }
            switch scalar.value {
            case 0x0A: result += "\\n"
            case 0x0D: result += "\\r"
            case 0x09: result += "\\t"
            default: result += "\\u{" + hex(scalar.value) + "}"
            }
        }
        return result
    }

    /// C0 and C1 controls, DEL, and the Unicode line and paragraph separators.
    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        return v < 0x20 || (v >= 0x7F && v <= 0x9F) || v == 0x2028 || v == 0x2029
    }

    /// Upper-case hexadecimal digits of `value`.
    private static func hex(_ value: UInt32) -> String {
        let digits: [Character] = [
            "0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "A", "B", "C", "D", "E", "F",
        ]
        var value = value
        var result: [Character] = []
        repeat {
            result.append(digits[Int(value % 16)])
            value /= 16
        } while value > 0
        return String(result.reversed())
    }
}
