#if canImport(Glibc)
    import Glibc
#endif

/// Whether this test process runs under a sanitizer (`swift test --sanitize=address` or
/// `--sanitize=thread`). Such a build maps large shadow regions and uses two to three times the
/// memory, so tests that measure a process's memory (the budget tests) skip themselves under it.
/// Read from the sanitizer's runtime, which the build links into the test process.
enum Sanitizer {
    /// The name of the active sanitizer's runtime entry point, if any.
    static let active: String? = {
        #if canImport(Glibc)
            for symbol in ["__asan_init", "__tsan_init"]
            where dlsym(UnsafeMutableRawPointer(bitPattern: 0), symbol) != nil {
                return symbol
            }
        #endif
        return nil
    }()

    /// True under AddressSanitizer or ThreadSanitizer.
    static var isActive: Bool { active != nil }
}
