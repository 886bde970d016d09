import ConvMatrixTestSupport
import Testing

@testable import ConvMatrixCore
@testable import ConvMatrixRendering

/// The Matrix Market writer on its own: banner, size line, one 1-based line per entry with the
/// taps of an entry summed, pattern files, and a round trip to the evaluated matrix.
@Suite("Matrix Market writer")
struct MatrixMarketWriterTests {
    static func write(_ u: TapMatrix, values: [Double]?, comments: [String] = []) -> String {
        var text = ""
        MatrixMarketWriter.write(u, values: values, comments: comments, to: &text)
        return text
    }

    /// `(row, column) → value` of a coordinate file (1-based indices as written).
    static func entries(_ text: String) -> [String: Double] {
        var result: [String: Double] = [:]
        for line in text.split(separator: "\n").filter({ !$0.hasPrefix("%") }).dropFirst() {
            let parts = line.split(separator: " ")
            result["\(parts[0]) \(parts[1])"] = parts.count > 2 ? Double(String(parts[2])) : 1
        }
        return result
    }

    @Test("the worked example: 4 rows, 25 columns, 36 entries, the first row's taps in order")
    func workedExample() throws {
        let u = try ConvolutionSpec.input5x5Kernel3x3Stride2.validated().unrolled()
        let text = Self.write(u, values: (1...9).map { Double($0) }, comments: ["U of the example"])
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines[0] == "%%MatrixMarket matrix coordinate real general")
        #expect(lines[1] == "% U of the example")
        #expect(lines[2] == "4 25 36")
        #expect(
            Array(lines[3..<12])
                == [
                    "1 1 1.0", "1 2 2.0", "1 3 3.0", "1 6 4.0", "1 7 5.0", "1 8 6.0", "1 11 7.0",
                    "1 12 8.0", "1 13 9.0",
                ])
        #expect(text.hasSuffix("4 25 9.0\n"))
    }

    @Test("pattern files have no values")
    func pattern() throws {
        let u = try ConvolutionSpec(inputSize: [3], kernelSize: [2]).validated().unrolled()
        #expect(
            Self.write(u, values: nil)
                == "%%MatrixMarket matrix coordinate pattern general\n2 3 4\n1 1\n1 2\n2 2\n2 3\n")
    }

    @Test("reflect padding: taps meeting at one entry are summed into one line")
    func sums() throws {
        let u = try ConvolutionSpec(
            inputSize: [3], kernelSize: [3], padding: .explicit([AxisPadding(1)]),
            paddingMode: .reflect
        ).validated().unrolled()
        let text = Self.write(u, values: [1, 10, 100])
        #expect(text.contains("\n3 3 7\n"))
        #expect(text.contains("\n1 2 101.0\n"))
        #expect(Self.entries(text).count == 7)
    }

    @Test("for 200 random layers the file reads back as the evaluated matrix")
    func roundTrip() throws {
        var rng = SeededGenerator(seed: 404)
        for _ in 0..<200 {
            let conv = RandomSpecs.convolution(using: &rng, maxRank: 2)
            let u = try conv.unrolled()
            let values = (0..<conv.weightCount).map { _ in
                Double(Int.random(in: -8...8, using: &rng)) / 4
            }
            let read = Self.entries(Self.write(u, values: values))
            let dense = try u.evaluated(tapValues: values).dense
            var stored = 0
            for r in 0..<u.rowCount {
                for c in 0..<u.columnCount {
                    if let value = read["\(r + 1) \(c + 1)"] {
                        stored += 1
                        #expect(value == dense[r][c])
                    } else {
                        #expect(dense[r][c] == 0)
                    }
                }
            }
            #expect(stored == u.entryCount)
        }
    }
}
