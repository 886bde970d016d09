#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads a whole file with the C library, without Foundation (which costs every run of the
/// tool its start-up time; see docs/performance.md).
enum FileBytes {
    /// Why a file could not be read.
    enum Failure: Error {
        /// No such file.
        case missing
        /// A directory, not a file.
        case directory
        /// It exists but cannot be read.
        case unreadable
    }

    /// The file's bytes.
    static func read(_ path: String) throws(Failure) -> [UInt8] {
        var status = stat()
        guard stat(path, &status) == 0 else { throw .missing }
        guard (status.st_mode & S_IFMT) != S_IFDIR else { throw .directory }
        guard let file = fopen(path, "rb") else { throw .unreadable }
        defer { fclose(file) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { fread($0.baseAddress, 1, $0.count, file) }
            if count > 0 { bytes.append(contentsOf: chunk[0..<count]) }
            if count < chunk.count {
                guard ferror(file) == 0 else { throw .unreadable }
                break
            }
        }
        return bytes
    }
}
