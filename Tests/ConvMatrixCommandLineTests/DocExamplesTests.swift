import Foundation
import Testing

/// Every example in `docs/*.md` is the tool's real output. An example is an HTML comment naming
/// the command line (split at spaces, without the program name), followed by a fenced block
/// holding its standard output:
///
///     <!-- convmatrix: derive --input 5x5 --kernel 3x3 --stride 2 --format markdown -->
///     ```markdown
///     …output…
///     ```
///
/// or, for a file beside the page (an SVG shown as an image), `> path` at the end:
///
///     <!-- convmatrix: draw --input 5x5 --kernel 3x3 --stride 2 > img/seed004.svg -->
///
/// The test scans *all* pages, so examples other pages add are checked too. Run with
/// `CONVMATRIX_UPDATE_DOCS=1` (or `tools/update-docs.sh`) to rewrite the examples instead.
@Suite("docs/ examples")
struct DocExamplesTests {
    /// One marked example.
    struct Example: CustomStringConvertible {
        let page: URL
        let arguments: String
        /// For `> path` examples, the file the output lives in.
        let file: URL?
        var description: String { "\(page.lastPathComponent): convmatrix \(arguments)" }
    }

    static let docs = TestFiles.repositoryRoot.appendingPathComponent("docs")
    static let marker = "<!-- convmatrix:"
    static var updating: Bool {
        ProcessInfo.processInfo.environment["CONVMATRIX_UPDATE_DOCS"] == "1"
    }

    /// The Markdown pages of docs/, sorted.
    static func pages() -> [URL] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: docs.path)) ?? []
        return names.filter { $0.hasSuffix(".md") }.sorted().map { docs.appendingPathComponent($0) }
    }

    /// Splits `<!-- convmatrix: ARGS [> path] -->` into its parts.
    static func parse(_ line: Substring, page: URL) -> Example? {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        guard trimmed.hasPrefix(marker), trimmed.hasSuffix("-->") else { return nil }
        var body = String(trimmed.dropFirst(marker.count).dropLast(3)).trimmingCharacters(
            in: .whitespaces)
        var file: URL?
        if let arrow = body.range(of: " > ") {
            file = page.deletingLastPathComponent().appendingPathComponent(
                body[arrow.upperBound...].trimmingCharacters(in: .whitespaces))
            body = String(body[..<arrow.lowerBound])
        }
        return Example(page: page, arguments: body, file: file)
    }

    static func output(_ example: Example) -> ToolRun { runTool(words(example.arguments)) }

    /// The command line split at spaces, except inside double quotes (`--layer "--kernel 3"`
    /// is two words), the quotes removed.
    static func words(_ commandLine: String) -> [String] {
        var words: [String] = []
        var current = ""
        var quoted = false
        var started = false
        for character in commandLine {
            if character == "\"" {
                quoted.toggle()
                started = true
            } else if character == " " && !quoted {
                if started { words.append(current) }
                current = ""
                started = false
            } else {
                current.append(character)
                started = true
            }
        }
        if started { words.append(current) }
        return words
    }

    /// Checks (or rewrites) one page; returns the problems found.
    static func check(page: URL) throws -> [String] {
        let text = try String(contentsOf: page, encoding: .utf8)
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var problems: [String] = []
        var index = 0
        var changed = false
        while index < lines.count {
            guard let example = parse(Substring(lines[index]), page: page) else {
                index += 1
                continue
            }
            let run = output(example)
            if run.exitCode != 0 {
                problems.append("\(example): exit \(run.exitCode): \(run.errors)")
            }
            if let file = example.file {
                let current = try? String(contentsOf: file, encoding: .utf8)
                if current != run.output {
                    if updating {
                        try run.output.write(to: file, atomically: true, encoding: .utf8)
                    } else {
                        problems.append(
                            "\(example): \(file.lastPathComponent) differs from the tool's output")
                    }
                }
                index += 1
                continue
            }
            // The fenced block right after the marker.
            let open = index + 1
            guard open < lines.count, lines[open].hasPrefix("```") else {
                problems.append("\(example): no fenced block after the marker")
                index += 1
                continue
            }
            let fence = String(lines[open].prefix { $0 == "`" })
            var close = open + 1
            while close < lines.count && lines[close] != fence { close += 1 }
            guard close < lines.count else {
                problems.append("\(example): the fenced block is not closed")
                break
            }
            let shown = lines[(open + 1)..<close].joined(separator: "\n")
            let expected = run.output.hasSuffix("\n") ? String(run.output.dropLast()) : run.output
            if shown != expected {
                if updating {
                    lines.replaceSubrange(
                        (open + 1)..<close,
                        with: expected.split(separator: "\n", omittingEmptySubsequences: false).map(
                            String.init))
                    changed = true
                } else {
                    let shownLines = shown.split(separator: "\n", omittingEmptySubsequences: false)
                    let expectedLines = expected.split(
                        separator: "\n", omittingEmptySubsequences: false)
                    let first =
                        zip(shownLines, expectedLines).enumerated().first { $1.0 != $1.1 }?.offset
                        ?? min(shownLines.count, expectedLines.count)
                    problems.append(
                        "\(example): drifted at line \(first + 1) of the block; run tools/update-docs.sh"
                    )
                }
            }
            index = open + 1
        }
        if changed {
            try lines.joined(separator: "\n").write(to: page, atomically: true, encoding: .utf8)
        }
        return problems
    }

    @Test("docs/ has pages, and they hold examples")
    func pagesExist() throws {
        let pages = Self.pages()
        #expect(pages.contains { $0.lastPathComponent == "README.md" })
        let markers = try pages.reduce(0) { count, page in
            count
                + (try String(contentsOf: page, encoding: .utf8)).components(
                    separatedBy: Self.marker
                ).count - 1
        }
        #expect(markers >= 5)
    }

    @Test("every marked example in every docs/*.md page is the tool's current output")
    func examplesMatch() throws {
        for page in Self.pages() {
            for problem in try Self.check(page: page) {
                Issue.record(Comment(rawValue: problem))
            }
        }
    }

    @Test("a marker parses into its command line and optional file")
    func markerParsing() {
        let page = URL(fileURLWithPath: "/docs/page.md")
        let plain = Self.parse("<!-- convmatrix: derive --input 5 --kernel 3 -->", page: page)
        #expect(plain?.arguments == "derive --input 5 --kernel 3")
        #expect(plain?.file == nil)
        let file = Self.parse(
            "<!-- convmatrix: draw --input 5 --kernel 3 > img/a.svg -->", page: page)
        #expect(file?.arguments == "draw --input 5 --kernel 3")
        #expect(file?.file?.path == "/docs/img/a.svg")
        #expect(Self.parse("<!-- a comment -->", page: page) == nil)
        #expect(
            Self.words(#"compose --input 6 --layer "--kernel 3 --padding 1" --layer "--kernel 2""#)
                == [
                    "compose", "--input", "6", "--layer", "--kernel 3 --padding 1", "--layer",
                    "--kernel 2",
                ])
    }
}
