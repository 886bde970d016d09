import ConvMatrixCore
import ConvMatrixRendering
import ConvMatrixSymbols
import Symbolic

/// The "connectivity of filters" of the course notes: which input feeds which output through which kernel
/// tap, for the convolution (inputs above, outputs below) and, side by side, for its transpose
/// T = Uᵀ (the same lines, read from the outputs back to the inputs).
///
/// 1-D and 3-D layers draw the flattened indices (channel first, row-major) in one row, and one
/// line joins input `c` and output `r` for every stored entry `(r, c, t)` of U, in the colour of
/// the tap's spatial position `t mod Π k` (``TapPalette``); a legend names the taps. A 2-D layer
/// is drawn as small multiples instead (``ConnectivityPanels``): lines between two grids cross
/// until no one can follow them.
public enum ConnectivityDiagram {
    static let spacing = 26.0
    static let radius = 8.0
    static let gap = 70.0
    static let margin = 20.0

    /// The diagram for `conv`. Throws when it would draw more than
    /// ``PictureLimits/maxConnections`` lines per panel.
    public static func scene(_ conv: Convolution, names: SymbolNames = .ikO)
        throws(SpecificationError) -> PictureScene
    {
        if conv.rank == 2 { return try ConnectivityPanels.scene(conv, names: names) }
        let u = try conv.unrolled()
        try PictureLimits.check(
            u.storedCount, limit: PictureLimits.maxConnections, what: "connectivity diagram")
        let symbols = LayerSymbols(conv, names: names)
        let inputs = layout(extents: conv.inputExtents, channels: conv.inChannels)
        let outputs = layout(extents: conv.outputExtents, channels: conv.outChannels)
        let panelWidth = max(inputs.width, outputs.width)
        let labelled = conv.inputCount <= 150
        var primitives: [PictureScene.Primitive] = []
        var x0 = margin
        let top = margin + 16
        for transposed in [false, true] {
            let upper = transposed ? outputs : inputs
            let lower = transposed ? inputs : outputs
            let upperX = x0 + (panelWidth - upper.width) / 2
            let lowerX = x0 + (panelWidth - lower.width) / 2
            let lowerY = top + upper.height + gap
            let title = transposed ? ("O \\cdot T = C", "O·T = C") : ("X \\cdot U = O", "X·U = O")
            primitives.append(
                .label(
                    x: x0 + panelWidth / 2, y: margin, latex: title.0, text: title.1, size: 11,
                    anchor: .center))
            var lines: [(tap: Int, line: PictureScene.Primitive)] = []
            for r in 0..<u.rowCount {
                for entry in u.entries(inRow: r) {
                    let input = inputs.points[entry.column]
                    let output = outputs.points[r]
                    let (a, b) = transposed ? (output, input) : (input, output)
                    let tap = entry.tap % conv.kernelExtents.count
                    lines.append(
                        (
                            tap,
                            .line(
                                x1: upperX + a.x, y1: top + a.y, x2: lowerX + b.x, y2: lowerY + b.y,
                                color: .tap(tap), width: 0.9)
                        ))
                }
            }
            // Grouped by tap (a stable sort keeps the order within a tap), so that each colour
            // is one TikZ path.
            primitives += lines.enumerated().sorted {
                ($0.element.tap, $0.offset) < ($1.element.tap, $1.offset)
            }.map(\.element.line)
            let upperSymbol = { (i: Int) -> Symbol in
                transposed ? symbols.output(i) : symbols.input(i)
            }
            let lowerSymbol = { (i: Int) -> Symbol in
                transposed ? symbols.input(i) : symbols.output(i)
            }
            primitives += nodes(upper, x: upperX, y: top, symbol: upperSymbol, labelled: labelled)
            primitives += nodes(
                lower, x: lowerX, y: lowerY, symbol: lowerSymbol, labelled: labelled)
            x0 += panelWidth + 2 * margin
        }
        let bottom = top + inputs.height + outputs.height + gap + 20
        let legend = Legend.primitives(conv, symbols: symbols, x: margin, y: bottom)
        return PictureScene(
            width: max(x0 - margin, Legend.width(conv) + 2 * margin),
            height: bottom + Legend.height(conv) + margin,
            primitives: primitives + legend.primitives)
    }

    /// Node centres of one layer relative to its top-left corner, and its size.
    struct Layout {
        var points: [(x: Double, y: Double)]
        var width: Double
        var height: Double
    }

    static func layout(extents: Extents, channels: Int) -> Layout {
        if extents.rank == 2 {
            let rows = extents.sizes[0]
            let columns = extents.sizes[1]
            let channelWidth = Double(columns) * spacing
            var points: [(x: Double, y: Double)] = []
            for c in 0..<channels {
                for flat in 0..<extents.count {
                    let i = flat / columns
                    let j = flat % columns
                    points.append(
                        (
                            Double(c) * (channelWidth + spacing) + (Double(j) + 0.5) * spacing,
                            (Double(i) + 0.5) * spacing
                        ))
                }
            }
            return Layout(
                points: points,
                width: Double(channels) * channelWidth + Double(channels - 1) * spacing,
                height: Double(rows) * spacing)
        }
        let count = extents.count * channels
        return Layout(
            points: (0..<count).map { ((Double($0) + 0.5) * spacing, spacing / 2) },
            width: Double(count) * spacing, height: spacing)
    }

    static func nodes(
        _ layout: Layout, x: Double, y: Double, symbol: (Int) -> Symbol, labelled: Bool
    ) -> [PictureScene.Primitive] {
        let latex = LaTeXPrinter(termOrder: .natural)
        let plain = PlainTextPrinter()
        var result: [PictureScene.Primitive] = []
        for (index, p) in layout.points.enumerated() {
            result.append(
                .circle(x: x + p.x, y: y + p.y, radius: radius, fill: .white, stroke: .black))
            if labelled {
                let s = symbol(index)
                result.append(
                    .label(
                        x: x + p.x, y: y + p.y, latex: latex.string(for: s),
                        text: plain.string(for: s),
                        size: 5, anchor: .center))
            }
        }
        return result
    }
}
