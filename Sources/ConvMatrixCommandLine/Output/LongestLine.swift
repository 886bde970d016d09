/// A stream that passes text on and measures its longest line in bytes (UTF-8), so that a
/// command can tell when LaTeX is past what pdflatex reads in one line.
struct LongestLine<Base: TextOutputStream>: TextOutputStream {
    /// The stream written to.
    var base: Base
    /// Bytes since the last newline.
    private(set) var current = 0
    /// The longest line so far, the unfinished one included.
    var longest: Int { max(longestFinished, current) }
    private var longestFinished = 0

    init(_ base: Base) { self.base = base }

    mutating func write(_ string: String) {
        base.write(string)
        var text = string
        text.withUTF8 { bytes in
            var start = 0
            while let newline = bytes[start...].firstIndex(of: UInt8(ascii: "\n")) {
                longestFinished = max(longestFinished, current + newline - start)
                current = 0
                start = newline + 1
            }
            current += bytes.count - start
        }
    }
}
