import Testing

/// `verify --ascii` writes `Uᵀ` as `U^T` and `→` as `->` (a replacement written without
/// `_StringProcessing`, which kept its regex engine out of the executable).
@Suite("verify --ascii")
struct VerifyASCIITests {
    @Test("ASCII output names Uᵀ as U^T and arrows as ->, and nothing outside ASCII remains")
    func asciiReplacements() {
        let run = runTool("verify --input 5x5 --kernel 3x3 --stride 2 --ascii")
        #expect(run.exitCode == 0)
        #expect(run.output.contains("= U^T of the forward convolution"))
        #expect(run.output.contains("-> output 2x2"))
        #expect(!run.output.contains("\u{1D40}") && !run.output.contains("→"))
        #expect(run.output.unicodeScalars.allSatisfy { $0.isASCII })
    }
}
