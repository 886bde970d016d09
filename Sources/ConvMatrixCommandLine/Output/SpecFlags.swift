import ConvMatrix

/// Writes a layer back as the command-line flags that describe it, leaving defaults out, so a
/// report can say "the transpose of `--input 5x5 --kernel 3x3 --stride 2`".
enum SpecFlags {
    /// The flags of a convolution.
    static func flags(for conv: Convolution) -> String {
        var parts = [
            "--input \(axes(conv.inputExtents.sizes))",
            "--kernel \(axes(conv.kernelExtents.sizes))",
        ]
        let strides = conv.axes.map(\.stride)
        if strides.contains(where: { $0 != 1 }) { parts.append("--stride \(perAxis(strides))") }
        let paddings = conv.axes.map(\.padding)
        if paddings.contains(where: { $0 != AxisPadding(0) }) {
            parts.append("--padding \(padding(paddings))")
        }
        let dilations = conv.axes.map(\.dilation)
        if dilations.contains(where: { $0 != 1 }) {
            parts.append("--dilation \(perAxis(dilations))")
        }
        if conv.inChannels != 1 { parts.append("--in-channels \(conv.inChannels)") }
        if conv.outChannels != 1 { parts.append("--out-channels \(conv.outChannels)") }
        if conv.groups != 1 { parts.append("--groups \(conv.groups)") }
        if conv.paddingMode != .zeros {
            parts.append("--padding-mode \(conv.paddingMode.rawValue)")
        }
        if conv.orientation == .convolution { parts.append("--flip") }
        return parts.joined(separator: " ")
    }

    /// The flags of a transposed convolution (for `convmatrix transpose`).
    static func flags(for layer: TransposedConvolution) -> String {
        var parts = [
            "--input \(axes(layer.inputExtents.sizes))",
            "--kernel \(axes(layer.kernelExtents.sizes))",
        ]
        let strides = layer.axes.map(\.stride)
        if strides.contains(where: { $0 != 1 }) { parts.append("--stride \(perAxis(strides))") }
        let paddings = layer.axes.map(\.padding)
        if paddings.contains(where: { $0 != AxisPadding(0) }) {
            parts.append("--padding \(padding(paddings))")
        }
        let dilations = layer.axes.map(\.dilation)
        if dilations.contains(where: { $0 != 1 }) {
            parts.append("--dilation \(perAxis(dilations))")
        }
        let outputPaddings = layer.axes.map(\.outputPadding)
        if outputPaddings.contains(where: { $0 != 0 }) {
            parts.append("--output-padding \(perAxis(outputPaddings))")
        }
        if layer.inChannels != 1 { parts.append("--in-channels \(layer.inChannels)") }
        if layer.outChannels != 1 { parts.append("--out-channels \(layer.outChannels)") }
        if layer.groups != 1 { parts.append("--groups \(layer.groups)") }
        if layer.orientation == .convolution { parts.append("--flip") }
        return parts.joined(separator: " ")
    }

    private static func axes(_ values: [Int]) -> String {
        values.map(String.init).joined(separator: "x")
    }
    private static func perAxis(_ values: [Int]) -> String {
        Set(values).count == 1 ? "\(values[0])" : axes(values)
    }
    private static func padding(_ values: [AxisPadding]) -> String {
        Set(values).count == 1
            ? values[0].description : values.map(\.description).joined(separator: "x")
    }
}
