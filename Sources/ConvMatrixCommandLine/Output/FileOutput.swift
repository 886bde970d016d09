#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Files the commands write (`draw --output`, `derive --figures`), without Foundation (which
/// the executable does not load, docs/performance.md). A file is written to a temporary name
/// beside it and renamed into place, so a reader never sees half a file.
enum FileOutput {
    /// Writes `bytes` to `path`, replacing it. Throws the system's reason, one line.
    static func write(_ bytes: [UInt8], to path: String) throws(FileOutputError) {
        let temporary = "\(path).convmatrix-\(getpid()).tmp"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard descriptor >= 0 else { throw FileOutputError(reason: reason()) }
        var offset = 0
        let failed: Bool = bytes.withUnsafeBytes { buffer in
            guard let base = buffer.baseAddress else { return false }
            while offset < buffer.count {
                let written = systemWrite(descriptor, base + offset, buffer.count - offset)
                if written <= 0 { return true }
                offset += written
            }
            return false
        }
        let why = failed ? reason() : ""
        if close(descriptor) != 0 || failed {
            let message = failed ? why : reason()
            unlink(temporary)
            throw FileOutputError(reason: message)
        }
        guard rename(temporary, path) == 0 else {
            let message = reason()
            unlink(temporary)
            throw FileOutputError(reason: message)
        }
    }

    /// Creates the directory `path` and its missing parents; an existing directory is fine.
    static func makeDirectory(_ path: String) throws(FileOutputError) {
        var prefix = path.hasPrefix("/") ? "/" : ""
        for part in path.split(separator: "/") {
            prefix += part
            if mkdir(prefix, 0o755) != 0 && errno != EEXIST {
                throw FileOutputError(reason: reason())
            }
            prefix += "/"
        }
    }

    /// POSIX `write(2)` (the name `write` is taken by this type's own method).
    private static func systemWrite(_ fd: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
        #if canImport(Glibc)
            Glibc.write(fd, bytes, count)
        #else
            Darwin.write(fd, bytes, count)
        #endif
    }

    /// The system's description of `errno`.
    private static func reason() -> String { String(cString: strerror(errno)) }
}

/// Why a file could not be written (the system's words, e.g. "No such file or directory").
struct FileOutputError: Error {
    let reason: String
}
