import Foundation
import Testing

/// No library module's strings name a command-line flag or command: every string literal in the
/// sources of the library modules is read, and none may hold `--` followed by a letter
/// (`--max-memory`, `--format json`) or the program followed by a command (`convmatrix shape`). The edges — the command line, the executables, the page builder and the
/// layer flags module — are where flags are spelled; a library error is a value (the field, the
/// rule and its numbers), and a writer that wants a hint takes it from its caller.
///
/// The one exception is listed: CSS custom properties (`--cm-tap-0`) of the pictures' palette.
@Suite("The library's string literals name no flag")
struct LibraryStringsNameNoFlagTests {
    static let sources = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Sources")

    /// The source folders where flags are spelled.
    static let edges: Set<String> = [
        "ConvMatrixCommandLine", "convmatrix", "convmatrix-bench", "ExplorerPageBuilder",
        "ConvMatrixLayerFlags",
    ]

    /// Literals that may hold `--` and a letter: a file (its path under Sources) and how the
    /// allowed text begins.
    static let allowed: [(file: String, prefix: String)] = [
        ("ConvMatrixPictures/TapPalette.swift", "--cm-")
    ]

    /// The library modules' source folders.
    static func libraryFolders() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: sources.path)
            .filter { !edges.contains($0) && !$0.hasPrefix(".") }.sorted()
    }

    /// Every Swift file of the library modules, as a path under Sources.
    static func libraryFiles() throws -> [String] {
        var files: [String] = []
        for folder in try libraryFolders() {
            let enumerator = FileManager.default.enumerator(
                atPath: sources.appendingPathComponent(folder).path)
            while let file = enumerator?.nextObject() as? String {
                if file.hasSuffix(".swift") { files.append(folder + "/" + file) }
            }
        }
        return files.sorted()
    }

    /// The texts from each `--` followed by an ASCII lower-case letter to the end of `text`.
    static func flagLike(_ text: String) -> [Substring] {
        let scalars = Array(text.unicodeScalars)
        var found: [Substring] = []
        var index = text.unicodeScalars.startIndex
        for k in scalars.indices {
            defer { index = text.unicodeScalars.index(after: index) }
            guard k + 2 < scalars.count, scalars[k] == "-", scalars[k + 1] == "-",
                ("a"..."z").contains(scalars[k + 2])
            else { continue }
            found.append(Substring(text.unicodeScalars[index...]))
        }
        return found
    }

    /// Whether `text` names a command of the program: `convmatrix` followed by a space and a
    /// lower-case letter (`convmatrix-matrix`, a JSON format name, is not a command).
    static func namesCommand(_ text: String) -> Bool {
        var rest = Substring(text)
        while let range = rest.firstRange(of: "convmatrix ") {
            rest = rest[range.upperBound...]
            if let next = rest.unicodeScalars.first, ("a"..."z").contains(next) { return true }
        }
        return false
    }

    /// `file:line: "text"` of every literal that names something like a flag, allowlist aside,
    /// or a command.
    static func offenders() throws -> [String] {
        var offenders: [String] = []
        for file in try libraryFiles() {
            let source = try String(
                contentsOf: sources.appendingPathComponent(file), encoding: .utf8)
            for literal in SwiftStringLiterals.literals(in: source) {
                let named = flagLike(literal.text).filter { text in
                    !allowed.contains { $0.file == file && text.hasPrefix($0.prefix) }
                }
                if !named.isEmpty || namesCommand(literal.text) {
                    offenders.append("\(file):\(literal.line): \"\(literal.text)\"")
                }
            }
        }
        return offenders
    }

    @Test("the library modules are every source folder but the edges")
    func folders() throws {
        let folders = try Self.libraryFolders()
        for module in [
            "Symbolic", "ConvMatrixCore", "ConvMatrixSymbols", "ConvMatrixNumeric",
            "ConvMatrixRendering", "ConvMatrixNotes", "ConvMatrixPictures", "ConvMatrixAnalysis",
            "ConvMatrixFrameworks", "ConvMatrixExplorerCore", "ConvMatrix",
        ] {
            #expect(folders.contains(module))
        }
        #expect(try Self.libraryFiles().count > 150)
    }

    @Test("no string literal of a library module holds --flag or 'convmatrix command'")
    func noFlags() throws {
        let offenders = try Self.offenders()
        #expect(offenders.isEmpty, "\(offenders.joined(separator: "\n"))")
    }

    @Test("every allowed exception is still there (a stale allowlist is removed)")
    func allowlistInUse() throws {
        for entry in Self.allowed {
            let source = try String(
                contentsOf: Self.sources.appendingPathComponent(entry.file), encoding: .utf8)
            let used = SwiftStringLiterals.literals(in: source).contains { literal in
                Self.flagLike(literal.text).contains { $0.hasPrefix(entry.prefix) }
            }
            #expect(used, "\(entry.file) no longer holds \(entry.prefix)…")
        }
    }

    @Test(
        "a literal's text: escapes, interpolations, raw and multi-line strings, comments skipped",
        arguments: [
            (#"let a = "raise --max-memory""#, [#"raise --max-memory"#]),
            (#"let a = "a \"q\" --x""#, [#"a \"q\" --x"#]),
            (#"let a = "--\(name): \(f("--in"))""#, ["--in", #"--\(…): \(…)"#]),
            (##"let a = #"a "--b" \(c)"#"##, [#"a "--b" \(c)"#]),
            ("// \"--no\"\n/* \"--no\" /* \"--no\" */ */ let a = \"yes\"", ["yes"]),
            ("let a = \"\"\"\n    one \"--two\"\n    \"\"\"", ["\n    one \"--two\"\n    "]),
        ])
    func lexer(_ item: (source: String, texts: [String])) {
        #expect(SwiftStringLiterals.literals(in: item.source).map(\.text) == item.texts)
    }

    @Test("--flag is found after a letter or a space, not a lone -- or ---")
    func flagLikeText() {
        #expect(Self.flagLike("raise --max-memory").map(String.init) == ["--max-memory"])
        #expect(Self.flagLike("a -- b, x---").isEmpty)
        #expect(Self.flagLike("--A").isEmpty)
        #expect(Self.namesCommand("(* this layer; 'convmatrix frameworks' gives the whole layer)"))
        #expect(!Self.namesCommand("\"format\": \"convmatrix-matrix\""))
        #expect(!Self.namesCommand("convmatrix"))
    }
}
