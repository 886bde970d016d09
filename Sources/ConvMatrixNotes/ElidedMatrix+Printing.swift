import ConvMatrixSymbols
import Symbolic

extension ElidedMatrix {
    /// The matrix as an amsmath `bmatrix`: `\begin{bmatrix}a & \cdots & b\\ \vdots & \ddots &
    /// \vdots\\ …\end{bmatrix}`.
    ///
    /// amsmath's matrix environments accept at most `MaxMatrixCols` columns (10 by default):
    /// ``columnsNeeded`` says how many this one shows, so a document can raise the counter.
    /// KaTeX and MathJax have no such limit.
    public func latex(printer: LaTeXPrinter = LaTeXPrinter(termOrder: .natural)) -> String {
        let rows = cells.map { row in
            row.map { cell -> String in
                switch cell {
                case .value(let e):
                    shortened(
                        e, dots: "\\cdots",
                        print: factorOrder.map { $0.latex } ?? printer.string(for:))
                case .sum(let ends):
                    shortened(
                        ends, dots: "\\cdots",
                        print: factorOrder.map { $0.latex } ?? printer.string(for:))
                case .zero: "0"
                case .horizontalDots: "\\cdots"
                case .verticalDots: "\\vdots"
                case .diagonalDots: "\\ddots"
                }
            }.joined(separator: " & ")
        }
        return "\\begin{bmatrix}" + rows.joined(separator: "\\\\") + "\\end{bmatrix}"
    }

    /// The number of columns shown, which is what amsmath's `MaxMatrixCols` must reach.
    public var columnsNeeded: Int { cells.first?.count ?? 0 }

    /// The matrix as aligned plain text, one line per shown row, in brackets; elisions are
    /// `⋯ ⋮ ⋱` (or `...`, `:`, `.` with `ascii`).
    public func text(ascii: Bool) -> String {
        let printer = PlainTextPrinter(ascii: ascii)
        let strings = cells.map { row in
            row.map { cell -> String in
                switch cell {
                case .value(let e):
                    shortened(
                        e, dots: ascii ? "..." : "⋯",
                        print: factorOrder.map { order in { order.text($0, ascii: ascii) } }
                            ?? printer.string(for:))
                case .sum(let ends):
                    shortened(
                        ends, dots: ascii ? "..." : "⋯",
                        print: factorOrder.map { order in { order.text($0, ascii: ascii) } }
                            ?? printer.string(for:))
                case .zero: "0"
                case .horizontalDots: ascii ? "..." : "⋯"
                case .verticalDots: ascii ? ":" : "⋮"
                case .diagonalDots: ascii ? "." : "⋱"
                }
            }
        }
        guard let first = strings.first, !first.isEmpty else { return "[]" }
        var widths = Array(repeating: 0, count: first.count)
        for row in strings {
            for (j, cell) in row.enumerated() { widths[j] = max(widths[j], cell.count) }
        }
        return strings.map { row in
            let padded = row.enumerated().map { j, cell in
                let pad = widths[j] - cell.count
                return String(repeating: " ", count: pad / 2) + cell
                    + String(repeating: " ", count: pad - pad / 2)
            }
            return "[ " + padded.joined(separator: "  ") + " ]"
        }.joined(separator: "\n")
    }

    /// `e` printed whole, or as its first two terms, `dots` and its last term when it has more
    /// than ``maxTerms`` terms.
    func shortened(_ e: Expression, dots: String, print: (Expression) -> String) -> String {
        guard e.terms.count > maxTerms, let last = e.terms.last,
            let head = try? Expression(terms: Array(e.terms.prefix(2))),
            let tail = try? Expression(terms: [last])
        else { return print(e) }
        return shortened(
            SumEnds(head: head, tail: tail, termCount: e.terms.count), dots: dots, print: print)
    }

    /// `ends` printed as its first two terms, `dots` and its last term.
    func shortened(_ ends: SumEnds, dots: String, print: (Expression) -> String) -> String {
        let head = (try? Expression(terms: Array(ends.head.terms.prefix(2)))) ?? ends.head
        let tail = (try? Expression(terms: Array(ends.tail.terms.suffix(1)))) ?? ends.tail
        let lastText = print(tail)
        let joiner = lastText.hasPrefix("-") || lastText.hasPrefix("−") ? " " : " + "
        return print(head) + " + " + dots + joiner + lastText
    }
}

extension ElidedMatrix {
    /// The typeset width in points at 10 pt, estimated from the plain-text form: a character
    /// of an entry is about 3.4 pt (subscripts are small, `·` and `+` carry spacing) and each
    /// column adds amsmath's 2 × \\arraycolsep = 10 pt — measured against pdflatex's overfull
    /// reports. KaTeX sets about 1.6 px per such point.
    public func estimatedWidth(ascii: Bool) -> Int {
        let columns = columnsNeeded
        let line =
            text(ascii: ascii).split(separator: "\n").map { $0.unicodeScalars.count }.max() ?? 0
        let entryCharacters = max(line - 2 * columns, 0)
        return Int(Double(entryCharacters) * 3.4) + 11 * columns + 12
    }
}
