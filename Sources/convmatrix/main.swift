import ConvMatrixCommandLine

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A file descriptor written through a 1 MiB buffer, so that large matrices stream quickly.
struct FileDescriptorOutput: TextOutputStream {
    let descriptor: Int32
    private var buffer: [UInt8] = []

    init(descriptor: Int32) {
        self.descriptor = descriptor
        buffer.reserveCapacity(1 << 20)
    }

    mutating func write(_ string: String) {
        buffer.append(contentsOf: string.utf8)
        if buffer.count >= 1 << 20 { flush() }
    }

    /// Writes out everything buffered; gives up quietly when the reader has gone (a closed pipe).
    mutating func flush() {
        var offset = 0
        buffer.withUnsafeBytes { bytes in
            while offset < bytes.count {
                #if canImport(Glibc)
                    let written = Glibc.write(
                        descriptor, bytes.baseAddress! + offset, bytes.count - offset)
                #else
                    let written = Darwin.write(
                        descriptor, bytes.baseAddress! + offset, bytes.count - offset)
                #endif
                if written <= 0 { break }
                offset += written
            }
        }
        buffer.removeAll(keepingCapacity: true)
    }
}

signal(SIGPIPE, SIG_IGN)
var output = FileDescriptorOutput(descriptor: 1)
var errors = FileDescriptorOutput(descriptor: 2)
let status = ConvMatrixTool.run(
    Array(CommandLine.arguments.dropFirst()), output: &output, errors: &errors)
output.flush()
errors.flush()
exit(status)
