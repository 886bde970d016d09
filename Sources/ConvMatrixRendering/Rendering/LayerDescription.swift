import ConvMatrixCore

/// One-line descriptions of layers, as a course would say them:
/// `input 5×5, kernel 3×3, stride 2, padding 0 → output 2×2`.
///
/// Defaults are left out (dilation 1, one channel, groups 1, zeros padding, cross-correlation) so
/// that the 5×5 input, 3×3 kernel, stride 2 example reads as the unrolling notes state it.
public enum LayerDescription {
    /// The convolution in one line.
    public static func describe(_ conv: Convolution, style: TextStyle) -> String {
        var parts: [String] = []
        let channelsIn = conv.hasChannels ? "\(conv.inChannels) channel(s) of " : ""
        parts.append("input \(channelsIn)\(style.sizes(conv.inputExtents.sizes))")
        parts.append("kernel \(style.sizes(conv.kernelExtents.sizes))")
        parts.append("stride \(style.perAxis(conv.axes.map(\.stride)))")
        parts.append(
            "padding \(paddingText(conv.requestedPadding, resolved: conv.axes.map(\.padding), style: style))"
        )
        if conv.axes.contains(where: { $0.dilation != 1 }) {
            parts.append("dilation \(style.perAxis(conv.axes.map(\.dilation)))")
        }
        if conv.paddingMode != .zeros { parts.append("\(conv.paddingMode.rawValue) padding mode") }
        if conv.groups != 1 { parts.append("groups \(conv.groups)") }
        if conv.orientation == .convolution { parts.append("kernel flipped (true convolution)") }
        let channelsOut = conv.hasChannels ? "\(conv.outChannels) channel(s) of " : ""
        return parts.joined(separator: ", ")
            + " \(style.arrow) output \(channelsOut)\(style.sizes(conv.outputExtents.sizes))"
    }

    /// The transposed convolution in one line.
    public static func describe(_ layer: TransposedConvolution, style: TextStyle) -> String {
        var parts: [String] = []
        let channelled = layer.inChannels > 1 || layer.outChannels > 1
        let channelsIn = channelled ? "\(layer.inChannels) channel(s) of " : ""
        parts.append("input \(channelsIn)\(style.sizes(layer.inputExtents.sizes))")
        parts.append("kernel \(style.sizes(layer.kernelExtents.sizes))")
        parts.append("stride \(style.perAxis(layer.axes.map(\.stride)))")
        parts.append("padding \(style.padding(layer.axes.map(\.padding)))")
        if layer.axes.contains(where: { $0.dilation != 1 }) {
            parts.append("dilation \(style.perAxis(layer.axes.map(\.dilation)))")
        }
        if layer.axes.contains(where: { $0.outputPadding != 0 }) {
            parts.append("output padding \(style.perAxis(layer.axes.map(\.outputPadding)))")
        }
        if layer.groups != 1 { parts.append("groups \(layer.groups)") }
        if layer.orientation == .convolution { parts.append("kernel flipped") }
        let channelsOut = channelled ? "\(layer.outChannels) channel(s) of " : ""
        return parts.joined(separator: ", ")
            + " \(style.arrow) output \(channelsOut)\(style.sizes(layer.outputExtents.sizes))"
    }

    /// `0`, `1×2`, `same (0:1×1:1)`.
    static func paddingText(_ requested: PaddingSpec, resolved: [AxisPadding], style: TextStyle)
        -> String
    {
        switch requested {
        case .explicit: return style.padding(resolved)
        default: return "\(requested) (\(style.padding(resolved)))"
        }
    }

    /// Either kind of layer in one line.
    public static func describe(_ layer: Layer, style: TextStyle) -> String {
        switch layer {
        case .convolution(let conv): describe(conv, style: style)
        case .transposed(let transposed): describe(transposed, style: style)
        }
    }
}
