import ConvMatrix
import ConvMatrixAnalysis
import Foundation
import Testing

/// `analyze` and `compose` against PyTorch and NumPy (fixtures of `tools/analysis_fixtures.py`).
@Suite("PyTorch and NumPy fixtures")
struct FixtureTests {
    @Test(
        "layers: rank, singular values and operator norm as NumPy; overlap as the transposed layer's Jacobian"
    )
    func layers() throws {
        let cases = try AnalysisFixtures.load("layers.json")
        #expect(cases.count >= 10)
        for (index, c) in cases.enumerated() {
            let input = AnalysisFixtures.ints(c["input"])
            let layer = try AnalysisFixtures.layer(
                c["layer"] as? [String: Any] ?? [:], input: input)
            let values = try AnalysisFixtures.values(
                AnalysisFixtures.doubles(c["kernel_values"]), layout: layer.kernelLayout)
            let analysis = try LayerAnalysis(layer, options: .init(kernelValues: values))
            let expected = AnalysisFixtures.doubles(c["singular_values"])
            let svd = try #require(analysis.singularValues, "case \(index)")
            #expect(svd.count == expected.count, "case \(index)")
            let scale = max(expected.first ?? 1, 1)
            for (a, b) in zip(svd, expected) {
                #expect(abs(a - b) <= 1e-9 * scale, "case \(index): \(a) vs \(b)")
            }
            #expect(analysis.valueRank?.value == c["rank"] as? Int, "case \(index)")
            let norm = try #require(analysis.operatorNorm?.value)
            let expectedNorm = (c["operator_norm"] as? NSNumber)?.doubleValue ?? 0
            #expect(abs(norm - expectedNorm) <= 1e-6 * max(expectedNorm, 1), "case \(index)")
            #expect(
                analysis.overlap.counts.counts == AnalysisFixtures.ints(c["overlap"]),
                "case \(index)")
            if let dft = analysis.dftSingularValues {
                for (a, b) in zip(dft, expected) { #expect(abs(a - b) <= 1e-9 * scale) }
            }
        }
        // The first cases are circular stride-1 layers, where the DFT rule applies.
        #expect(
            try cases.prefix(3).allSatisfy { c in
                let layer = try AnalysisFixtures.layer(
                    c["layer"] as? [String: Any] ?? [:], input: AnalysisFixtures.ints(c["input"]))
                guard case .convolution(let conv) = layer else { return false }
                return CircularSpectrum.applies(to: conv)
            })
    }

    @Test(
        "stacks: the composed symbolic matrix at the values is the Jacobian; support as the Jacobian's"
    )
    func stacks() throws {
        let cases = try AnalysisFixtures.load("stacks.json")
        #expect(cases.count >= 10)
        for (index, c) in cases.enumerated() {
            var size = AnalysisFixtures.ints(c["input"])
            var layers: [Layer] = []
            for d in c["layers"] as? [[String: Any]] ?? [] {
                let layer = try AnalysisFixtures.layer(d, input: size)
                layers.append(layer)
                size = layer.outputSide.extents.sizes
            }
            #expect(size == AnalysisFixtures.ints(c["output"]), "case \(index)")
            let stack = try LayerStack(layers)
            let analysis = try StackAnalysis(stack)
            let composed = try #require(analysis.composed)
            let values = (c["kernel_values"] as? [Any] ?? []).map(AnalysisFixtures.doubles)
            // Evaluate the composed polynomials at the values.
            var evaluated: [Int: Double] = [:]
            for r in 0..<composed.rowCount {
                for entry in composed.entries(inRow: r) {
                    var total = 0.0
                    for term in entry.terms {
                        let taps = composed.taps(of: term.monomial)
                        total +=
                            Double(term.coefficient)
                            * taps.enumerated().reduce(1.0) { $0 * values[$1.offset][$1.element] }
                    }
                    if total != 0 { evaluated[r * composed.columnCount + entry.column] = total }
                }
            }
            var jacobian: [Int: Double] = [:]
            for triple in c["jacobian"] as? [[Any]] ?? [] {
                let r = (triple[0] as? NSNumber)?.intValue ?? 0
                let col = (triple[1] as? NSNumber)?.intValue ?? 0
                jacobian[r * composed.columnCount + col] = (triple[2] as? NSNumber)?.doubleValue
            }
            let shape = AnalysisFixtures.ints(c["shape"])
            #expect([composed.rowCount, composed.columnCount] == shape, "case \(index)")
            #expect(evaluated == jacobian, "case \(index)")
            // Support.
            let expected = (c["support"] as? [Any] ?? []).map { item -> [[Int]]? in
                (item as? [Any]).map { $0.map(AnalysisFixtures.ints) }
            }
            let actual = analysis.support.ranges.map { $0?.map { [$0.lowerBound, $0.upperBound] } }
            #expect(actual == expected, "case \(index)")
        }
    }
}
