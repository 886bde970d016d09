import Foundation
import Symbolic
import Testing

@testable import ConvMatrixNotes

/// Elided matrices: first and last rows and columns kept, one row of ⋮ and one column of ⋯
/// meeting in ⋱, the true size kept.
@Suite("Elided matrix")
struct ElidedMatrixTests {
    /// A dense `rows × columns` matrix whose entry (i, j) is the symbol a_{i,j}.
    static func symbols(_ rows: Int, _ columns: Int) throws -> SymbolicMatrix {
        try SymbolicMatrix(
            (0..<rows).map { i in
                (0..<columns).map { j in Expression(Symbol("a", indices: [i, j])) }
            })
    }

    @Test("a matrix within its limits is kept whole")
    func withinLimits() throws {
        let m = ElidedMatrix(try Self.symbols(4, 5), maxRows: 4, maxColumns: 5)
        #expect(!m.isElided)
        #expect(m.cells.count == 4 && m.cells.allSatisfy { $0.count == 5 })
        #expect(!m.latex().contains("dots"))
    }

    @Test(
        "kept indices: the limit is the shown count, head then elision then tail",
        arguments: [(25, 12, 6, 5), (25, 3, 1, 1), (13, 12, 6, 5), (100, 7, 3, 3)])
    func keptIndices(count: Int, limit: Int, head: Int, tail: Int) {
        let kept = ElidedMatrix.kept(count, limit: limit)
        #expect(kept.count == limit)
        #expect(Array(kept.prefix(head)) == (0..<head).map { Optional($0) })
        #expect(kept[head] == nil)
        #expect(Array(kept.suffix(tail)) == ((count - tail)..<count).map { Optional($0) })
    }

    @Test("limits below 3 count as 3")
    func smallLimits() {
        #expect(ElidedMatrix.kept(10, limit: 1).count == 3)
    }

    @Test("a large matrix: true size kept, dots in LaTeX and text, counts of shown cells")
    func large() throws {
        let m = ElidedMatrix(try Self.symbols(30, 40), maxRows: 12, maxColumns: 12)
        #expect(m.isElided)
        #expect(m.rowCount == 30 && m.columnCount == 40)
        #expect(m.cells.count == 12 && m.columnsNeeded == 12)
        let latex = m.latex()
        #expect(latex.components(separatedBy: "\\cdots").count - 1 == 11)
        #expect(latex.components(separatedBy: "\\vdots").count - 1 == 11)
        #expect(latex.components(separatedBy: "\\ddots").count - 1 == 1)
        #expect(latex.contains("a_{29,39}") && latex.contains("a_{00}"))
        #expect(!latex.contains("a_{6,0}"))
        let text = m.text(ascii: false)
        #expect(text.split(separator: "\n").count == 12)
        #expect(text.contains("⋯") && text.contains("⋮") && text.contains("⋱"))
        let ascii = m.text(ascii: true)
        #expect(ascii.contains("...") && !ascii.contains("⋯"))
    }

    @Test("only columns elided: a row vector keeps its one row")
    func rowVector() throws {
        let m = ElidedMatrix(try Self.symbols(1, 25), maxRows: 12, maxColumns: 12)
        #expect(m.cells.count == 1)
        #expect(m.latex().contains("\\cdots") && !m.latex().contains("\\vdots"))
    }

    @Test("zeros print as 0; long entries keep two terms, ⋯ and the last")
    func zerosAndLongEntries() throws {
        let long = Expression.sum((0..<6).map { Symbol("x", indices: [$0]) })
        let matrix = try SymbolicMatrix([[long, .zero]])
        let m = ElidedMatrix(matrix, maxRows: 12, maxColumns: 12, maxTerms: 4)
        #expect(m.hasShortenedEntries)
        #expect(m.latex() == "\\begin{bmatrix}x_{0} + x_{1} + \\cdots + x_{5} & 0\\end{bmatrix}")
        #expect(m.text(ascii: true).contains("x_0 + x_1 + ... + x_5"))
    }
}
