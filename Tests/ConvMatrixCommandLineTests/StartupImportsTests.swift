import Foundation
import Testing

/// Every module the `convmatrix` executable links stays free of Foundation: loading Foundation
/// (and the ICU data it brings) took about 3 ms of every run, more than the work of most
/// commands (docs/performance.md, start-up). `tools/bench_all.sh` checks the built binary too.
@Suite("start-up imports")
struct StartupImportsTests {
    /// The source folders of the modules `convmatrix` links.
    static let linkedModules = [
        "Symbolic", "ConvMatrixCore", "ConvMatrixSymbols", "ConvMatrixNumeric",
        "ConvMatrixRendering", "ConvMatrixNotes", "ConvMatrixPictures", "ConvMatrix",
        "ConvMatrixLayerFlags", "ConvMatrixCommandLine", "convmatrix",
    ]

    /// `(file, line)` of every `import` of `module` in the linked modules' sources.
    static func imports(of module: String) throws -> [String] {
        var found: [String] = []
        let sources = TestFiles.repositoryRoot.appendingPathComponent("Sources")
        for folder in linkedModules {
            let root = sources.appendingPathComponent(folder)
            guard let files = FileManager.default.enumerator(atPath: root.path) else {
                throw CocoaError(.fileNoSuchFile)
            }
            for case let file as String in files where file.hasSuffix(".swift") {
                let text = try String(
                    contentsOf: root.appendingPathComponent(file), encoding: .utf8)
                for line in text.split(separator: "\n") {
                    let words = line.split(separator: " ")
                    if words.count >= 2, words[words.count - 2] == "import",
                        words.last.map(String.init) == module
                    {
                        found.append("\(folder)/\(file)")
                    }
                }
            }
        }
        return found
    }

    @Test("no module linked into convmatrix imports Foundation")
    func noFoundation() throws {
        for module in ["Foundation", "FoundationEssentials", "FoundationInternationalization"] {
            let found = try Self.imports(of: module)
            #expect(found.isEmpty, "\(module) imported by \(found)")
        }
    }

    @Test("the linked modules are all found (the scan above cannot pass by reading nothing)")
    func scanReadsSources() throws {
        #expect(try Self.imports(of: "ConvMatrixCore").count > 20)
    }
}
