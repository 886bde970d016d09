import Foundation
import Testing

@testable import ConvMatrixCore
@testable import ConvMatrixPictures

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// The SVG and TikZ writers on their own, from the library's scenes: well-formed documents with
/// one drawn element per primitive.
@Suite("Picture writers")
struct PictureWritersTests {
    static func scenes() throws -> [PictureScene] {
        let example = try ConvolutionSpec.input5x5Kernel3x3Stride2.validated()
        let reflect = try ConvolutionSpec(
            inputSize: [4], kernelSize: [3], padding: .explicit([AxisPadding(1)]),
            inChannels: 2, outChannels: 2, paddingMode: .reflect
        ).validated()
        return [
            try ConnectivityDiagram.scene(example), try SparsityPattern.scene(example),
            try ConnectivityDiagram.scene(reflect, names: .xwy), try SparsityPattern.scene(reflect),
        ]
    }

    /// Counts elements while parsing; fails on malformed XML.
    final class Counter: NSObject, XMLParserDelegate {
        var elements: [String: Int] = [:]
        func parser(
            _ parser: XMLParser, didStartElement name: String, namespaceURI: String?,
            qualifiedName: String?, attributes: [String: String] = [:]
        ) { elements[name, default: 0] += 1 }
    }

    @Test("SVG is well-formed XML with an svg root sized as the scene")
    func svg() throws {
        for scene in try Self.scenes() {
            let text = SVGWriter.svg(scene)
            let parser = XMLParser(data: Data(text.utf8))
            let counter = Counter()
            parser.delegate = counter
            #expect(parser.parse(), "\(parser.parserError.map { "\($0)" } ?? "")")
            #expect(counter.elements["svg"] == 1)
            #expect(text.contains("width=\"\(Self.number(scene.width))"))
            let drawn = counter.elements.filter { $0.key != "svg" && $0.key != "g" }.values
                .reduce(0, +)
            #expect(drawn >= scene.primitives.count / 2)
            #expect(SVGWriter.svg(scene) == text)
        }
    }

    @Test("TikZ is one tikzpicture with balanced braces; standalone wraps it in a document")
    func tikz() throws {
        for scene in try Self.scenes() {
            let fragment = TikZWriter.tikz(scene, standalone: false)
            #expect(fragment.contains("\\begin{tikzpicture}"))
            #expect(fragment.components(separatedBy: "\\begin{tikzpicture}").count == 2)
            #expect(
                fragment.trimmingCharacters(in: .whitespacesAndNewlines).hasSuffix(
                    "\\end{tikzpicture}"))
            #expect(!fragment.contains("\\documentclass"))
            #expect(Self.balanced(fragment))
            let document = TikZWriter.tikz(scene, standalone: true)
            #expect(document.hasPrefix("\\documentclass"))
            for command in ["\\draw", "\\fill", "\\node", "\\begin{tikzpicture}"] {
                #expect(
                    document.components(separatedBy: command).count
                        == fragment.components(separatedBy: command).count)
            }
            #expect(Self.balanced(document))
            #expect(
                document.trimmingCharacters(in: .whitespacesAndNewlines).hasSuffix(
                    "\\end{document}"))
        }
    }

    static func balanced(_ text: String) -> Bool {
        var depth = 0
        var previous: Character = " "
        for character in text {
            if previous != "\\" {
                if character == "{" { depth += 1 }
                if character == "}" { depth -= 1 }
                if depth < 0 { return false }
            }
            previous = character
        }
        return depth == 0
    }

    static func number(_ value: Double) -> String {
        value == value.rounded() ? "\(Int(value))" : "\(value)"
    }
}
