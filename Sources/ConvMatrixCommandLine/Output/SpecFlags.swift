import ConvMatrix

/// Writes a layer back as the command-line flags that describe it, leaving defaults out, so a
/// report can say "the transpose of `--input 5x5 --kernel 3x3 --stride 2`".
enum SpecFlags {
    /// The flags of a convolution.
    static func flags(for conv: Convolution) -> String {
        flags(
            input: conv.inputExtents.sizes, kernel: conv.kernelExtents.sizes,
            axes: conv.axes.map { ($0.stride, $0.padding, $0.dilation) }, outputPadding: nil,
            channels: (conv.inChannels, conv.outChannels, conv.groups),
            paddingMode: conv.paddingMode, flipped: conv.orientation == .convolution)
    }

    /// The flags of a transposed convolution (for `convmatrix transpose`).
    static func flags(for layer: TransposedConvolution) -> String {
        flags(
            input: layer.inputExtents.sizes, kernel: layer.kernelExtents.sizes,
            axes: layer.axes.map { ($0.stride, $0.padding, $0.dilation) },
            outputPadding: layer.axes.map(\.outputPadding),
            channels: (layer.inChannels, layer.outChannels, layer.groups), paddingMode: nil,
            flipped: layer.orientation == .convolution)
    }

    /// The flags of either layer, in the order help lists them, each left out at its default
    /// (`--output-padding` only for a transposed layer, `--padding-mode` only for a
    /// convolution: a transposed layer crops).
    private static func flags(
        input: [Int], kernel: [Int], axes: [(stride: Int, padding: AxisPadding, dilation: Int)],
        outputPadding: [Int]?, channels: (in: Int, out: Int, groups: Int),
        paddingMode: PaddingMode?, flipped: Bool
    ) -> String {
        var parts = ["--input \(Self.axes(input))", "--kernel \(Self.axes(kernel))"]
        let strides = axes.map(\.stride)
        if strides.contains(where: { $0 != 1 }) { parts.append("--stride \(perAxis(strides))") }
        let paddings = axes.map(\.padding)
        if paddings.contains(where: { $0 != AxisPadding(0) }) {
            parts.append("--padding \(padding(paddings))")
        }
        let dilations = axes.map(\.dilation)
        if dilations.contains(where: { $0 != 1 }) {
            parts.append("--dilation \(perAxis(dilations))")
        }
        if let outputPadding, outputPadding.contains(where: { $0 != 0 }) {
            parts.append("--output-padding \(perAxis(outputPadding))")
        }
        if channels.in != 1 { parts.append("--in-channels \(channels.in)") }
        if channels.out != 1 { parts.append("--out-channels \(channels.out)") }
        if channels.groups != 1 { parts.append("--groups \(channels.groups)") }
        if let paddingMode, paddingMode != .zeros {
            parts.append("--padding-mode \(paddingMode.rawValue)")
        }
        if flipped { parts.append("--flip") }
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
