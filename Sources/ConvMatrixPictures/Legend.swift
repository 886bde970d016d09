import ConvMatrixCore
import ConvMatrixSymbols
import Symbolic

/// The legend of a picture: one short coloured line per kernel tap position, labelled with its
/// symbol (`k_{00}`, …), wrapped into rows of six. At most 36 taps are listed.
enum Legend {
    static let perRow = 6
    static let itemWidth = 70.0
    static let rowHeight = 16.0
    static let maxItems = 36

    static func count(_ conv: Convolution) -> Int { min(conv.kernelExtents.count, maxItems) }

    static func width(_ conv: Convolution, perRow: Int = perRow) -> Double {
        Double(min(count(conv), perRow)) * itemWidth
    }

    static func height(_ conv: Convolution, perRow: Int = perRow) -> Double {
        Double((count(conv) + perRow - 1) / perRow) * rowHeight
    }

    static func primitives(
        _ conv: Convolution, symbols: LayerSymbols, x: Double, y: Double, perRow: Int = perRow
    )
        -> (primitives: [PictureScene.Primitive], height: Double)
    {
        let latex = LaTeXPrinter(termOrder: .natural)
        let plain = PlainTextPrinter()
        var result: [PictureScene.Primitive] = []
        for t in 0..<count(conv) {
            let px = x + Double(t % perRow) * itemWidth
            let py = y + Double(t / perRow) * rowHeight + rowHeight / 2
            let symbol = Symbol(
                symbols.names.kernel, indices: conv.kernelExtents.multiIndex(t))
            result.append(.line(x1: px, y1: py, x2: px + 22, y2: py, color: .tap(t), width: 2.5))
            result.append(
                .label(
                    x: px + 27, y: py, latex: latex.string(for: symbol),
                    text: plain.string(for: symbol),
                    size: 9, anchor: .left))
        }
        return (result, height(conv, perRow: perRow))
    }
}
