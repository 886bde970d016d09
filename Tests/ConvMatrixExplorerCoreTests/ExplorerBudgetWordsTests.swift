import ConvMatrixCore
import ConvMatrixExplorerCore
import ConvMatrixLayerFlags
import Testing

/// A layer too large for any page gets the words and numbers `convmatrix unroll` prints for it:
/// both call the core's element budget (``ConvMatrixCore/ResourceLimits/checkElements(_:)``),
/// counted in 64-bit arithmetic, so the explorer's 32-bit WebAssembly core agrees too (the
/// browser test checks the wasm itself on the same layers).
@Suite("the explorer's budget words are the command line's")
struct ExplorerBudgetWordsTests {
    /// The library's sentence for the layer `input` with a 3×3 kernel at the default budget.
    static func libraryWords(_ input: String) throws -> String {
        let conv = try LayerFlags([("input", input), ("kernel", "3x3")]).convolution()
        do {
            try ResourceLimits.default.checkElements(LayerElementCounts(conv))
        } catch {
            return error.message
        }
        return ""
    }

    @Test(
        "explorer and unroll say the same, from the library",
        arguments: [
            ("46340x46340", "639.9 GiB"), ("46341x46341", "640.0 GiB"),
            ("100000x100000", "2.9 TiB"),
        ])
    func sameWords(input: String, needed: String) throws {
        let words = try Self.libraryWords(input)
        #expect(words.contains("needs \(needed), over the budget of"))
        let page = callExplorer([("input", input), ("kernel", "3x3")])
        #expect(
            page.errorLine
                == "error: --input: \(words); the page's budget is fixed: choose a smaller layer")
        let unroll = runTool(["unroll", "--input", input, "--kernel", "3x3"])
        #expect(unroll.code == 2)
        #expect(
            unroll.errors
                == "error: --max-memory: \(words); raise --max-memory or choose a smaller layer\n")
    }

    @Test("the counts of 46340×46340 fit an Int32 one by one, not together: hence Int64")
    func countsIn64Bits() throws {
        let conv = try LayerFlags([("input", "46340x46340"), ("kernel", "3x3")]).convolution()
        let counts = LayerElementCounts(conv)
        #expect(counts.inputs == 2_147_395_600)
        #expect(counts.outputs == 2_147_210_244)
        #expect(counts.weights == 9)
        #expect(Int32(exactly: counts.inputs ?? 0) != nil)
        #expect(Int32(exactly: (counts.inputs ?? 0) + (counts.outputs ?? 0)) == nil)
        #expect(counts.bytes == Int64(687_136_936_480))  // (inputs + outputs + weights) · 160
    }

    @Test("a count past Int64 is nil, and the budget says so")
    func overflow() {
        #expect(LayerElementCounts.count(channels: 1 << 31, sizes: [1 << 31, 1 << 31]) == nil)
        let counts = LayerElementCounts(inputs: nil, outputs: 1, weights: 1)
        #expect(counts.bytes == nil)
        #expect(throws: SpecificationError.self) {
            try ResourceLimits.checkElements(counts, budget: ResourceLimits.defaultMemoryBytes)
        }
    }
}
