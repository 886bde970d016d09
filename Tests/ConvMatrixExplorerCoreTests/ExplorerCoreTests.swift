import ConvMatrixCore
import ConvMatrixExplorerCore
import Testing

/// The explorer's own rules: the request and answer formats, switches, unknown and repeated
/// names, and the arithmetic it adds for transposed layers.
@Suite("Explorer core")
struct ExplorerCoreTests {
    @Test("a missing input or kernel is named, as on the command line")
    func required() {
        #expect(
            callExplorer([("kernel", "3")]).errorLine
                == "error: --input: is required, for example --input 5x5")
        #expect(
            callExplorer([("input", "5")]).errorLine
                == "error: --kernel: is required, for example --kernel 3x3")
        #expect(
            callExplorer([("input", "2"), ("transposed", "1")]).errorLine
                == "error: --kernel: is required, for example --kernel 3x3")
    }

    @Test(
        "unknown names are refused; a repeated name keeps the last; switches take on and off words")
    func names() {
        #expect(
            callExplorer([("input", "5"), ("kernel", "3"), ("kernal", "3")]).errorLine?.hasPrefix(
                "error: --kernal: is not a layer flag") == true)
        #expect(callExplorer([("input", "5"), ("kernel", "3"), ("input", "6")]).rows == 4)
        #expect(
            callExplorer([("input", "5"), ("kernel", "3"), ("flip", "maybe")]).errorLine
                == "error: --flip: is a switch: expected 1 or 0 (or nothing), got 'maybe'")
        for value in ["1", "true", ""] {
            let answer = callExplorer([
                ("input", "2"), ("kernel", "3"), ("transposed-layer", value),
            ])
            #expect(answer.transposed)
        }
        #expect(
            callExplorer([("input", "5"), ("kernel", "3"), ("transposed", "0")]).transposed == false
        )
    }

    @Test("a request cut inside a pair is refused, not read past its end")
    func truncatedRequest() {
        var bytes: [UInt8] =
            [5, 0, 0, 0] + Array("input".utf8) + [200, 0, 0, 0] + Array("5x5".utf8)
        let pairs = bytes.withUnsafeBufferPointer { ExplorerEncoding.pairs($0) }
        #expect(pairs == nil)
        bytes = [3, 0, 0]
        #expect(bytes.withUnsafeBufferPointer { ExplorerEncoding.pairs($0) } == nil)
        bytes = []
        #expect(bytes.withUnsafeBufferPointer { ExplorerEncoding.pairs($0) }?.isEmpty == true)
    }

    @Test("an error line survives the answer's byte packing, any length")
    func errorPacking() {
        for length in [0, 1, 2, 3, 4, 5, 17, 1000] {
            let error = ExplorerError(message: String(repeating: "é", count: length))
            var words = ExplorerEncoding.words(error)
            let decoded = words.withUnsafeMutableBufferPointer { decode($0.baseAddress!) }
            #expect(decoded.errorLine == error.line)
        }
    }

    @Test("a megabyte-long value is an error, not a hang or a trap")
    func longValue() {
        let long = String(repeating: "9", count: 1 << 20)
        #expect(
            callExplorer([("input", long), ("kernel", "3")]).errorLine?.hasPrefix(
                "error: --input: ") == true)
        let text = String(repeating: "<script>", count: 1 << 17)
        #expect(
            callExplorer([("input", "5"), ("kernel", text)]).errorLine?.hasPrefix(
                "error: --kernel: ") == true)
    }

    @Test("a layer too large for the page is refused by arithmetic before anything is built")
    func budget() {
        let layers = [
            [("input", "2147483647"), ("kernel", "1"), ("stride", "2147483647")],
            [("input", "1x2147483647"), ("kernel", "1"), ("stride", "1x2147483647")],
            [("input", "100000x100000"), ("kernel", "1")],
        ]
        for pairs in layers {
            let line = callExplorer(pairs).errorLine
            #expect(line?.hasPrefix("error: --input: ") == true)
            #expect(line?.hasSuffix("the page's budget is fixed: choose a smaller layer") == true)
        }
    }

    @Test(
        "every output size listed for a transposed layer gives back its input, and the layer's own is listed"
    )
    func sameInputSizes() throws {
        var g = Generator(state: 99)
        var checked = 0
        for _ in 0..<300 {
            let answer = callExplorer(RandomLayers.transposed(using: &g))
            guard answer.errorLine == nil else { continue }
            for (axis, sizes) in zip(answer.axes, answer.sameSizes) {
                // axis: input, kernel, stride, dilation, before, after, output padding, output
                let (m, k, s, d) = (axis[0], axis[1], axis[2], axis[3])
                let padding = AxisPadding(before: axis[4], after: axis[5])
                #expect(!sizes.isEmpty)
                for (n, a) in sizes {
                    #expect(
                        OutputSize.convolution(
                            input: n, kernel: k, stride: s, padding: padding, dilation: d) == m)
                    #expect(
                        OutputSize.transposed(
                            input: m, kernel: k, stride: s, padding: padding, dilation: d,
                            outputPadding: a) == n)
                    #expect(a < s || a < d)
                }
                // Output paddings below the stride all give back m (when n ≥ 1).
                #expect(sizes.count <= max(s, d))
                if axis[6] < s { #expect(sizes.contains { $0.0 == axis[7] && $0.1 == axis[6] }) }
                checked += 1
            }
        }
        #expect(checked > 100)
    }
}
