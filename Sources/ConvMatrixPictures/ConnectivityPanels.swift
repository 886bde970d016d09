import ConvMatrixCore
import ConvMatrixSymbols

/// The connectivity of a 2-D layer as small multiples, one link set at a time:
/// - `X·U = O`: one panel per output (row of U in the column convention), placed where the
///   output lies in its grid; the panel is a small copy of the input grid with the inputs that
///   output reads shaded in their tap's colour and marked with the tap's index — Dumoulin &
///   Visin's sliding window, every frame at once;
/// - `O·T = C`: one panel per input (column of U, row of T = Uᵀ), placed where the input lies;
///   the panel is a small output grid with the outputs that input feeds, by tap.
///
/// A reader finds "which inputs feed O₀₁" by looking at one panel, not by following lines.
/// Channels sit side by side inside a panel (input channels in the first part, output channels
/// in the second); panels of further output (or input) channels follow in blocks.
public enum ConnectivityPanels {
    /// The panels of `conv`. Throws when either part would have more than
    /// ``PictureLimits/maxConnectivityPanels`` panels.
    public static func scene(_ conv: Convolution, names: SymbolNames = .ikO)
        throws(SpecificationError) -> PictureScene
    {
        let limit = PictureLimits.maxConnectivityPanels
        guard conv.outputCount <= limit, conv.inputCount <= limit * 2 else {
            throw SpecificationError(
                .input,
                "the connectivity panels would number \(conv.outputCount) and \(conv.inputCount), more than \(limit) and \(2 * limit) readable ones; choose a smaller layer or draw the sliding kernel"
            )
        }
        let u = try conv.unrolled()
        let naming = CellNaming(names: names, channelled: conv.hasChannels)
        let spatial = conv.kernelExtents.count
        let margin = FrameStyle.margin
        var primitives: [PictureScene.Primitive] = []
        var y = margin
        var width = 0.0
        // Each row's (column, spatial tap) links: part 1 reads U's rows, part 2 T = Uᵀ's.
        func links(_ matrix: TapMatrix) -> [[(column: Int, tap: Int)]] {
            (0..<matrix.rowCount).map { r in
                matrix.entries(inRow: r).map { ($0.column, $0.tap % spatial) }
            }
        }
        // Part 1: per output, the inputs it reads.
        let part1 = drawPart(
            title: (
                "X \\cdot U = O:\\ \\text{the inputs each output reads}",
                "X·U = O: the inputs each output reads"
            ),
            panelsPerChannel: conv.outputExtents, panelChannels: conv.outChannels,
            miniExtents: conv.inputExtents, miniChannels: conv.inChannels, links: links(u),
            name: { naming.output($0, channel: $1, extents: conv.outputExtents) },
            kernel: conv.kernelExtents, y: y)
        primitives += part1.primitives
        y = part1.bottom + 18
        width = max(width, part1.width)
        // Part 2: per input, the outputs it feeds (rows of T = Uᵀ).
        let part2 = drawPart(
            title: (
                "O \\cdot T = C:\\ \\text{the outputs each input feeds}",
                "O·T = C: the outputs each input feeds"
            ),
            panelsPerChannel: conv.inputExtents, panelChannels: conv.inChannels,
            miniExtents: conv.outputExtents, miniChannels: conv.outChannels,
            links: links(u.transposed()),
            name: { naming.input($0, channel: $1, extents: conv.inputExtents) },
            kernel: conv.kernelExtents, y: y)
        primitives += part2.primitives
        width = max(width, part2.width)
        let legendY = part2.bottom + 14
        let legend = Legend.primitives(
            conv, symbols: LayerSymbols(conv, names: names), x: margin, y: legendY)
        primitives += legend.primitives
        return PictureScene(
            width: max(width, Legend.width(conv) + margin) + margin,
            height: legendY + legend.height + margin, primitives: primitives)
    }

    /// One part: a title, then per panel channel a block of panels shaped like
    /// `panelsPerChannel`; each panel holds `miniChannels` small grids of `miniExtents` with the
    /// panel's links shaded by tap and marked with the tap's index, and headed by `name` of its
    /// position in `panelsPerChannel` and its channel.
    static func drawPart(
        title: (String, String), panelsPerChannel: Extents, panelChannels: Int,
        miniExtents: Extents, miniChannels: Int, links: [[(column: Int, tap: Int)]],
        name: (_ position: Int, _ channel: Int) -> CellText, kernel: Extents, y: Double
    ) -> (primitives: [PictureScene.Primitive], bottom: Double, width: Double) {
        let margin = FrameStyle.margin
        let mini = GridBox.shape(miniExtents)
        let cell = max(
            5, min(14, (70.0 / Double(max(mini.rows, mini.columns * miniChannels))).rounded(.down)))
        let miniWidth = Double(mini.columns) * cell
        let panelWidth = Double(miniChannels) * miniWidth + Double(miniChannels - 1) * 4
        let panelHeight = Double(mini.rows) * cell + 14
        let shape = GridBox.shape(panelsPerChannel)
        let pitchX = panelWidth + 12
        let pitchY = panelHeight + 8
        var primitives: [PictureScene.Primitive] = [
            .label(x: margin, y: y + 6, latex: title.0, text: title.1, size: 11, anchor: .left)
        ]
        var top = y + 20
        var width = 0.0
        let perMini = miniExtents.count
        let taps = cell >= 11
        for channel in 0..<panelChannels {
            for position in 0..<panelsPerChannel.count {
                let panel = channel * panelsPerChannel.count + position
                let px = margin + Double(position % shape.columns) * pitchX
                let py = top + Double(position / shape.columns) * pitchY
                let text = name(position, channel)
                primitives.append(
                    .label(
                        x: px + panelWidth / 2, y: py + 5, latex: text.latex, text: text.text,
                        size: 8, anchor: .center))
                var lit: [Int: Int] = [:]
                for link in links[panel] where lit[link.column] == nil {
                    lit[link.column] = link.tap
                }
                for c in 0..<miniChannels {
                    let box = GridBox(
                        x: px + Double(c) * (miniWidth + 4), y: py + 12, cell: cell,
                        extents: miniExtents)
                    for flat in 0..<perMini {
                        if let tap = lit[c * perMini + flat] {
                            primitives.append(
                                box.rectangle(flat, fill: .tint(tap), stroke: .tap(tap)))
                            if taps {
                                primitives.append(
                                    box.label(
                                        flat,
                                        CellText(plain: SparsityPattern.tapIndex(tap, kernel)),
                                        size: cell * 0.5))
                            }
                        } else {
                            primitives.append(box.rectangle(flat, fill: .white, stroke: .lightGray))
                        }
                    }
                }
                width = max(width, px + panelWidth)
            }
            top += Double(shape.rows) * pitchY + 6
        }
        return (primitives, top, width)
    }
}
