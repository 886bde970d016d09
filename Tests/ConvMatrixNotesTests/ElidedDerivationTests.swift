import ConvMatrixCore
import ConvMatrixNumeric
import ConvMatrixRendering
import ConvMatrixSymbols
import Symbolic
import Testing

@testable import ConvMatrixNotes

/// A derivation builds only what it shows: the rows and columns of U its matrices and grids
/// need, and of a long sum its first two terms and its last. What it shows must be what the
/// whole matrices give, entry for entry: a property over random small layers, each compared
/// with matrices built whole from U and cut the same way.
@Suite("Elided derivations show what the whole matrices give")
struct ElidedDerivationTests {
    /// A random valid layer of rank 1…3 (channels, groups, stride, dilation, padding words and
    /// modes, both orientations), retried until it validates.
    static func layer(_ state: inout UInt64) -> Convolution {
        func next(_ range: ClosedRange<Int>) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return range.lowerBound + Int((state >> 33) % UInt64(range.count))
        }
        while true {
            let rank = next(1...3)
            let extent = rank == 3 ? 5 : (rank == 2 ? 9 : 16)
            let groups = next(1...2)
            let modes = PaddingMode.allCases
            let spec = ConvolutionSpec(
                inputSize: (0..<rank).map { _ in next(2...extent) },
                kernelSize: (0..<rank).map { _ in next(1...3) },
                stride: (0..<rank).map { _ in next(1...2) },
                padding: .explicit(
                    (0..<rank).map { _ in AxisPadding(before: next(0...2), after: next(0...2)) }),
                dilation: (0..<rank).map { _ in next(1...2) },
                inChannels: groups * next(1...2), outChannels: groups * next(1...3),
                groups: groups, paddingMode: modes[next(0...(modes.count - 1))],
                orientation: next(0...1) == 0 ? .crossCorrelation : .convolution,
                sameRule: .tensorflow)
            if let conv = try? spec.validated() { return conv }
        }
    }

    /// The matrices of a derivation, in order, with the section each is in.
    static func matrices(_ derivation: Derivation) -> [(DerivationPhrase.Section, ElidedMatrix)] {
        derivation.sections.flatMap { section in
            section.blocks.compactMap { block in
                if case .matrix(_, let m, _, _) = block { return (section.kind, m) }
                return nil
            }
        }
    }

    /// `whole` cut as `shown` was: the same rows, the columns `shown` kept, its term limit.
    static func cut(
        _ whole: some SparseRowSource, like shown: ElidedMatrix, options: DerivationOptions
    )
        -> String
    {
        var m = ElidedMatrix(
            whole, maxRows: options.maxRows, maxColumns: shown.columnsNeeded,
            maxTerms: shown.maxTerms)
        m.factorOrder = shown.factorOrder
        return m.text(ascii: false)
    }

    /// The slices of `values` that a derivation shows.
    static func slices(_ values: [Expression], channels: Int, extents: Extents, shown: Int)
        -> [SymbolicMatrix]
    {
        GridSlices(values, channels: channels, extents: extents).slices.prefix(shown).map(\.matrix)
    }

    @Test("every shown matrix and grid equals the whole one cut the same way", arguments: 0..<40)
    func shownEntriesAreExact(seed: Int) throws {
        var state = UInt64(seed) &+ 0x9E37_79B9_7F4A_7C15
        let conv = Self.layer(&state)
        var options = DerivationOptions(
            names: .ikO, gradientName: "δ", maxRows: 3 + seed % 4, maxColumns: 3 + seed % 5,
            maxTerms: 3 + seed % 3, maxPlacements: 2)
        options.inputFirst = seed % 2 == 0
        let derivation = try Derivation(conv, options: options)
        let u = try conv.unrolled()
        let symbols = LayerSymbols(conv, names: options.names)
        let backward = conv.symbolicBackward(u, symbols: symbols, deltaName: "δ")
        let placements = min(options.maxPlacements, 2)
        let input = (0..<conv.inputCount).map { Expression(symbols.input($0)) }
        // The whole matrices, in the order the derivation shows them.
        var expected: [any SparseRowSource] = []
        expected += Self.slices(
            input, channels: conv.inChannels, extents: conv.inputExtents, shown: placements)
        expected.append(try SymbolicMatrix([input]))
        let t = SymbolicTapMatrix(u, kernel: symbols.kernel)
        for r in 0..<min(options.maxPlacements, conv.outputCount) {
            var row = [Expression](repeating: .zero, count: conv.inputCount)
            for entry in t.nonZeroEntries(inRow: r) { row[entry.column] = entry.value }
            expected += Self.slices(
                row, channels: conv.inChannels, extents: conv.inputExtents, shown: placements)
        }
        expected.append(SymbolicTapMatrix(u.transposed(), kernel: symbols.kernel))
        expected += Self.slices(
            conv.symbolicOutput(u, symbols: symbols), channels: conv.outChannels,
            extents: conv.outputExtents, shown: placements)
        expected.append(t)
        expected += Self.slices(
            conv.symbolicTransposedOutput(u, symbols: symbols), channels: conv.inChannels,
            extents: conv.inputExtents, shown: placements)
        expected += Self.slices(
            backward.inputGradient, channels: conv.inChannels, extents: conv.inputExtents,
            shown: placements)
        expected.append(conv.symbolicWeightMatrix(u, symbols: symbols))
        expected += Self.slices(
            backward.weightGradient, channels: conv.outChannels * conv.inChannelsPerGroup,
            extents: conv.kernelExtents, shown: placements)
        let shown = Self.matrices(derivation)
        try #require(shown.count == expected.count, "\(conv)")
        for ((section, matrix), whole) in zip(shown, expected) {
            #expect(matrix.rowCount == whole.rowCount && matrix.columnCount == whole.columnCount)
            #expect(
                matrix.text(ascii: false) == Self.cut(whole, like: matrix, options: options),
                "\(section) of \(conv)")
        }
    }

    @Test("equation lists: the shown equations, their ends and how many are left out")
    func equations() throws {
        let conv = try ConvolutionSpec(
            inputSize: [9, 9], kernelSize: [3, 3], stride: [2, 2],
            padding: .explicit([AxisPadding(before: 1, after: 1), AxisPadding(before: 1, after: 1)]
            ),
            dilation: [1, 1], inChannels: 2, outChannels: 3, groups: 1, paddingMode: .zeros,
            orientation: .crossCorrelation, sameRule: .pytorch
        ).validated()
        var options = DerivationOptions(maxRows: 5, maxTerms: 3)
        options.showZeros = true
        let derivation = try Derivation(equationsFor: conv, options: options)
        let lists = derivation.sections.flatMap(\.blocks).compactMap { block -> EquationList? in
            if case .equations(let list) = block { return list }
            return nil
        }
        #expect(lists.map(\.total) == [conv.outputCount, conv.weightCount, conv.inputCount])
        #expect(lists.map(\.leftOut) == [75 - 4, 54 - 4, 162 - 4])
        // The last weight's gradient: every output of its channel, zeros included, 25 terms.
        let last = try #require(lists[1].lines.last ?? nil)
        #expect(last.termCount == 25)
        let english = DerivationRenderer(format: .text, language: .en).render(
            derivation, layer: "")
        #expect(
            english.contains("4 of the 75 equations are written; ⋮ stands for the 71 left out."))
        let spanish = DerivationRenderer(format: .text, language: .es).render(
            derivation, layer: "")
        #expect(
            spanish.contains("Se escriben 4 de las 75 ecuaciones; ⋮ representa las 71 omitidas."))
    }
}
