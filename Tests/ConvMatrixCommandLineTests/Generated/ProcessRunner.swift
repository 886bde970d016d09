import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// How one run of the built `convmatrix` binary ended.
struct ProcessOutcome: Sendable {
    /// The exit status, or nil when the process did not exit normally.
    let exitCode: Int32?
    /// The signal that ended the process, or nil.
    let signal: Int32?
    /// Whether it was still running at the deadline (and was killed).
    let timedOut: Bool
    /// Bytes it wrote to standard output.
    let outputBytes: Int
    /// The first `keep` bytes of standard output (64 kB unless asked).
    let output: String
    /// What it wrote to standard error (at most 64 kB).
    let errors: String
    /// Wall-clock seconds.
    let seconds: Double
    /// The peak resident memory of the process, in bytes (0 when unknown).
    var peakBytes: Int = 0
}

/// Runs the `convmatrix` executable that `swift build`/`swift test` built, as a separate process,
/// with a deadline: the way a user (or a course's build script) runs it.
enum BuiltTool {
    /// The `convmatrix` executable next to the test bundle, or under `.build/debug`.
    static let executable: URL? = {
        var directories: [URL] = []
        #if os(Linux)
            if let exe = try? FileManager.default.destinationOfSymbolicLink(
                atPath: "/proc/self/exe")
            {
                directories.append(URL(fileURLWithPath: exe).deletingLastPathComponent())
            }
        #endif
        for bundle in Bundle.allBundles where bundle.bundlePath.hasSuffix(".xctest") {
            directories.append(URL(fileURLWithPath: bundle.bundlePath).deletingLastPathComponent())
        }
        if let main = Bundle.main.executableURL {
            directories.append(main.deletingLastPathComponent())
        }
        directories.append(TestFiles.repositoryRoot.appendingPathComponent(".build/debug"))
        for directory in directories {
            let candidate = directory.appendingPathComponent("convmatrix")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return nil
    }()

    /// glibc's `posix_spawn_file_actions_addchdir_np` (2.29 and later), which Swift's Glibc
    /// module does not declare: the child changes directory without the parent's threads
    /// racing on a shared `chdir`.
    private static let addChdir:
        (
            @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, UnsafePointer<CChar>)
                -> Int32
        )? = {
            guard let symbol = dlsym(nil, "posix_spawn_file_actions_addchdir_np") else {
                return nil
            }
            return unsafeBitCast(
                symbol,
                to: (@convention(c) (
                    UnsafeMutablePointer<posix_spawn_file_actions_t>, UnsafePointer<CChar>
                ) -> Int32).self)
        }()

    /// Runs `arguments` in the directory `scratch`, with standard output and error in files
    /// there, killing the process after `timeout` seconds. The working directory is `scratch` so
    /// that files a command line names (`explore --output yes`) land there, not in the checkout.
    static func run(
        _ executable: URL, _ arguments: [String], scratch: URL, id: Int, timeout: Double,
        keep: Int = 1 << 16
    ) -> ProcessOutcome {
        let outPath = scratch.appendingPathComponent("\(id).out").path
        let errPath = scratch.appendingPathComponent("\(id).err").path
        defer {
            unlink(outPath)
            unlink(errPath)
        }
        let start = Date()
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        if let addChdir = Self.addChdir { _ = addChdir(&actions, scratch.path) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, errPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        let argv = ([executable.path] + arguments).map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var pid = pid_t()
        let spawned = posix_spawn(&pid, executable.path, &actions, nil, argv, environ)
        guard spawned == 0 else {
            return ProcessOutcome(
                exitCode: nil, signal: nil, timedOut: false, outputBytes: 0, output: "",
                errors: "posix_spawn failed: \(spawned)", seconds: 0)
        }
        var status: Int32 = 0
        var timedOut = false
        var pause: useconds_t = 200
        var usage = rusage()
        while true {
            let done = wait4(pid, &status, WNOHANG, &usage)
            if done == pid { break }
            if done < 0 && errno != EINTR { break }
            if Date().timeIntervalSince(start) > timeout {
                timedOut = true
                kill(pid, SIGKILL)
                _ = wait4(pid, &status, 0, &usage)
                break
            }
            usleep(pause)
            pause = min(pause * 2, 2_000)
        }
        let seconds = Date().timeIntervalSince(start)
        // WIFEXITED / WTERMSIG written out: the macros are not imported into Swift.
        let signal = status & 0x7f
        let exited = signal == 0
        let output = Self.read(outPath, keep: keep)
        #if os(Linux)
            let peak = Int(usage.ru_maxrss) * 1024  // kilobytes on Linux
        #else
            let peak = Int(usage.ru_maxrss)  // bytes on Darwin
        #endif
        return ProcessOutcome(
            exitCode: exited ? (status >> 8) & 0xff : nil,
            signal: exited || timedOut ? nil : signal, timedOut: timedOut,
            outputBytes: output.size, output: output.text, errors: Self.read(errPath).text,
            seconds: seconds, peakBytes: peak)
    }

    /// The size of a file and its first `keep` bytes as text.
    private static func read(_ path: String, keep: Int = 1 << 16) -> (size: Int, text: String) {
        guard let handle = FileHandle(forReadingAtPath: path) else { return (0, "") }
        defer { try? handle.close() }
        let size = (try? handle.seekToEnd()).map { Int($0) } ?? 0
        try? handle.seek(toOffset: 0)
        let data = (try? handle.read(upToCount: keep)) ?? Data()
        return (size, String(decoding: data, as: UTF8.self))
    }
}

/// A lock-protected counter that hands out work to threads.
final class WorkQueue: @unchecked Sendable {
    private let lock = NSLock()
    private var next = 0
    let count: Int

    init(count: Int) { self.count = count }

    /// The next index, or nil when all are taken.
    func take() -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard next < count else { return nil }
        next += 1
        return next - 1
    }
}
