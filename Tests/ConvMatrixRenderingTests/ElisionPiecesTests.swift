import Symbolic
import Testing

@testable import ConvMatrixCore
@testable import ConvMatrixRendering

/// The pieces that let a command compute only what elided text shows: which cells the grid
/// writer asks for, how a long sum is shortened, and how sizes print.
@Suite("Elision pieces")
struct ElisionPiecesTests {
    @Test(
        "shownCells names exactly the cells the writer asks for",
        arguments: [(1, 3, 3), (1, 40, 40), (10, 5, 5), (64, 112, 112), (3, 2, 700), (2000, 1, 1)])
    func shownCells(grids: Int, rows: Int, columns: Int) {
        var asked: [Int] = []
        var sink = ""
        let cell = { (grid: Int, row: Int, column: Int) -> String in
            asked.append((grid * rows + row) * columns + column)
            return "x"
        }
        TextGridWriter(printer: MatrixPlainTextPrinter()).write(
            grids: grids, label: { "g\($0)" }, rows: rows, columns: columns, elision: .numpy,
            to: &sink, cell: cell)
        let shown = TextGridWriter.shownCells(grids: grids, rows: rows, columns: columns, .numpy)
        #expect((shown ?? Array(0..<(grids * rows * columns))) == asked.sorted())
        #expect((shown == nil) == (grids * rows * columns <= 1000))
    }

    @Test("a sum past 64 terms shows its first and last three; a shorter one is whole")
    func sums() {
        let long = Expression.sum((0..<65).map { Monomial(Symbol("x", indices: [$0])) })
        let printer = PlainTextPrinter(ascii: true)
        let text = SumElision.standard.text(long, dots: "...") { printer.string(for: $0) }
        #expect(text == "x_0 + x_1 + x_2 + ... + x_62 + x_63 + x_64")
        let short = Expression.sum((0..<64).map { Monomial(Symbol("x", indices: [$0])) })
        #expect(!SumElision.standard.shortens(short))
        #expect(
            SumElision.standard.text(short, dots: "...") { printer.string(for: $0) }
                == printer.string(for: short))
    }

    @Test("sizes print in binary units, as the budget is set")
    func byteCounts() {
        #expect(ByteCount.format(4 << 30) == "4.0 GiB")
        #expect(ByteCount.format(512) == "512 B")
        #expect(ByteCount.format(1536) == "1.5 KiB")
        #expect(ByteCount.format((1 << 20) - 1) == "1.0 MiB")
        #expect(ResourceLimits.default.maxMemoryBytes == 4 << 30)
    }
}
