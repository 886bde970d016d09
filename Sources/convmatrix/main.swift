import ConvMatrixCommandLine

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A file descriptor written through a 64 KiB buffer, so that large matrices stream quickly. It
/// takes bytes as well as text (a GIF when standard output is not a terminal).
struct FileDescriptorOutput: BinaryOutputStream {
    let descriptor: Int32
    private var buffer: [UInt8] = []

    init(descriptor: Int32) {
        self.descriptor = descriptor
        buffer.reserveCapacity(1 << 16)
    }

    mutating func write(_ string: String) {
        // The matrix writers hand over megabyte chunks: those go out as they are, without a
        // copy into the buffer (a native string's UTF-8 is contiguous).
        if string.utf8.count >= 1 << 16 {
            flush()
            var string = string
            string.withUTF8 { send(UnsafeRawBufferPointer($0)) }
            return
        }
        buffer.append(contentsOf: string.utf8)
        if buffer.count >= 1 << 16 { flush() }
    }

    mutating func write(bytes: [UInt8]) {
        flush()
        bytes.withUnsafeBytes { send($0) }
    }

    /// Writes out everything buffered.
    mutating func flush() {
        buffer.withUnsafeBytes { send($0) }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Writes `bytes`; gives up quietly when the reader has gone (a closed pipe).
    private func send(_ bytes: UnsafeRawBufferPointer) {
        guard let base = bytes.baseAddress else { return }
        var offset = 0
        while offset < bytes.count {
            #if canImport(Glibc)
                let written = Glibc.write(descriptor, base + offset, bytes.count - offset)
            #else
                let written = Darwin.write(descriptor, base + offset, bytes.count - offset)
            #endif
            if written <= 0 { break }
            offset += written
        }
    }
}

signal(SIGPIPE, SIG_IGN)
var output = FileDescriptorOutput(descriptor: 1)
var errors = FileDescriptorOutput(descriptor: 2)
let status = ConvMatrixTool.run(
    Array(CommandLine.arguments.dropFirst()), output: &output, errors: &errors,
    console: .standard)
output.flush()
errors.flush()
exit(status)
