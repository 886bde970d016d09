import Foundation
import Testing

/// The reference LaTeX that SymPy printed for the 5×5 input, 3×3 kernel, stride 2 example,
/// committed in `Fixtures/reference` (see the README there), found from this file's path.
enum Reference {
    static var directory: URL {
        URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent()
            .appendingPathComponent("Fixtures/reference")
    }

    /// The single line of a reference file (without its trailing newline); records a
    /// failure naming the missing path instead of passing silently.
    static func line(_ name: String) throws -> String {
        let url = directory.appendingPathComponent(name)
        guard FileManager.default.fileExists(atPath: url.path) else {
            Issue.record("reference file missing: \(url.standardizedFileURL.path)")
            throw ReferenceMissing(path: url.path)
        }
        let text = try String(contentsOf: url, encoding: .utf8)
        #expect(text.hasSuffix("\n"), "reference \(name) should end with a newline")
        return text.hasSuffix("\n") ? String(text.dropLast()) : text
    }

    struct ReferenceMissing: Error {
        let path: String
    }
}
