import Testing

@testable import ConvMatrixRendering

/// The CSV writer on its own: one line per row, every cell written, RFC 4180 quoting.
@Suite("Matrix CSV writer")
struct MatrixCSVWriterTests {
    @Test("dense rows with zeros and quoted cells")
    func dense() {
        var text = ""
        MatrixCSVWriter.write(
            rowCount: 3, columnCount: 4,
            row: { r in
                switch r {
                case 0: [(0, "k₀"), (2, "k₀ + k₂")]
                case 1: [(1, "a,b"), (3, "say \"hi\"")]
                default: []
                }
            }, to: &text)
        #expect(text == "k₀,0,k₀ + k₂,0\n0,\"a,b\",0,\"say \"\"hi\"\"\"\n0,0,0,0\n")
    }

    @Test("cells outside the row are ignored; another zero may be chosen")
    func bounds() {
        var text = ""
        MatrixCSVWriter.write(
            rowCount: 1, columnCount: 2, zero: "",
            row: { _ in [(-1, "x"), (1, "line\nbreak"), (2, "y")] }, to: &text)
        #expect(text == ",\"line\nbreak\"\n")
    }
}
