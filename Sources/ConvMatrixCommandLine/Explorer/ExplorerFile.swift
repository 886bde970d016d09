#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writes the page to a file whole or not at all: into a temporary file beside it, then renamed
/// over the target, so a failure never leaves a partial page.
enum ExplorerFile {
    static func write(_ text: String, to path: String) throws(UsageError) {
        guard !path.isEmpty else { throw UsageError(flag: "output", "expected a file name") }
        let temporary = path + ".partial-" + String(getpid())
        guard let file = fopen(temporary, "wb") else {
            throw UsageError(flag: "output", "cannot write '\(path)': \(reason())")
        }
        var bytes = Array(text.utf8)
        let written = bytes.withUnsafeMutableBytes { fwrite($0.baseAddress, 1, $0.count, file) }
        let closed = fclose(file)
        guard written == bytes.count, closed == 0 else {
            let why = reason()
            unlink(temporary)
            throw UsageError(flag: "output", "cannot write '\(path)': \(why)")
        }
        bytes.removeAll()
        guard rename(temporary, path) == 0 else {
            let why = reason()
            unlink(temporary)
            throw UsageError(flag: "output", "cannot write '\(path)': \(why)")
        }
    }

    private static func reason() -> String {
        guard let message = strerror(errno) else { return "error \(errno)" }
        return String(cString: message)
    }
}
