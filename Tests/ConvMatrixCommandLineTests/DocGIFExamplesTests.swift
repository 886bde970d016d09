import Foundation
import Testing

/// The GIFs in docs/ are the tool's current output. A GIF example is an HTML comment
///
///     <!-- convmatrix-gif: draw … --format gif --output img/name.gif -->
///
/// whose `--output` path is relative to the page; the test runs the command into a temporary
/// file and compares bytes. With `CONVMATRIX_UPDATE_DOCS=1` (tools/update-docs.sh) it rewrites
/// the GIF instead.
@Suite("docs/ GIF examples")
struct DocGIFExamplesTests {
    static let marker = "<!-- convmatrix-gif:"

    @Test("every GIF example in docs/*.md is the tool's current output")
    func gifs() throws {
        let docs = TestFiles.repositoryRoot.appendingPathComponent("docs")
        let pages = try FileManager.default.contentsOfDirectory(atPath: docs.path)
            .filter { $0.hasSuffix(".md") }.sorted()
        var seen = 0
        for page in pages {
            let text = try String(contentsOf: docs.appendingPathComponent(page), encoding: .utf8)
            for line in text.split(separator: "\n") {
                let trimmed = line.trimmingCharacters(in: .whitespaces)
                guard trimmed.hasPrefix(Self.marker), trimmed.hasSuffix("-->") else { continue }
                var words = trimmed.dropFirst(Self.marker.count).dropLast(3)
                    .split(separator: " ").map(String.init)
                guard let index = words.firstIndex(of: "--output"), index + 1 < words.count else {
                    Issue.record("\(page): \(trimmed) has no --output")
                    continue
                }
                let target = docs.appendingPathComponent(words[index + 1])
                let temporary = FileManager.default.temporaryDirectory.appendingPathComponent(
                    "convmatrix-doc-\(UUID().uuidString).gif")
                defer { try? FileManager.default.removeItem(at: temporary) }
                words[index + 1] = temporary.path
                let run = runTool(words)
                #expect(run.exitCode == 0, "\(page): \(run.errors)")
                let produced = try Data(contentsOf: temporary)
                if DocExamplesTests.updating {
                    try produced.write(to: target)
                } else {
                    let committed = try? Data(contentsOf: target)
                    #expect(
                        committed == produced,
                        "\(page): \(target.lastPathComponent) drifted; run tools/update-docs.sh")
                }
                seen += 1
            }
        }
        #expect(seen >= 1)
    }
}
