import Foundation
import Testing

@testable import ConvMatrixCore
@testable import ConvMatrixRendering
@testable import ConvMatrixSymbols

/// The JSON writer on its own: a document any JSON parser reads, with the layer, the shape, the
/// kernel symbols and values, and one record per entry.
@Suite("Matrix JSON writer")
struct MatrixJSONWriterTests {
    static func document(values: [Double]?) throws -> (text: String, json: [String: Any]) {
        let conv = try ConvolutionSpec.input5x5Kernel3x3Stride2.validated()
        let u = try conv.unrolled()
        let header = MatrixExportHeader(
            command: "convmatrix unroll --input 5x5 --kernel 3x3 --stride 2 \"quoted\"\n",
            matrix: "U", convention: "column", product: "y = U*x", rows: "outputs, 4",
            columns: "inputs, 25", layer: ExportedLayer(conv))
        var text = ""
        MatrixJSONWriter.write(
            u, kernel: LayerSymbols(conv).kernel, values: values, header: header, to: &text)
        let object = try JSONSerialization.jsonObject(with: Data(text.utf8))
        return (text, try #require(object as? [String: Any]))
    }

    @Test("a valid document with the header, the shape and 36 entries")
    func document() throws {
        let (_, json) = try Self.document(values: (1...9).map { Double($0) })
        #expect(json["format"] as? String == "convmatrix-matrix")
        #expect(json["matrix"] as? String == "U")
        #expect(
            json["command"] as? String
                == "convmatrix unroll --input 5x5 --kernel 3x3 --stride 2 \"quoted\"\n")
        #expect(json["shape"] as? [Int] == [4, 25])
        #expect(json["nonzeros"] as? Int == 36)
        #expect((json["kernel_symbols"] as? [String])?.first == "k₀₀")
        #expect(json["kernel_values"] as? [Double] == (1...9).map { Double($0) })
        let entries = try #require(json["entries"] as? [[String: Any]])
        #expect(entries.count == 36)
        let layer = try #require(json["layer"] as? [String: Any])
        #expect(layer["input"] as? [Int] == [5, 5])
    }

    @Test("without values there are no kernel_values")
    func withoutValues() throws {
        let (_, json) = try Self.document(values: nil)
        #expect(json["kernel_values"] == nil)
        #expect((json["entries"] as? [Any])?.count == 36)
    }

    @Test("strings escape quotes, backslashes and control characters; numbers round-trip")
    func escapes() {
        #expect(JSON.string("a\"b\\c\nd\u{1}ₖ") == "\"a\\\"b\\\\c\\nd\\u0001ₖ\"")
        #expect(JSON.number(0.1) == "0.1")
        #expect(JSON.number(-0.5) == "-0.5")
        #expect(JSON.number(.infinity) == "null")
    }
}
