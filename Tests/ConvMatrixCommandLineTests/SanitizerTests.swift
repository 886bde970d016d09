import Foundation
import Testing

/// The budget tests skip themselves under a sanitizer; this makes sure the detection is right, so
/// that an ordinary run never skips them. CI's sanitizer stage sets `CONVMATRIX_EXPECT_SANITIZER`
/// to `address` or `thread`; elsewhere it is unset and no sanitizer may be detected.
@Suite("Sanitizer detection")
struct SanitizerTests {
    @Test("detected exactly when the run expects one")
    func detection() {
        let expected = ProcessInfo.processInfo.environment["CONVMATRIX_EXPECT_SANITIZER"]
        switch expected {
        case "address": #expect(Sanitizer.active == "__asan_init")
        case "thread": #expect(Sanitizer.active == "__tsan_init")
        default: #expect(Sanitizer.active == nil)
        }
    }
}
