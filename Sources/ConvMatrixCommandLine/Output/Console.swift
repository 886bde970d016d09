#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// What the command line knows of where it runs: whether standard output and standard error
/// are terminals, how to write to standard error at once, and a clock.
///
/// Two decisions hang on it, as in image and download tools: binary output (a GIF) goes to
/// standard output unless that is a terminal, and a progress line (``ProgressLine``) is drawn
/// on standard error only when that is a terminal. Tests make their own, with a fake terminal
/// and a fake clock.
public struct Console: Sendable {
    /// Whether standard output is a terminal (`isatty(1)`).
    public var outputIsTerminal: Bool
    /// Whether standard error is a terminal (`isatty(2)`).
    public var errorIsTerminal: Bool
    /// Writes text to standard error at once, unbuffered (the progress line).
    public var writeError: @Sendable (String) -> Void
    /// Seconds on a monotonic clock (any origin).
    public var seconds: @Sendable () -> Double

    /// A console with the given facts.
    public init(
        outputIsTerminal: Bool, errorIsTerminal: Bool,
        writeError: @escaping @Sendable (String) -> Void,
        seconds: @escaping @Sendable () -> Double
    ) {
        self.outputIsTerminal = outputIsTerminal
        self.errorIsTerminal = errorIsTerminal
        self.writeError = writeError
        self.seconds = seconds
    }

    /// No terminal anywhere, nothing written, a clock that stands still: what
    /// ``ConvMatrixTool/run(_:output:errors:)`` runs in (tests, a library caller).
    public static let detached = Console(
        outputIsTerminal: false, errorIsTerminal: false, writeError: { _ in }, seconds: { 0 })

    /// This process's own standard output and error, and its monotonic clock.
    public static var standard: Console {
        Console(
            outputIsTerminal: isatty(1) == 1, errorIsTerminal: isatty(2) == 1,
            writeError: { text in
                var text = text
                text.withUTF8 { bytes in
                    guard let base = bytes.baseAddress else { return }
                    var offset = 0
                    while offset < bytes.count {
                        let written = write(2, base + offset, bytes.count - offset)
                        if written <= 0 { return }
                        offset += written
                    }
                }
            },
            seconds: {
                var now = timespec()
                clock_gettime(CLOCK_MONOTONIC, &now)
                return Double(now.tv_sec) + Double(now.tv_nsec) / 1e9
            })
    }
}

/// A standard output that takes bytes as well as text: a binary format (a GIF) is written to
/// it when it is not a terminal. The executable's output conforms; a `String` does not, and a
/// command that must write bytes to one refuses as it does on a terminal.
public protocol BinaryOutputStream: TextOutputStream {
    /// Writes `bytes` as they are, after any text written before.
    mutating func write(bytes: [UInt8])
}

/// Writing bytes to a command's output, whatever its static type.
enum BinaryOutput {
    /// Whether `output` takes bytes.
    static func accepts(_ output: some TextOutputStream) -> Bool {
        output is any BinaryOutputStream
    }

    /// Writes `bytes` to `output` if it takes bytes; returns whether it did.
    static func write<Output: TextOutputStream>(_ bytes: [UInt8], to output: inout Output)
        -> Bool
    {
        guard var binary = output as? any BinaryOutputStream else { return false }
        binary.write(bytes: bytes)
        guard let written = binary as? Output else { return false }
        output = written
        return true
    }
}
