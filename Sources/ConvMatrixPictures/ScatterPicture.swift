import ConvMatrixCore

/// The scatter view of a transposed convolution, drawn from a ``ScatterModel``: the layer's
/// input on the left (one panel per input channel of the group), its output on the right. Frame
/// `(c, j)` marks the input and shades every output it reaches in the colour of the tap that
/// carries it, naming the tap in the cell's corner. The last frame shades every output by its
/// overlap count and writes the count in it (Odena, Dumoulin & Olah, Distill 2016).
public enum ScatterPicture {
    /// The frames of `model`, the overlap frame last.
    public static func picture(_ model: ScatterModel, options: FrameOptions = FrameOptions())
        -> FramedPicture
    {
        let layout = FrameLayout(
            options: options, channelled: model.channelled,
            grids: [model.inputExtents, model.outputExtents])
        let (naming, cell, labels, size) = (
            layout.naming, layout.cell, layout.labels, layout.labelSize
        )
        let stack = PanelStack(
            extents: model.inputExtents, channels: model.inputChannels, cell: cell,
            heading: "input channel")
        let output = GridBox(
            x: stack.right + FrameStyle.gap, y: stack.top, cell: cell,
            extents: model.outputExtents)
        var background = stack.headings
        for (k, panel) in stack.panels.enumerated() {
            background += panel.namedCells(
                model.inputExtents.count, fill: .inputCell, labels: labels, size: size
            ) {
                naming.input($0, channel: model.inputChannels[k], extents: model.inputExtents)
            }
        }
        if stack.headingHeight > 0 {
            background.append(
                PanelStack.heading(
                    "output channel \(model.outputChannel)", x: output.x,
                    y: output.y - stack.headingHeight / 2))
        }
        for flat in 0..<model.outputExtents.count {
            background.append(output.rectangle(flat, fill: .outputCell, stroke: .gray))
        }
        let total = model.frames.count + 1
        var frames: [[PictureScene.Primitive]] = []
        for (index, frame) in model.frames.enumerated() {
            let k = model.inputChannels.firstIndex(of: frame.channel) ?? 0
            let panel = stack.panels[k]
            let inputName = naming.input(
                frame.input, channel: frame.channel, extents: model.inputExtents)
            var primitives: [PictureScene.Primitive] = [
                FrameStyle.caption(
                    latex:
                        "\(inputName.latex)\\ \\text{scattered: } k \\cdot \(inputName.latex)\\ \\text{onto \(frame.targets.count) outputs (\(index + 1)/\(total))}",
                    text:
                        "\(inputName.text) scattered: k·\(inputName.text) onto \(frame.targets.count) outputs (\(index + 1)/\(total))"
                ),
                panel.rectangle(frame.input, fill: .currentOutput, stroke: .black),
            ]
            if labels { primitives.append(panel.label(frame.input, inputName, size: size)) }
            for target in frame.targets {
                primitives.append(
                    output.rectangle(
                        target.output, fill: .tint(target.tap), stroke: .tap(target.tap)))
                if labels {
                    let name = naming.output(
                        target.output, channel: model.outputChannel, extents: model.outputExtents)
                    let tapText = naming.kernel(
                        weight: model.kernelOffsets[k] + target.tap, kernel: model.kernelExtents,
                        inner: model.kernelInnerChannels, values: options.kernelValues)
                    primitives += output.tapLabels(
                        target.output, name: name, tap: tapText, size: size)
                }
            }
            frames.append(primitives)
        }
        let most = model.overlap.max() ?? 0
        let least = model.overlap.min() ?? 0
        var last: [PictureScene.Primitive] = [
            FrameStyle.caption(
                latex:
                    "\\text{overlap: inputs reaching each output, \(least) to \(most) (\(total)/\(total))}",
                text:
                    "overlap: inputs reaching each output, \(least) to \(most) (\(total)/\(total))")
        ]
        for (flat, count) in model.overlap.enumerated() {
            last.append(
                output.rectangle(
                    flat, fill: .ramp(level: count, levels: max(1, most)), stroke: .gray))
            last.append(
                output.label(flat, CellText(plain: "\(count)"), size: max(7, size * 1.1)))
        }
        frames.append(last)
        return FramedPicture(
            width: max(output.x + output.width, 300) + FrameStyle.margin,
            height: max(stack.bottom, output.y + output.height) + FrameStyle.margin,
            background: background, frames: frames)
    }
}

/// Input panels stacked one under the other, one per channel, headed by the channel when there
/// are several.
struct PanelStack {
    let panels: [GridBox]
    let headings: [PictureScene.Primitive]
    let headingHeight: Double
    let top: Double

    init(
        extents: Extents, channels: [Int], cell: Double, heading: String,
        x: Double = FrameStyle.margin
    ) {
        let shape = GridBox.shape(extents)
        headingHeight = channels.count > 1 ? FrameStyle.headingHeight : 0
        top = FrameStyle.margin + FrameStyle.captionHeight + headingHeight
        var panels: [GridBox] = []
        var headings: [PictureScene.Primitive] = []
        for (k, channel) in channels.enumerated() {
            let y = top + Double(k) * (Double(shape.rows) * cell + headingHeight + 10)
            panels.append(GridBox(x: x, y: y, cell: cell, extents: extents))
            if headingHeight > 0 {
                headings.append(
                    Self.heading("\(heading) \(channel)", x: x, y: y - headingHeight / 2))
            }
        }
        self.panels = panels
        self.headings = headings
    }

    var right: Double { (panels.first.map { $0.x + $0.width }) ?? FrameStyle.margin }
    var bottom: Double { (panels.last.map { $0.y + $0.height }) ?? top }

    static func heading(_ text: String, x: Double, y: Double, latex: String? = nil)
        -> PictureScene.Primitive
    {
        .label(x: x, y: y, latex: latex ?? "\\text{\(text)}", text: text, size: 9, anchor: .left)
    }
}
