import ConvMatrixCore
import ConvMatrixSymbols
import Symbolic

/// The sparsity pattern of U (row convention: one row per input, one column per
/// output): a cell for every non-zero entry, coloured by its tap's spatial position
/// (``TapPalette``) and outlined in black when the entry is a sum of several taps (padding
/// modes); thin grey lines between channel blocks, a frame around the whole matrix. Rows are
/// labelled with the inputs (`I₀₀`) on the left, columns with the outputs (`O₀₀`) on top, every
/// row and column when the cells are large enough and every few otherwise; the picture ends
/// where its labels and legend do.
public enum SparsityPattern {
    static let margin = 20.0

    /// The picture for `conv`. Throws when U stores more than ``PictureLimits/maxCells``
    /// entries.
    public static func scene(_ conv: Convolution, names: SymbolNames = .ikO)
        throws(SpecificationError) -> PictureScene
    {
        let columnMajor = try conv.unrolled()
        try PictureLimits.check(
            columnMajor.storedCount, limit: PictureLimits.maxCells, what: "sparsity pattern")
        let u = columnMajor.transposed()
        let largest = max(u.rowCount, u.columnCount)
        let cell = max(3.0, min(16.0, (600.0 / Double(largest)).rounded(.down)))
        let symbols = LayerSymbols(conv, names: names)
        let labelSize = max(5, min(8, cell * 0.6))
        // Label every `step`-th row and column, so that labels never overlap.
        let step = max(1, Int((labelSize * 1.3 / cell).rounded(.up)))
        let plain = PlainTextPrinter()
        let latex = LaTeXPrinter(termOrder: .natural)
        let longestRow =
            (0..<conv.inputCount).map { plain.string(for: symbols.input($0)).count }.max() ?? 1
        let longestColumn =
            (0..<conv.outputCount).map { plain.string(for: symbols.output($0)).count }.max() ?? 1
        let rowLabelWidth = Double(longestRow) * labelSize * 0.62 + 4
        let columnLabelHeight = Double(longestColumn) * labelSize * 0.62 + 4
        let x0 = margin / 2 + rowLabelWidth
        let y0 = margin / 2 + 14 + columnLabelHeight
        let width = Double(u.columnCount) * cell
        let height = Double(u.rowCount) * cell
        var primitives: [PictureScene.Primitive] = [
            .label(
                x: x0 + width / 2, y: margin / 2 + 6,
                latex: "U:\\ \(u.rowCount) \\times \(u.columnCount)",
                text: "U: \(u.rowCount)×\(u.columnCount)", size: 10, anchor: .center)
        ]
        for r in stride(from: 0, to: u.rowCount, by: step) {
            let symbol = symbols.input(r)
            primitives.append(
                .label(
                    x: x0 - rowLabelWidth / 2 - 1, y: y0 + (Double(r) + 0.5) * cell,
                    latex: latex.string(for: symbol), text: plain.string(for: symbol),
                    size: labelSize, anchor: .center))
        }
        for c in stride(from: 0, to: u.columnCount, by: step) {
            let symbol = symbols.output(c)
            primitives.append(
                .verticalLabel(
                    x: x0 + (Double(c) + 0.5) * cell, y: y0 - columnLabelHeight / 2 - 1,
                    latex: latex.string(for: symbol), text: plain.string(for: symbol),
                    size: labelSize))
        }
        var cells: [(tap: Int, outlined: Bool, primitive: PictureScene.Primitive)] = []
        var labels: [PictureScene.Primitive] = []
        let named = cell >= 12
        for r in 0..<u.rowCount {
            let entries = u.entries(inRow: r)
            var i = 0
            while i < entries.count {
                var j = i + 1
                while j < entries.count && entries[j].column == entries[i].column { j += 1 }
                let tap = entries[i].tap % conv.kernelExtents.count
                cells.append(
                    (
                        tap, j - i > 1,
                        .rectangle(
                            x: x0 + Double(entries[i].column) * cell, y: y0 + Double(r) * cell,
                            width: cell, height: cell, fill: named ? .tint(tap) : .tap(tap),
                            stroke: j - i > 1 ? .black : (named ? .tap(tap) : nil))
                    ))
                if named {
                    // The second cue besides colour: the tap's index, as in k₀₁.
                    labels.append(
                        .label(
                            x: x0 + (Double(entries[i].column) + 0.5) * cell,
                            y: y0 + (Double(r) + 0.5) * cell,
                            latex: tapIndex(tap, conv.kernelExtents),
                            text: tapIndex(tap, conv.kernelExtents),
                            size: cell * 0.45, anchor: .center))
                }
                i = j
            }
        }
        // Cells never overlap, so they are drawn grouped by colour: TikZ then fills each colour
        // with one path, which keeps pdflatex within its memory for large layers.
        primitives += cells.enumerated().sorted {
            ($0.element.outlined ? 1 : 0, $0.element.tap, $0.offset)
                < ($1.element.outlined ? 1 : 0, $1.element.tap, $1.offset)
        }.map(\.element.primitive)
        primitives += labels
        let inputBlock = conv.inputExtents.count
        let outputBlock = conv.outputExtents.count
        for c in 1..<max(conv.inChannels, 1) {
            let y = y0 + Double(c * inputBlock) * cell
            primitives.append(.line(x1: x0, y1: y, x2: x0 + width, y2: y, color: .gray, width: 0.8))
        }
        for o in 1..<max(conv.outChannels, 1) {
            let x = x0 + Double(o * outputBlock) * cell
            primitives.append(
                .line(x1: x, y1: y0, x2: x, y2: y0 + height, color: .gray, width: 0.8))
        }
        primitives.append(
            .rectangle(x: x0, y: y0, width: width, height: height, fill: nil, stroke: .black))
        let legendY = y0 + height + 8
        let perRow = max(3, Int((x0 + width) / Legend.itemWidth))
        let legend = Legend.primitives(
            conv, symbols: symbols, x: margin / 2, y: legendY, perRow: perRow)
        return PictureScene(
            width: max(x0 + width, margin / 2 + Legend.width(conv, perRow: perRow)) + margin / 2,
            height: legendY + legend.height + margin / 2, primitives: primitives + legend.primitives
        )
    }

    /// The spatial index of tap `t` written out: `01` for k₀₁.
    static func tapIndex(_ t: Int, _ kernel: Extents) -> String {
        kernel.multiIndex(t % kernel.count).map(String.init).joined(
            separator: kernel.sizes.contains { $0 > 10 } ? "," : "")
    }
}
