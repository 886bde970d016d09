import Symbolic
import Testing

@Suite("SymbolicMatrix: row-sparse matrices of expressions")
struct SymbolicMatrixTests {
    @Test("dense and sparse construction agree; absent entries are zero")
    func construction() throws {
        let a = expr("a")
        let b = expr("b")
        let dense = try SymbolicMatrix([[a, 0], [0, b]])
        let sparse = try SymbolicMatrix(
            rowCount: 2, columnCount: 2, rows: [[(0, a)], [(1, b)]])
        #expect(dense == sparse)
        #expect(dense.rowCount == 2)
        #expect(dense.columnCount == 2)
        #expect(dense[0, 0] == a)
        #expect(dense[0, 1] == .zero)
        #expect(dense[1, 1] == b)
        #expect(dense[5, 0] == .zero)
        #expect(dense[0, -1] == .zero)
        #expect(dense.nonZeroEntries(inRow: 1).map { $0.column } == [1])
        #expect(dense.nonZeroEntries(inRow: 9).isEmpty)
        #expect(dense.dense == [[a, 0], [0, b]])
        #expect(try SymbolicMatrix(dense) == dense)
    }

    @Test("zero values given explicitly are not stored")
    func zerosDropped() throws {
        let m = try SymbolicMatrix(rowCount: 1, columnCount: 3, rows: [[(0, 0), (2, expr("a"))]])
        #expect(m.nonZeroEntries(inRow: 0).map { $0.column } == [2])
    }

    @Test("transposition swaps rows and columns")
    func transpose() throws {
        let m = try SymbolicMatrix([[expr("a"), expr("b"), 0]])
        let t = m.transposed()
        #expect(t.rowCount == 3)
        #expect(t.columnCount == 1)
        #expect(t.dense == [[expr("a")], [expr("b")], [0]])
        #expect(t.transposed() == m)
    }

    @Test("inconsistent shapes throw invalidMatrix")
    func invalid() throws {
        #expect(throws: SymbolicError.self) { try SymbolicMatrix([[expr("a")], []]) }
        #expect(throws: SymbolicError.self) {
            try SymbolicMatrix(
                rowCount: 1, columnCount: 2, rows: [[(1, expr("a")), (0, expr("b"))]])
        }
        #expect(throws: SymbolicError.self) {
            try SymbolicMatrix(rowCount: 1, columnCount: 2, rows: [[(2, expr("a"))]])
        }
        #expect(throws: SymbolicError.self) {
            try SymbolicMatrix(rowCount: 2, columnCount: 2, rows: [[]])
        }
        #expect(throws: SymbolicError.self) { try SymbolicMatrix(rowCount: -1, columnCount: 2) }
        #expect(try SymbolicMatrix([]).rowCount == 0)
    }
}
