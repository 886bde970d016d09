import Testing

@testable import ConvMatrixCommandLine

/// `backward` takes `--bias` as `apply` does; large layers print their corners, built from
/// the parts of U the corners need.
@Suite("backward --bias and elided large layers")
struct RealLayerOutputTests {
    static let values =
        "--input-values 1,2,3,4,5,6,7,8,9 --kernel-values 1,0,0,-1 --output-gradient 1,1/2,0,1"

    @Test("backward --bias: accepted, said not to matter, gradients unchanged")
    func backwardBias() {
        let plain = runTool("backward --input 3x3 --kernel 2x2 \(Self.values)")
        let biased = runTool("backward --input 3x3 --kernel 2x2 \(Self.values) --bias 5")
        #expect(biased.exitCode == 0)
        let sentence =
            "The bias b is added after the products, so the gradients do not depend on it."
        #expect(biased.output.contains(sentence + "\n"))
        #expect(!plain.output.contains(sentence))
        #expect(biased.output.replacingOccurrences(of: sentence + "\n", with: "") == plain.output)
        let json = runTool(
            "backward --input 3x3 --kernel 2x2 \(Self.values) --bias random --format json")
        #expect(
            json.output
                == runTool("backward --input 3x3 --kernel 2x2 \(Self.values) --format json").output)
        let bad = runTool("backward --input 3x3 --kernel 2x2 --bias 1,2")
        #expect(bad.exitCode == 2)
        #expect(bad.errors.hasPrefix("error: --bias: "))
    }

    @Test("backward of a 64 → 64 block: corners, sums cut to their ends, and the sizes")
    func backwardElided() {
        let run = runTool(
            "backward --input 12x12 --kernel 3x3 --padding 1 --in-channels 16 --out-channels 16 --ascii"
        )
        #expect(run.exitCode == 0)
        #expect(
            run.output.contains(
                "(16 grids of 12 rows x 12 columns; the first and last 3 grids and the first and last 3 rows and columns of each are shown, --full prints every entry)"
            ))
        #expect(run.output.contains(" + ... + "))
        #expect(
            run.output.contains(
                "(sums of more than 64 terms show their first and last 3, the longest has 144 terms; --full prints every term)"
            ))
    }

    @Test("connectivity of a large layer: three lines at each end of each map, then its size")
    func connectivityElided() {
        let run = runTool("connectivity --input 40x40 --kernel 3x3 --ascii")
        #expect(run.exitCode == 0)
        let lines = run.output.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.filter { $0 == "  ..." }.count == 2)
        #expect(lines.filter { $0.hasPrefix("  O_") }.count == 6)
        #expect(
            run.output.hasSuffix(
                "(1444 outputs and 1600 inputs; the first and last 3 of each map are shown, --full prints every line)\n"
            ))
        let full = runTool("connectivity --input 40x40 --kernel 3x3 --ascii --full")
        #expect(full.output.split(separator: "\n").count == 3 + 1444 + 1600)
    }
}
