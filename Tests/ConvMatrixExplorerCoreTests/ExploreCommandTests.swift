import ConvMatrixPictures
import Foundation
import Testing

@testable import ConvMatrixCommandLine

/// `convmatrix explore`: one self-contained page, under a strict Content-Security-Policy, with
/// the layer and the tap colours filled in; bad flags write nothing.
@Suite("explore command")
struct ExploreCommandTests {
    let page = runTool(["explore", "--input", "5x5", "--kernel", "3x3", "--stride", "2"]).output

    @Test("the page is one file: nothing loaded from anywhere, the wasm inlined")
    func selfContained() throws {
        #expect(page.hasPrefix("<!DOCTYPE html>"))
        for remote in ["src=\"http", "href=\"http", "src=\"//", "href=\"//", "@import", "url("] {
            #expect(!page.contains(remote), "\(remote)")
        }
        #expect(!page.contains("<link"))
        #expect(
            page.contains("<script type=\"application/octet-stream\" id=\"explorer-wasm\">AGFzbQ"))
        for placeholder in [
            "@LAYER_JSON@", "@PALETTE_JSON@", "@SCRIPT@", "@STYLE@", "@WASM_BASE64@",
        ] {
            #expect(!page.contains(placeholder))
        }
    }

    @Test("a strict Content-Security-Policy: its own inline script and style by hash, and wasm")
    func contentSecurityPolicy() throws {
        let start = try #require(
            page.range(of: "http-equiv=\"Content-Security-Policy\" content=\""))
        let policy = String(page[start.upperBound...].prefix { $0 != "\"" })
        #expect(policy.hasPrefix("default-src 'none'; script-src 'sha256-"))
        #expect(policy.contains("'wasm-unsafe-eval'"))
        #expect(!policy.contains("unsafe-inline"))
        #expect(!policy.contains("'unsafe-eval'"))
        #expect(!policy.contains("*"))
        // Exactly one executable script: the inline one whose hash the policy names.
        let scripts = page.components(separatedBy: "<script").count - 1
        let dataBlocks = page.components(separatedBy: "<script type=\"application/").count - 1
        #expect(scripts - dataBlocks == 1)
    }

    @Test("the tap colours are the pictures' palette")
    func palette() {
        let json = "[" + TapPalette.colors.map { "\"\($0)\"" }.joined(separator: ",") + "]"
        #expect(
            page.contains(
                "<script type=\"application/json\" id=\"explorer-palette\">\(json)</script>"))
    }

    @Test("the layer given is embedded as data, and no value can close its block")
    func layerData() {
        #expect(
            page.contains(
                "id=\"explorer-layer\">[[\"input\",\"5x5\"],[\"kernel\",\"3x3\"],[\"stride\",\"2\"]]</script>"
            ))
        #expect(
            ExplorerPage.json("</script><b>&\"\\\n")
                == "\"\\u003c/script\\u003e\\u003cb\\u003e\\u0026\\\"\\\\\\n\"")
        let transposed = runTool([
            "explore", "--input", "2x2", "--kernel", "3x3", "--stride", "2", "--padding", "1",
            "--output-padding", "1", "--transposed-layer",
        ])
        #expect(transposed.code == 0)
        #expect(
            transposed.output.contains(
                "[\"transposed\",\"1\"],[\"output-padding\",\"1\"]]</script>"))
    }

    @Test("bad flags: the one line, exit 2, no output and no file")
    func badFlags() throws {
        let path = NSTemporaryDirectory() + "explore-\(getpid())-bad.html"
        let run = runTool([
            "explore", "--input", "5x5", "--kernel", "3x3", "--stride", "0", "--output", path,
        ])
        #expect(run.code == 2)
        #expect(run.errors == "error: --stride: must be ≥ 1, got 0\n")
        #expect(run.output.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: path))
        let unwritable = runTool([
            "explore", "--input", "5", "--kernel", "3", "--output", "/nonexistent-dir/x.html",
        ])
        #expect(unwritable.code == 2)
        #expect(
            unwritable.errors.hasPrefix("error: --output: cannot write '/nonexistent-dir/x.html': ")
        )
        #expect(!unwritable.errors.dropLast().contains("\n"))
    }

    @Test("--output writes the same page to the file, whole")
    func outputFile() throws {
        let path = NSTemporaryDirectory() + "explore-\(getpid())-good.html"
        defer { try? FileManager.default.removeItem(atPath: path) }
        let run = runTool([
            "explore", "--input", "5x5", "--kernel", "3x3", "--stride", "2", "--output", path,
        ])
        #expect(run.code == 0 && run.output.isEmpty && run.errors.isEmpty)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == page)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: NSTemporaryDirectory())
            .filter { $0.hasPrefix("explore-\(getpid())-good.html.partial") }
        #expect(leftovers.isEmpty)
    }
}
