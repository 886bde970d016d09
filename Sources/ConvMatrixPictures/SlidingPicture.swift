/// The kernel sliding over its input, drawn from a ``SlidingModel`` as Dumoulin & Visin draw it
/// ("A guide to convolution arithmetic for deep learning", 2016): the input grid in blue, padding
/// cells dashed (naming the input they copy under reflect, replicate or circular padding),
/// inserted zeros light grey and cropped positions crossed out; the kernel window shaded over it,
/// each tap in its ``TapPalette`` colour and named (`k₀₁` or its value) in the cell's corner,
/// with holes where dilation skips; the output grid in cyan with the current output darker.
///
/// The inputs the current output reads according to the matrix are outlined in black: under
/// zero padding they are the window's real cells, under the other modes also the inputs a padded
/// cell copies.
public enum SlidingPicture {
    /// The frames of `model`. `title` heads every frame (e.g. "stride 2").
    public static func picture(
        _ model: SlidingModel, options: FrameOptions = FrameOptions(), title: String = ""
    ) -> FramedPicture {
        let layout = FrameLayout(
            options: options, channelled: model.channelled,
            grids: [model.canvas, model.outputExtents])
        let (naming, cell, labels, size) = (
            layout.naming, layout.cell, layout.labels, layout.labelSize
        )
        let canvasShape = GridBox.shape(model.canvas)
        let heading = model.inputChannels.count > 1 ? FrameStyle.headingHeight : 0
        let top = FrameStyle.margin + FrameStyle.captionHeight
        let panels = model.inputChannels.indices.map { k in
            GridBox(
                x: FrameStyle.margin,
                y: top + heading + Double(k) * (Double(canvasShape.rows) * cell + heading + 10),
                cell: cell, extents: model.canvas)
        }
        let output = GridBox(
            x: FrameStyle.margin + Double(canvasShape.columns) * cell + FrameStyle.gap,
            y: top + heading,
            cell: cell, extents: model.outputExtents)
        var background: [PictureScene.Primitive] = []
        for (k, panel) in panels.enumerated() {
            let channel = model.inputChannels[k]
            if heading > 0 {
                background.append(
                    PanelStack.heading(
                        "input channel \(channel)", x: panel.x, y: panel.y - heading / 2))
            }
            for (flat, content) in model.cells.enumerated() {
                background += cellPrimitives(
                    content, at: flat, in: panel, channel: channel, model: model, naming: naming,
                    labels: labels, size: size)
            }
        }
        if heading > 0 {
            background.append(
                PanelStack.heading(
                    "output channel \(model.outputChannel)", x: output.x,
                    y: output.y - heading / 2))
        }
        background += output.namedCells(
            model.outputExtents.count, fill: .outputCell, labels: labels, size: size
        ) {
            naming.output($0, channel: model.outputChannel, extents: model.outputExtents)
        }
        let inputPositions = model.inputCanvasPositions
        let perChannel = model.inputExtents.count
        var frames: [[PictureScene.Primitive]] = []
        frames.reserveCapacity(model.frames.count)
        for (index, frame) in model.frames.enumerated() {
            var primitives: [PictureScene.Primitive] = []
            let outputName = naming.output(
                frame.output, channel: model.outputChannel, extents: model.outputExtents)
            let caption = title.isEmpty ? "" : title + ": "
            primitives.append(
                FrameStyle.caption(
                    latex: (title.isEmpty ? "" : "\\text{\(caption)}") + outputName.latex
                        + "\\ \\text{(\(index + 1)/\(model.frames.count))}",
                    text: "\(caption)\(outputName.text) (\(index + 1)/\(model.frames.count))"))
            for (k, panel) in panels.enumerated() {
                let channel = model.inputChannels[k]
                for windowCell in frame.window {
                    let flat = model.canvas.flatIndex(windowCell.canvas)
                    let o = panel.origin(flat)
                    primitives.append(
                        .rectangle(
                            x: o.x, y: o.y, width: cell, height: cell,
                            fill: .tint(windowCell.tap), stroke: .tap(windowCell.tap)))
                    if labels {
                        let text = contentText(
                            model.cells[flat], channel: channel, model: model, naming: naming)
                        let tapText = naming.kernel(
                            weight: model.kernelOffsets[k] + windowCell.tap,
                            kernel: model.kernelExtents, inner: model.kernelInnerChannels,
                            values: options.kernelValues)
                        primitives += panel.tapLabels(flat, name: text, tap: tapText, size: size)
                    }
                }
                let origin = panel.origin(frame.windowOrigin)
                let span = frame.windowSpan
                primitives.append(
                    .outline(
                        x: origin.x, y: origin.y, width: Double(span[span.count - 1]) * cell,
                        height: Double(span.count == 2 ? span[0] : 1) * cell, stroke: .black,
                        lineWidth: 1.6))
                for column in frame.lit.keys.sorted()
                where column / perChannel == channel {
                    guard let position = inputPositions[column % perChannel] else { continue }
                    let o = panel.origin(position)
                    primitives.append(
                        .outline(
                            x: o.x + 2, y: o.y + 2, width: cell - 4, height: cell - 4,
                            stroke: .black, lineWidth: FrameStyle.litLineWidth(cell)))
                }
            }
            primitives.append(output.rectangle(frame.output, fill: .currentOutput, stroke: .black))
            if labels { primitives.append(output.label(frame.output, outputName, size: size)) }
            frames.append(primitives)
        }
        let bottom = panels.last.map { $0.y + $0.height } ?? top
        return FramedPicture(
            width: max(output.x + output.width, 260) + FrameStyle.margin,
            height: max(bottom, output.y + output.height) + FrameStyle.margin,
            background: background, frames: frames)
    }

    /// The primitives of one canvas cell in the background.
    static func cellPrimitives(
        _ content: CanvasCell, at flat: Int, in panel: GridBox, channel: Int, model: SlidingModel,
        naming: CellNaming, labels: Bool, size: Double
    ) -> [PictureScene.Primitive] {
        let o = panel.origin(flat)
        let c = panel.cell
        var result: [PictureScene.Primitive] = []
        switch content {
        case .input:
            result.append(panel.rectangle(flat, fill: .inputCell, stroke: .gray))
        case .padding:
            result.append(
                .dashedRectangle(
                    x: o.x + 1, y: o.y + 1, width: c - 2, height: c - 2, stroke: .gray))
        case .insertedZero:
            result.append(panel.rectangle(flat, fill: .insertedZero, stroke: .lightGray))
        case .cropped:
            result.append(panel.rectangle(flat, fill: .cropped, stroke: .gray))
            result.append(.line(x1: o.x, y1: o.y, x2: o.x + c, y2: o.y + c, color: .gray, width: 1))
            result.append(.line(x1: o.x + c, y1: o.y, x2: o.x, y2: o.y + c, color: .gray, width: 1))
        }
        if labels, let text = contentText(content, channel: channel, model: model, naming: naming) {
            result.append(panel.label(flat, text, size: size))
        }
        return result
    }

    /// What a canvas cell names: the input it is or copies, `0` for an inserted zero, nothing
    /// for a zero of the padding.
    static func contentText(
        _ content: CanvasCell, channel: Int, model: SlidingModel, naming: CellNaming
    ) -> CellText? {
        switch content {
        case .input(let j), .padding(source: let j?), .cropped(input: let j?):
            naming.input(j, channel: channel, extents: model.inputExtents)
        case .insertedZero:
            CellText(plain: "0")
        case .padding(source: nil), .cropped(input: nil):
            nil
        }
    }
}
