import ConvMatrix
import Foundation
import Testing

/// `convmatrix draw` with the frame pictures: every picture in every format, and bad input
/// refused in one line naming the flag, exit 2, nothing written.
@Suite("draw: frame pictures")
struct DrawPicturesCommandTests {
    static let pictures = [
        "--input 5x5 --kernel 3x3 --stride 2 --picture sliding",
        "--input 5x5 --kernel 3x3 --stride 2 --picture transposed",
        "--input 5x5 --kernel 3x3 --stride 2 --picture transposed --view scatter",
        "--input 5x5 --kernel 3x3 --stride 2 --picture backward",
        "--input 2x2 --kernel 3x3 --stride 2 --padding 2 --output-padding 1 --transposed --picture sliding",
        "--input 7 --kernel 3 --dilation 2 --padding 1:2 --padding-mode circular --picture sliding",
        "--input 4x4 --kernel 3x3 --in-channels 4 --out-channels 2 --groups 2 --output-channel 1 --picture sliding",
    ]

    @Test("SVG animation, still, and TikZ for every picture", arguments: pictures)
    func formats(picture: String) throws {
        let animated = runTool("draw \(picture)")
        #expect(animated.exitCode == 0, "\(animated.errors)")
        #expect(DrawCommandTests.parse(animated.output)?["animate"] ?? 0 >= 2)
        let still = runTool("draw \(picture) --frame 2")
        #expect(still.exitCode == 0)
        #expect(DrawCommandTests.parse(still.output)?["animate"] == nil)
        let tikz = runTool("draw \(picture) --format tikz --standalone")
        #expect(tikz.exitCode == 0)
        #expect(tikz.output.contains("\\documentclass[10pt,a4paper]{article}"))
        #expect(tikz.output.hasSuffix("\\end{document}\n"))
    }

    @Test("GIF to a file: GIF89a, nothing on standard output")
    func gif() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent(
            "convmatrix-draw-\(UUID().uuidString).gif")
        defer { try? FileManager.default.removeItem(at: path) }
        let run = runTool(
            [
                "draw", "--input", "5x5", "--kernel", "3x3", "--stride", "2", "--picture",
                "sliding",
                "--format", "gif", "--frame-ms", "250", "--output", path.path,
            ])
        #expect(run.exitCode == 0, "\(run.errors)")
        #expect(run.output.isEmpty)
        let bytes = try Data(contentsOf: path)
        #expect(bytes.prefix(6) == Data("GIF89a".utf8))
    }

    @Test("--input-values and --kernel-values are written in the cells; padded cells copy values")
    func values() {
        let run = runTool(
            "draw --input 3x3 --kernel 2x2 --padding 1 --padding-mode replicate --picture sliding --frame 1 --input-values 1,2,3,4,5,6,7,8,9 --kernel-values 7,-7,5,-5"
        )
        #expect(run.exitCode == 0, "\(run.errors)")
        // The padded corner copies input (0,0) = 1; three copies of 1 lie under the window.
        #expect(run.output.components(separatedBy: ">1</text>").count - 1 >= 4)
        for value in ["-7", "5", "-5"] { #expect(run.output.contains(">\(value)</text>")) }
        #expect(!run.output.contains(">I₀₀</text>"))
    }

    @Test("docs/pictures.md lists the palette exactly")
    func paletteInDocs() throws {
        let page = try String(
            contentsOf: TestFiles.repositoryRoot.appendingPathComponent("docs/pictures.md"),
            encoding: .utf8)
        for color in TapPalette.colors { #expect(page.contains("`#\(color)`")) }
    }

    static let badInput: [(String, String)] = [
        (
            "--input 31x31 --kernel 3x3 --stride 3 --transposed --picture transposed --view scatter --format gif --output OUT",
            "format"
        ),
        ("--input 5x5 --kernel 3x3 --picture sliding --input-values 1,2", "input-values"),
        ("--input 5x5 --kernel 3x3 --picture sparsity --input-values 1", "input-values"),
        ("--input 5x5 --kernel 3x3 --picture sliding --seed 3", "seed"),
        ("--input 5x5 --kernel 3x3 --picture backward --transposed", "transposed"),
        ("--input 30x30 --kernel 21x21 --picture sliding --format tikz", "frame"),
        ("--input 5x5 --kernel 3x3 --stride 2 --picture sliding --frame 5 --output OUT", "frame"),
        ("--input 5x5 --kernel 3x3 --stride 2 --picture sliding --frame 0", "frame"),
        ("--input 5x5 --kernel 3x3 --stride 2 --picture sliding --view scatter", "view"),
        ("--input 5x5 --kernel 3x3 --stride 2 --picture backward --view equivalent", "view"),
        ("--input 3x3x3 --kernel 2x2x2 --picture sliding --output OUT", "input"),
        ("--input 40x40 --kernel 3x3 --picture sliding", "frame"),
        ("--input 40x40 --kernel 3x3 --picture sliding --format tikz", "frame"),
        ("--input 11x13 --kernel 1x3 --picture sliding --format tikz --output OUT", "frame"),
        ("--input 5x5 --kernel 3x3 --picture sliding --format gif", "output"),
        ("--input 5x5 --kernel 3x3 --picture sliding --frame 1 --format gif --output OUT", "frame"),
        ("--input 5x5 --kernel 3x3 --picture sliding --frame-ms 5", "frame-ms"),
        ("--input 5x5 --kernel 3x3 --picture sliding --format tikz --frame-ms 100", "frame-ms"),
        ("--input 5x5 --kernel 3x3 --picture sliding --output-channel 1", "output-channel"),
        ("--input 5x5 --kernel 3x3 --picture sparsity --frame 1", "frame"),
        ("--input 5x5 --kernel 3x3 --picture connectivity --format gif --output OUT", "format"),
        ("--input 5x5 --kernel 3x3 --picture sliding --format svg --standalone", "standalone"),
        ("--input 5x5 --kernel 3x3 --picture sliding --labels many", "labels"),
        ("--input 5x5 --kernel 3x3 --picture sliding --kernel-values 1,2", "kernel-values"),
        ("--input 5x5 --kernel 3x3 --picture sliding --output-padding 1", "output-padding"),
        (
            "--input 5x5 --kernel 3x3 --padding 1 --padding-mode reflect --picture transposed",
            "padding-mode"
        ),
        ("--input 5x5 --kernel 3x3 --picture sliding --format png", "format"),
    ]

    @Test("bad input: one line naming the flag, exit 2, nothing written", arguments: badInput)
    func bad(arguments: String, flag: String) throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent(
            "convmatrix-bad-\(UUID().uuidString).svg")
        let run = runTool(
            "draw \(arguments)".split(separator: " ").map { $0 == "OUT" ? path.path : String($0) })
        #expect(run.exitCode == 2, "\(arguments)")
        #expect(run.output.isEmpty)
        #expect(run.errors.hasPrefix("error: --\(flag):"), "\(run.errors)")
        #expect(run.errors.filter { $0 == "\n" }.count == 1)
        #expect(!FileManager.default.fileExists(atPath: path.path))
    }
}
