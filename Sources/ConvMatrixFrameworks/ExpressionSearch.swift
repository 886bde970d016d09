import ConvMatrixCore

/// One way to write one axis of a layer in a framework: the framework's parameter for the axis,
/// the zeros padded before the layer and the outputs cropped after it.
struct AxisExpression<Parameter: Sendable>: Sendable {
    /// The framework's parameter for this axis (its padding, output padding, output shape…).
    let parameter: Parameter
    /// Zeros added to the input first.
    let pad: AxisPadding
    /// Outputs dropped afterwards.
    let crop: AxisPadding

    /// Positions padded plus outputs cropped.
    var cost: Int { pad.before + pad.after + crop.before + crop.after }
}

/// The search that every framework's translation shares: try candidate parameters (each
/// framework proposes them from its own inverse formulas), compute each candidate's layer with
/// the framework's OWN rules on the padded input, derive the crop that lines it up with the
/// target, keep only candidates whose composition is exactly the target, and return the
/// cheapest. Nothing here knows any framework's rules.
enum ExpressionSearch {
    /// The crop that turns `layer` (the framework's layer on the input padded by `pad`) into
    /// `target`, or nil when none does:
    /// - forward, the offsets must differ by whole strides: `u = (offset' + x − offset)/s ≥ 0`;
    /// - transposed, `u = offset − offset' + x·s ≥ 0`;
    /// and in both `v = outputs' − u − outputs ≥ 0`. The composition is checked to equal `target`.
    static func crop(target: FrameworkAxis, layer: FrameworkAxis, pad: AxisPadding)
        -> AxisPadding?
    {
        guard layer.inputSize == target.inputSize + pad.total,
            layer.kernelSize == target.kernelSize, layer.stride == target.stride,
            layer.dilation == target.dilation, layer.direction == target.direction
        else { return nil }
        let before: Int
        switch target.direction {
        case .forward:
            let shift = layer.offset + pad.before - target.offset
            guard shift >= 0, shift % target.stride == 0 else { return nil }
            before = shift / target.stride
        case .transposed:
            before = target.offset - layer.offset + pad.before * target.stride
            guard before >= 0 else { return nil }
        }
        let after = layer.outputSize - before - target.outputSize
        guard after >= 0 else { return nil }
        let crop = AxisPadding(before: before, after: after)
        guard layer.composed(prePad: pad, postCrop: crop) == target else { return nil }
        return crop
    }

    /// The cheapest of `candidates` for `target`, each evaluated by `rules` (the framework's own
    /// rules for one axis, given the parameter and the padded input size; nil when the framework
    /// refuses it). Ties go to the earlier candidate.
    static func best<Parameter>(
        _ target: FrameworkAxis, candidates: [(Parameter, AxisPadding)],
        rules: (Parameter, Int) -> FrameworkAxis?
    ) -> AxisExpression<Parameter>? {
        var best: AxisExpression<Parameter>?
        for (parameter, pad) in candidates where pad.before >= 0 && pad.after >= 0 {
            // Padded inputs stay within the sizes every framework's rules accept (2³¹ − 1).
            guard let padded = FrameworkArithmetic.sum(target.inputSize, pad.total),
                padded <= Int(Int32.max), let layer = rules(parameter, padded),
                let crop = crop(target: target, layer: layer, pad: pad)
            else { continue }
            let found = AxisExpression(parameter: parameter, pad: pad, crop: crop)
            if let current = best, current.cost <= found.cost { continue }
            best = found
            if found.cost == 0 { break }
        }
        return best
    }

    /// Small pads `(x, y)` with `0 ≤ x, y ≤ min(k_e + 2s, 24)`: enough for every padding word
    /// (their padding never exceeds `k_e + s`), cheapest first.
    static func smallPads(for target: FrameworkAxis) -> [AxisPadding] {
        let bound = min(target.dilatedKernel + 2 * target.stride, 24)
        var pads: [AxisPadding] = []
        for total in 0...(2 * bound) {
            for x in max(0, total - bound)...min(total, bound) {
                pads.append(AxisPadding(before: x, after: total - x))
            }
        }
        return pads
    }

    /// Pads to try before a transposed layer whose words fix its crops (TensorFlow, Keras): a
    /// few zeros on either side, and as many as a negative offset (`⌈−offset/s⌉` before) or an
    /// output longer than the scatter (`⌈(n + offset − L)/s⌉` after) needs, each input adding `s`
    /// outputs.
    static func transposedPads(for axis: FrameworkAxis) -> [AxisPadding] {
        let s = axis.stride
        let reach = min((axis.dilatedKernel + s - 1) / s + 1, 8)
        let x0 = axis.offset < 0 ? (-axis.offset + s - 1) / s : 0
        let short = axis.outputSize + max(axis.offset, 0) - axis.fullScatter
        let y0 = short > 0 ? (short + s - 1) / s : 0
        let xs = Set(Array(0...reach) + Array(x0...(x0 + reach))).sorted()
        let ys = Set(Array(0...reach) + Array(y0...(y0 + reach))).sorted()
        return xs.flatMap { x in ys.map { AxisPadding(before: x, after: $0) } }
    }

    /// For a framework whose padding is fixed amounts `(before, after)` on the forward side: the
    /// pad that lines up its offset with the target's (`x ≡ offset − before (mod s)`, `x ≥ 0`)
    /// and gives at least the target's outputs.
    static func forwardPad(_ target: FrameworkAxis, before: Int, after: Int) -> AxisPadding {
        let s = target.stride
        let gap = target.offset - before
        let x = gap >= 0 ? gap : ((gap % s) + s) % s
        let u = (before + x - target.offset) / s
        // outputs' = ⌊(n + x + y + before + after − k_e)/s⌋ + 1 ≥ m + u.
        let y = max(
            0,
            (target.outputSize + u - 1) * s + target.dilatedKernel - target.inputSize - x - before
                - after)
        return AxisPadding(before: x, after: y)
    }

    /// For a framework that crops `before` outputs from the start of the transposed layer's full
    /// scatter: the pad that makes the crop needed afterwards non-negative
    /// (`x = ⌈(before − offset)/s⌉` when positive) and gives at least the target's outputs, given
    /// the layer's outputs `outputs(y)` on `m + x + y` inputs grow by `s` per `y`.
    static func transposedPad(_ target: FrameworkAxis, before: Int, outputsWithoutPad: Int)
        -> AxisPadding
    {
        let s = target.stride
        let gap = before - target.offset
        let x = gap > 0 ? (gap + s - 1) / s : 0
        let u = target.offset - before + x * s
        let short = target.outputSize + u - (outputsWithoutPad + x * s)
        let y = short > 0 ? (short + s - 1) / s : 0
        return AxisPadding(before: x, after: y)
    }
}
