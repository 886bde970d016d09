import Foundation
import Testing

/// The shared reference directory `<repo>/../shared/reference`, found from this file's path.
enum Reference {
    static var directory: URL {
        // Tests/SymbolicTests/TestSupport.swift → repository root → ../shared/reference
        URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent()
            .deletingLastPathComponent()
            .deletingLastPathComponent()
            .deletingLastPathComponent()
            .appendingPathComponent("shared/reference")
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
