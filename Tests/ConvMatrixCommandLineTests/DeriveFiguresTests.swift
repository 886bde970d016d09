import Foundation
import Testing

/// `derive --figures DIR`: the pictures beside the notes.
@Suite("derive --figures")
struct DeriveFiguresTests {
    static func folder() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent(
            "convmatrix-figures-\(UUID().uuidString)")
    }

    @Test("Markdown links the four SVG files it writes")
    func markdown() throws {
        let dir = Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let run = runTool(
            "derive --input 5x5 --kernel 3x3 --stride 2 --format markdown --figures \(dir.path)")
        #expect(run.exitCode == 0, "\(run.errors)")
        for name in ["sliding", "transposed-equivalent", "transposed-scatter", "backward"] {
            #expect(run.output.contains("](\(dir.path)/\(name).svg)"))
            let svg = try String(
                contentsOf: dir.appendingPathComponent("\(name).svg"), encoding: .utf8)
            #expect(svg.contains("<animate "))
        }
    }

    @Test("LaTeX embeds TikZ small multiples, or one frame, and loads tikz")
    func latex() throws {
        let dir = Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let all = runTool(
            "derive --input 5x5 --kernel 3x3 --stride 2 --format latex --standalone --figures \(dir.path)"
        )
        #expect(all.exitCode == 0)
        #expect(all.output.contains("\\usepackage{tikz}"))
        // 4 + 25 + 5 + 13 frames.
        #expect(all.output.components(separatedBy: "\\begin{tikzpicture}").count - 1 == 47)
        #expect(all.output.hasSuffix("\\end{document}\n"))
        let one = runTool(
            "derive --input 5x5 --kernel 3x3 --stride 2 --format latex --lang es --figures \(dir.path) --figure-frame 2"
        )
        #expect(one.output.components(separatedBy: "\\begin{tikzpicture}").count - 1 == 4)
        #expect(one.output.contains("\\section*{Figuras}"))
    }

    static let bad: [(String, String)] = [
        ("--format text --figures DIR", "figures"),
        ("--format latex --figure-frame 2", "figure-frame"),
        ("--format latex --figures DIR --figure-frame 5", "figure-frame"),
        ("--format markdown --figures DIR --figure-frame 1", "figure-frame"),
    ]

    @Test("bad input: one line, exit 2, no files", arguments: bad)
    func badInput(arguments: String, flag: String) {
        let dir = Self.folder()
        let run = runTool(
            "derive --input 5x5 --kernel 3x3 --stride 2 \(arguments)".split(separator: " ").map {
                $0 == "DIR" ? dir.path : String($0)
            })
        #expect(run.exitCode == 2)
        #expect(run.output.isEmpty)
        #expect(run.errors.hasPrefix("error: --\(flag):"), "\(run.errors)")
        #expect(!FileManager.default.fileExists(atPath: dir.path))
    }
}
