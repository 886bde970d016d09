/// The string literals of Swift source, as a test reads them: the text of each literal with its
/// line, comments skipped and interpolations `\(…)` left out of the text (their code is read as
/// code, so a literal inside an interpolation is a literal of its own).
///
/// A small lexer, enough for this package's sources: plain, multi-line (`"""`) and raw (`#"…"#`)
/// strings, escapes, nested block comments. It reads no regex literals (the sources have none).
enum SwiftStringLiterals {
    /// One literal: the line it starts on (from 1) and its text, an interpolation written `\(…)`.
    struct Literal: Equatable {
        let line: Int
        let text: String
    }

    /// Every literal of `source`, in order.
    static func literals(in source: String) -> [Literal] {
        var lexer = Lexer(Array(source.unicodeScalars))
        lexer.code(inInterpolation: false)
        return lexer.found
    }

    private struct Lexer {
        let s: [Unicode.Scalar]
        var i = 0
        var line = 1
        var found: [Literal] = []

        init(_ scalars: [Unicode.Scalar]) { s = scalars }

        func peek(_ offset: Int = 0) -> Unicode.Scalar? {
            i + offset < s.count ? s[i + offset] : nil
        }

        mutating func advance() {
            if s[i] == "\n" { line += 1 }
            i += 1
        }

        /// Code up to the end, or up to the `)` that closes an interpolation.
        mutating func code(inInterpolation: Bool) {
            var depth = 0
            while let c = peek() {
                if c == "/" && peek(1) == "/" {
                    while let d = peek(), d != "\n" { advance() }
                } else if c == "/" && peek(1) == "*" {
                    blockComment()
                } else if c == "\"" || (c == "#" && isRawStringStart()) {
                    string()
                } else if c == "(" {
                    depth += 1
                    advance()
                } else if c == ")" {
                    if inInterpolation && depth == 0 {
                        advance()
                        return
                    }
                    depth -= 1
                    advance()
                } else {
                    advance()
                }
            }
        }

        /// `#`s followed by `"`.
        func isRawStringStart() -> Bool {
            var k = 0
            while peek(k) == "#" { k += 1 }
            return peek(k) == "\""
        }

        mutating func blockComment() {
            var depth = 0
            repeat {
                if peek() == "/" && peek(1) == "*" {
                    depth += 1
                    advance()
                    advance()
                } else if peek() == "*" && peek(1) == "/" {
                    depth -= 1
                    advance()
                    advance()
                } else {
                    advance()
                }
            } while depth > 0 && peek() != nil
        }

        /// A string literal starting at `i` (its `#`s, then `"` or `"""`).
        mutating func string() {
            let start = line
            var hashes = 0
            while peek() == "#" {
                hashes += 1
                advance()
            }
            let multiline = peek(1) == "\"" && peek(2) == "\""
            for _ in 0..<(multiline ? 3 : 1) { advance() }
            var text = ""
            while let c = peek() {
                if c == "\\" && (0..<hashes).allSatisfy({ peek(1 + $0) == "#" }) {
                    for _ in 0...hashes { advance() }
                    if peek() == "(" {
                        advance()
                        code(inInterpolation: true)
                        text += "\\(…)"
                    } else if let escaped = peek() {
                        text.unicodeScalars.append("\\")
                        text.unicodeScalars.append(escaped)
                        advance()
                    }
                } else if c == "\"" && closes(multiline: multiline, hashes: hashes) {
                    for _ in 0..<((multiline ? 3 : 1) + hashes) { advance() }
                    break
                } else {
                    text.unicodeScalars.append(c)
                    advance()
                }
            }
            found.append(Literal(line: start, text: text))
        }

        /// Whether the `"` at `i` closes the literal.
        func closes(multiline: Bool, hashes: Int) -> Bool {
            let quotes = multiline ? 3 : 1
            for k in 0..<quotes where peek(k) != "\"" { return false }
            for k in 0..<hashes where peek(quotes + k) != "#" { return false }
            return true
        }
    }
}
