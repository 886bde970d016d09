import Foundation
import Testing

/// docs/library.md shows the examples of `Examples/LibraryUse` exactly, so that what CI compiles
/// and runs is what the page says.
@Suite("docs/library.md shows the compiled examples")
struct LibraryDocsTests {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The `// MARK: docs NAME` … `// MARK: end` blocks of the example program, by name.
    static func exampleBlocks() throws -> [String: String] {
        let source = try String(
            contentsOf: root.appendingPathComponent(
                "Examples/LibraryUse/Sources/LibraryUse/main.swift"), encoding: .utf8)
        var blocks: [String: String] = [:]
        var name: String?
        var lines: [String] = []
        for line in source.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("// MARK: docs ") {
                name = String(line.dropFirst("// MARK: docs ".count))
                lines = []
            } else if line == "// MARK: end", let current = name {
                blocks[current] = lines.joined(separator: "\n")
                name = nil
            } else if name != nil {
                lines.append(String(line))
            }
        }
        return blocks
    }

    @Test("every example block of the program appears verbatim in a swift fence of the page")
    func blocksAppearInThePage() throws {
        let page = try String(
            contentsOf: Self.root.appendingPathComponent("docs/library.md"), encoding: .utf8)
        let blocks = try Self.exampleBlocks()
        #expect(Set(blocks.keys) == ["unroll", "numeric", "notes", "pictures"])
        for (name, block) in blocks {
            #expect(
                page.contains("```swift\n\(block)\n```"),
                "docs/library.md does not show the '\(name)' example as compiled")
        }
    }
}
