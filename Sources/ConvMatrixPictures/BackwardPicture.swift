import ConvMatrixCore

/// The backward pass, drawn from a ``BackwardModel``: the input x on the left (one panel per
/// input channel of the group), δ = ∂E/∂O in the middle, the kernel on the right (each tap in its
/// colour, named: the picture's legend).
///
/// First one frame per δᵢ: δᵢ marked, the inputs it reaches through the kernel shaded by tap —
/// ∂E/∂x is the sum of these scatters, the transposed convolution of δ. Then one frame per tap
/// `a`: the tap outlined, every input it meets shaded and labelled with the δ it is multiplied
/// by, the δs outlined — ∂E/∂k_a is that sum of products, the correlation of x with δ.
public enum BackwardPicture {
    /// The frames of `model`: ∂E/∂x first, then ∂E/∂k.
    public static func picture(_ model: BackwardModel, options: FrameOptions = FrameOptions())
        -> FramedPicture
    {
        let layout = FrameLayout(
            options: options, channelled: model.channelled,
            grids: [model.inputExtents, model.outputExtents])
        let (naming, cell, labels, size) = (
            layout.naming, layout.cell, layout.labels, layout.labelSize
        )
        let headingHeight = FrameStyle.headingHeight
        let stack = PanelStack(
            extents: model.inputExtents, channels: model.inputChannels, cell: cell,
            heading: "input channel")
        let top = stack.top + (stack.headingHeight > 0 ? 0 : headingHeight)
        let panels =
            stack.headingHeight > 0
            ? stack.panels
            : stack.panels.map {
                GridBox(x: $0.x, y: $0.y + headingHeight, cell: cell, extents: model.inputExtents)
            }
        let delta = GridBox(
            x: stack.right + FrameStyle.gap, y: top, cell: cell, extents: model.outputExtents)
        let kernel = GridBox(
            x: delta.x + delta.width + FrameStyle.gap, y: top, cell: cell,
            extents: model.kernelExtents)
        let deltaName = { (f: Int) -> CellText in
            CellNaming.indexed(
                "δ", latexLetter: "\\delta", flat: f, extents: model.outputExtents,
                base: options.names.indexBase)
        }
        let kernelName = { (k: Int, tap: Int) -> CellText in
            let weight = model.kernelOffsets[k] + tap
            if let values = options.kernelValues, weight < values.count {
                return CellText(plain: values[weight])
            }
            return naming.kernel(
                weight: weight, kernel: model.kernelExtents, inner: model.kernelInnerChannels)
        }
        var background = stack.headings
        if stack.headingHeight == 0 {
            background.append(
                PanelStack.heading(
                    "input \(options.names.input): ∂E/∂\(options.names.input)", x: panels[0].x,
                    y: top - headingHeight / 2,
                    latex:
                        "\\text{input } \(options.names.input):\\ \\partial E/\\partial \(options.names.input)"
                ))
        }
        background.append(
            PanelStack.heading(
                "δ = ∂E/∂\(options.names.output)", x: delta.x, y: top - headingHeight / 2,
                latex: "\\delta = \\partial E/\\partial \(options.names.output)"))
        background.append(
            PanelStack.heading(
                "kernel \(options.names.kernel)", x: kernel.x, y: top - headingHeight / 2,
                latex: "\\text{kernel } \(options.names.kernel)"))
        for (k, panel) in panels.enumerated() {
            background += panel.namedCells(
                model.inputExtents.count, fill: .inputCell, labels: labels, size: size
            ) {
                naming.input($0, channel: model.inputChannels[k], extents: model.inputExtents)
            }
        }
        for flat in 0..<model.outputExtents.count {
            background.append(delta.rectangle(flat, fill: .outputCell, stroke: .gray))
            if labels { background.append(delta.label(flat, deltaName(flat), size: size)) }
        }
        for tap in 0..<model.kernelExtents.count {
            background.append(kernel.rectangle(tap, fill: .tint(tap), stroke: .tap(tap)))
            background.append(kernel.label(tap, kernelName(0, tap), size: size))
        }
        let perChannel = model.inputExtents.count
        let total = model.inputGradientFrames.count + model.weightGradientFrames.count
        var frames: [[PictureScene.Primitive]] = []
        for (f, links) in model.inputGradientFrames.enumerated() {
            let name = deltaName(f)
            var primitives: [PictureScene.Primitive] = [
                FrameStyle.caption(
                    latex:
                        "\\partial E/\\partial \(options.names.input):\\ \(name.latex)\\ \\text{scattered through the kernel (\(f + 1)/\(total))}",
                    text:
                        "∂E/∂\(options.names.input): \(name.text) scattered through the kernel (\(f + 1)/\(total))"
                ),
                delta.rectangle(f, fill: .currentOutput, stroke: .black),
            ]
            if labels { primitives.append(delta.label(f, name, size: size)) }
            primitives += shade(
                links, panels: panels, model: model, perChannel: perChannel, labels: labels,
                size: size, naming: naming
            ) { link, k in kernelName(k, link.tap) }
            frames.append(primitives)
        }
        for (tap, links) in model.weightGradientFrames.enumerated() {
            let index = model.inputGradientFrames.count + tap + 1
            let tapName = kernelName(0, tap)
            var primitives: [PictureScene.Primitive] = [
                FrameStyle.caption(
                    latex:
                        "\\partial E/\\partial \(tapName.latex) = \\sum \\delta \\cdot \(options.names.input)\\ \\text{over the windows (\(index)/\(total))}",
                    text:
                        "∂E/∂\(tapName.text) = Σ δ·\(options.names.input) over the windows (\(index)/\(total))"
                )
            ]
            let o = kernel.origin(tap)
            primitives.append(
                .outline(
                    x: o.x + 1, y: o.y + 1, width: cell - 2, height: cell - 2, stroke: .black,
                    lineWidth: 2.4))
            for f in Set(links.map(\.output)).sorted() {
                let d = delta.origin(f)
                primitives.append(
                    .outline(
                        x: d.x + 1.5, y: d.y + 1.5, width: cell - 3, height: cell - 3,
                        stroke: .tap(tap), lineWidth: 2.4))
            }
            primitives += shade(
                links, panels: panels, model: model, perChannel: perChannel, labels: labels,
                size: size, naming: naming
            ) { link, _ in deltaName(link.output) }
            frames.append(primitives)
        }
        return FramedPicture(
            width: max(kernel.x + kernel.width, 360) + FrameStyle.margin,
            height: max(panels.last.map { $0.y + $0.height } ?? top, delta.y + delta.height)
                + FrameStyle.margin,
            background: background, frames: frames)
    }

    /// Input cells of `links` shaded by tap, named, with `corner(link, panel)` in the corner.
    /// Where several links meet one input (padding modes, overlapping windows), the last drawn
    /// shows.
    static func shade(
        _ links: [BackwardModel.Link], panels: [GridBox], model: BackwardModel, perChannel: Int,
        labels: Bool, size: Double, naming: CellNaming,
        corner: (BackwardModel.Link, Int) -> CellText
    ) -> [PictureScene.Primitive] {
        var result: [PictureScene.Primitive] = []
        for link in links {
            let channel = link.column / perChannel
            guard let k = model.inputChannels.firstIndex(of: channel) else { continue }
            let panel = panels[k]
            let flat = link.column % perChannel
            result.append(panel.rectangle(flat, fill: .tint(link.tap), stroke: .tap(link.tap)))
            if labels {
                let name = naming.input(flat, channel: channel, extents: model.inputExtents)
                result += panel.tapLabels(flat, name: name, tap: corner(link, k), size: size)
            }
        }
        return result
    }
}
