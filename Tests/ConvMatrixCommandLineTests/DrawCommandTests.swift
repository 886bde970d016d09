import ConvMatrix
import Foundation
import Testing

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// `convmatrix draw`: SVG that XML parsers accept, TikZ with the expected structure.
/// Tap colours, as the pictures write them.
enum TapPaletteHex {
    static func tint(_ t: Int) -> String { TapPalette.tint(t) }
}

@Suite("draw")
struct DrawCommandTests {
    /// Counts elements by name while parsing, and remembers the first parse error.
    final class ElementCounter: NSObject, XMLParserDelegate {
        var counts: [String: Int] = [:]
        func parser(
            _ parser: XMLParser, didStartElement name: String, namespaceURI: String?,
            qualifiedName: String?, attributes: [String: String] = [:]
        ) {
            counts[name, default: 0] += 1
        }
    }

    /// Parses `svg`; nil when it is not well-formed XML.
    static func parse(_ svg: String) -> [String: Int]? {
        let parser = XMLParser(data: Data(svg.utf8))
        let counter = ElementCounter()
        parser.delegate = counter
        return parser.parse() ? counter.counts : nil
    }

    static let layers = [
        "--input 5x5 --kernel 3x3 --stride 2",
        "--input 7 --kernel 3 --stride 2",
        "--input 4x4 --kernel 3x3 --in-channels 2 --out-channels 2",
        "--input 3x3x3 --kernel 2x2x2",
        "--input 5x5 --kernel 3x3 --padding 1 --padding-mode reflect",
    ]

    @Test(
        "SVG is well-formed XML for every picture", arguments: layers, ["connectivity", "sparsity"])
    func svgWellFormed(layer: String, picture: String) throws {
        let run = runTool("draw \(layer) --picture \(picture) --format svg")
        #expect(run.exitCode == 0)
        let counts = try #require(Self.parse(run.output), "not well-formed: \(layer) \(picture)")
        #expect(counts["svg"] == 1)
        #expect(run.output.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"))
    }

    @Test(
        "5×5 / 3×3 / stride 2 connectivity: one panel per output (25 cells) and per input (4 cells), 36 links shaded in each part"
    )
    func stride2ExampleConnectivity() throws {
        let run = runTool("draw --input 5x5 --kernel 3x3 --stride 2")
        let counts = try #require(Self.parse(run.output))
        // Background, 4 panels of 25 input cells, 25 panels of 4 output cells.
        #expect(counts["rect"] == 1 + 4 * 25 + 25 * 4)
        // No crossing lines: only the legend's 9 swatches.
        #expect(counts["line"] == 9)
        // Each part shades U's 36 non-zeros, in tap tints.
        let tints = (0..<9).map { "fill=\"#\(TapPaletteHex.tint($0))\"" }
        let shaded = tints.map { run.output.components(separatedBy: $0).count - 1 }.reduce(0, +)
        #expect(shaded == 2 * 36)
    }

    @Test("1-D connectivity keeps the line diagram: 2 panels of U's entries")
    func lineDiagram() throws {
        let run = runTool("draw --input 7 --kernel 3 --stride 2")
        let counts = try #require(Self.parse(run.output))
        #expect(counts["line"] == 2 * 9 + 3)
    }

    @Test(
        "the 5×5 input, 3×3 kernel, stride 2 example's sparsity: one cell per non-zero of U (36), plus the frame"
    )
    func stride2ExampleSparsity() throws {
        let run = runTool("draw --input 5x5 --kernel 3x3 --stride 2 --picture sparsity")
        let counts = try #require(Self.parse(run.output))
        #expect(counts["rect"] == 1 + 36 + 1)  // background, cells, frame
        // Rows labelled by the 25 inputs, columns by the 4 outputs, cells by their tap.
        #expect(run.output.contains(">I₂₄</text>") && run.output.contains(">O₁₁</text>"))
        #expect(run.output.components(separatedBy: "rotate(-90)").count - 1 == 4)
        #expect(run.output.components(separatedBy: ">22</text>").count - 1 == 4)
    }

    @Test("channel blocks are separated by grey lines in the sparsity pattern")
    func channelBlocks() {
        let run = runTool(
            "draw --input 4x4 --kernel 3x3 --in-channels 2 --out-channels 3 --picture sparsity")
        #expect(run.output.components(separatedBy: "stroke=\"#808080\"").count - 1 == 1 + 2)
    }

    @Test("TikZ: colours defined, one tikzpicture, balanced; standalone wraps it in an article")
    func tikzStructure() {
        let fragment = runTool("draw --input 5x5 --kernel 3x3 --stride 2 --format tikz").output
        #expect(fragment.hasPrefix("% Needs \\usepackage{tikz} and \\usepackage{amsmath}."))
        #expect(fragment.components(separatedBy: "\\begin{tikzpicture}").count == 2)
        #expect(fragment.components(separatedBy: "\\end{tikzpicture}").count == 2)
        #expect(fragment.contains("\\definecolor{cm1F77B4}{HTML}{1F77B4}"))
        #expect(fragment.contains("{$k_{22}$}"))
        #expect(!fragment.contains("\\documentclass"))
        let standalone = runTool(
            "draw --input 5x5 --kernel 3x3 --stride 2 --format tikz --standalone"
        ).output
        #expect(standalone.hasPrefix("\\documentclass[10pt,a4paper]{article}"))
        #expect(standalone.contains("\\usepackage{tikz}"))
        #expect(standalone.hasSuffix("\\end{document}\n"))
        // Every colour used in a draw or fill is defined before the picture.
        for line in standalone.split(separator: "\n") where line.hasPrefix("\\draw[draw=cm") {
            let name = line.dropFirst("\\draw[draw=".count).prefix(8)
            #expect(standalone.contains("\\definecolor{\(name)}"))
        }
    }

    @Test("a layer too large to draw readably is refused with one line")
    func tooLarge() {
        let run = runTool("draw --input 28x28 --kernel 5x5")
        #expect(run.exitCode == 2)
        #expect(run.output.isEmpty)
        #expect(run.errors.contains("connectivity panels would number 576"))
    }
}
