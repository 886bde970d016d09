import ConvMatrixCore
import ConvMatrixRendering
import ConvMatrixSymbols

/// The sparsity pattern of U (row convention: one row per input, one column per
/// output): a cell for every non-zero entry, coloured by its tap's spatial position
/// (``TapPalette``) and outlined in black when the entry is a sum of several taps (padding
/// modes); thin grey lines between channel blocks, a frame around the whole matrix.
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
        let x0 = margin + 14
        let y0 = margin + 14
        let width = Double(u.columnCount) * cell
        let height = Double(u.rowCount) * cell
        var primitives: [PictureScene.Primitive] = [
            .label(
                x: x0 + width / 2, y: margin, latex: "U:\\ \(u.rowCount) \\times \(u.columnCount)",
                text: "U: \(u.rowCount)×\(u.columnCount)", size: 10, anchor: .center)
        ]
        var cells: [(tap: Int, outlined: Bool, primitive: PictureScene.Primitive)] = []
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
                            width: cell, height: cell, fill: .tap(tap),
                            stroke: j - i > 1 ? .black : nil)
                    ))
                i = j
            }
        }
        // Cells never overlap, so they are drawn grouped by colour: TikZ then fills each colour
        // with one path, which keeps pdflatex within its memory for large layers.
        primitives += cells.enumerated().sorted {
            ($0.element.outlined ? 1 : 0, $0.element.tap, $0.offset)
                < ($1.element.outlined ? 1 : 0, $1.element.tap, $1.offset)
        }.map(\.element.primitive)
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
        let legendY = y0 + height + 16
        let symbols = LayerSymbols(conv, names: names)
        let legend = Legend.primitives(conv, symbols: symbols, x: x0, y: legendY)
        return PictureScene(
            width: max(x0 + width, x0 + Legend.width(conv)) + margin,
            height: legendY + legend.height + margin, primitives: primitives + legend.primitives)
    }
}
