import Foundation

// Builds the explorer page that `convmatrix explore` writes, from its sources:
//
//     ExplorerPageBuilder <page folder> <output.swift> [<output.html>]
//
// The page folder holds explorer.html (with @STYLE@, @SCRIPT@, @STYLE_HASH@, @SCRIPT_HASH@ and
// @WASM_BASE64@ to fill), explorer.css, the ES modules under js/ (entry js/main.js) and the
// committed WebAssembly core explorer.wasm. The script is the modules bundled (ScriptBundle),
// the wasm is inlined as base64, and the Content-Security-Policy gets the SHA-256 of the inline
// style and script. The page is written as a Swift string literal, `ExplorerPageTemplate.html`,
// into the build folder (the SwiftPM plugin ExplorerPagePlugin runs this at every build whose
// page sources changed), so the `convmatrix` binary carries it and reads no file at run time.
// With a third argument the page itself is written too (tools/build-explorer.sh, the tests).
//
// Nothing depends on the machine: same sources, same bytes.

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data(("ExplorerPageBuilder: " + message + "\n").utf8))
    exit(1)
}

let arguments = CommandLine.arguments
guard arguments.count == 3 || arguments.count == 4 else {
    fail("usage: ExplorerPageBuilder <page folder> <output.swift> [<output.html>]")
}
let folder = URL(fileURLWithPath: arguments[1], isDirectory: true)

func text(_ name: String) -> String {
    guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent(name).path),
        let text = String(data: data, encoding: .utf8)
    else { fail("cannot read \(folder.appendingPathComponent(name).path)") }
    return text
}

func digest(_ text: String) -> String {
    "sha256-" + Data(SHA256.digest(Array(text.utf8))).base64EncodedString()
}

let css = text("explorer.css")
let script: String
do {
    script = try ScriptBundle.script(entry: "main.js") { path in text("js/" + path) }
} catch {
    fail("\(error)")
}
for (name, content, closing) in [("style", css, "</style"), ("script", script, "</script")]
where content.lowercased().contains(closing) {
    fail("the \(name) must not contain \(closing)")
}
guard
    let wasm = FileManager.default.contents(
        atPath: folder.appendingPathComponent("explorer.wasm").path)
else { fail("cannot read explorer.wasm: run tools/build-explorer.sh") }

// Placeholders filled in this order (the hashes first, so that no source text can fake one);
// @LAYER_JSON@ and @PALETTE_JSON@ stay for `convmatrix explore`.
var html = text("explorer.html")
for (key, value) in [
    ("@STYLE_HASH@", digest(css)), ("@SCRIPT_HASH@", digest(script)), ("@STYLE@", css),
    ("@SCRIPT@", script), ("@WASM_BASE64@", wasm.base64EncodedString()),
] {
    guard let range = html.range(of: key) else { fail("explorer.html has no \(key)") }
    html.replaceSubrange(range, with: value)
}
guard !html.contains("\"\"\"#"), !html.contains("\\#") else {
    fail("the page must not contain \"\"\"# or \\#: it is written as a raw Swift string")
}

let swift =
    "// Generated at build time by ExplorerPageBuilder (the ExplorerPagePlugin build tool) from\n"
    + "// Sources/ConvMatrixCommandLine/Explorer/Page. Not committed: change the sources.\n\n"
    + "/// The explorer page with its style, script and WebAssembly core inlined; `@LAYER_JSON@`\n"
    + "/// and `@PALETTE_JSON@` are filled in by `convmatrix explore`.\n"
    + "enum ExplorerPageTemplate {\n"
    + "    /// The page.\n"
    + "    static let html = #\"\"\"\n" + html + "\"\"\"#\n}\n"

func write(_ text: String, to path: String) {
    let data = Data(text.utf8)
    // Unchanged output keeps its date, so the build does not recompile what depends on it.
    if FileManager.default.contents(atPath: path) == data { return }
    guard FileManager.default.createFile(atPath: path, contents: data) else {
        fail("cannot write \(path)")
    }
}
write(swift, to: arguments[2])
if arguments.count == 4 { write(html, to: arguments[3]) }
