import ConvMatrixCore
import ConvMatrixSymbols
import ConvMatrixTestSupport
import Symbolic
import Testing

/// `TapMatrix.columnGroups(inRow:)`, the one walk over a row's entries grouped by column, and
/// `SymbolicTapMatrix`, the checked values every printer requires.
@Suite("Column groups and checked tap values")
struct ColumnGroupsTests {
    @Test("groups are the runs of equal columns, in order, covering the row exactly")
    func groups() {
        let matrix = TapMatrix(
            rowCount: 3, columnCount: 4, tapCount: 3,
            triplets: [
                (0, 2, 1), (0, 0, 0), (0, 2, 0), (0, 3, 2), (2, 1, 2), (2, 1, 2), (2, 1, 0),
            ])
        let row0 = Array(matrix.columnGroups(inRow: 0))
        #expect(row0.map(\.column) == [0, 2, 3])
        #expect(row0.map(\.positions.count) == [1, 2, 1])
        #expect(row0.map(\.isSingleTap) == [true, false, true])
        #expect(Array(matrix.columnGroups(inRow: 1)).isEmpty)
        let row2 = Array(matrix.columnGroups(inRow: 2))
        #expect(row2.count == 1)
        #expect(row2[0].positions.map { matrix.taps[$0] } == [0, 2, 2])
    }

    @Test("on random layers of every padding mode, groups rebuild the rows")
    func property() throws {
        var rng = SeededGenerator(seed: 77)
        for _ in 0..<200 {
            let conv = RandomSpecs.convolution(using: &rng, maxRank: 2)
            let u = try conv.unrolled()
            for r in 0..<u.rowCount {
                let groups = Array(u.columnGroups(inRow: r))
                let flattened = groups.flatMap { group in
                    group.positions.map { (group.column, Int(u.taps[$0])) }
                }
                #expect(flattened.elementsEqual(u.entries(inRow: r)) { $0 == $1 })
                #expect(zip(groups, groups.dropFirst()).allSatisfy { $0.column < $1.column })
                for group in groups {
                    #expect(group.positions.allSatisfy { Int(u.columns[$0]) == group.column })
                }
            }
        }
    }

    @Test("sums of exact values that overflow are refused when the values are made, not printed")
    func overflowRefused() throws {
        let conv = try ConvolutionSpec(
            inputSize: [3], kernelSize: [3], padding: .explicit([AxisPadding(1)]),
            paddingMode: .reflect
        ).validated()
        let u = try conv.unrolled()
        let values = [
            Expression(try Rational(1, 999_999_999_999_999)), Expression(1),
            Expression(try Rational(1, 999_999_999_999_997)),
        ]
        #expect(throws: SymbolicError.self) { try SymbolicTapMatrix(u, tapValues: values) }
        let fine = try SymbolicTapMatrix(u, tapValues: [1, 10, 100])
        #expect(fine.nonZeroEntries(inRow: 0).map(\.value) == [10, 101])
    }
}
