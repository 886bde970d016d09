/// The options of `draw` (pictures).
extension Options {
    static let drawPicture = OptionDefinition(
        name: "picture", choices: DrawCommand.Picture.self,
        help:
            "Which picture: connectivity (default), U's sparsity pattern, the sliding kernel, the transposed convolution (--view), or the backward pass."
    )
    static let drawFormat = OptionDefinition(
        name: "format", choices: DrawCommand.Format.self,
        help:
            "svg (default; animated for frame pictures), gif (animated; to a file or pipe, not a terminal), or tikz (small multiples)."
    )
    static let view = OptionDefinition(
        name: "view", choices: DrawCommand.View.self,
        help:
            "How a transposed convolution is drawn: the equivalent direct convolution over the zero-inserted input (default), or each input scattered onto the output."
    )
    static let frame = OptionDefinition(
        name: "frame", valueName: "<N>",
        help: "Draw only frame N (1 is the first) as a still, in svg or tikz.")
    static let frameMilliseconds = OptionDefinition(
        name: "frame-ms", valueName: "<ms>",
        help: "How long each frame of an animation shows, 20…60000 ms (default 700).")
    static let outputChannel = OptionDefinition(
        name: "output-channel", valueName: "<o>",
        help: "The output channel drawn; its group's input channels are stacked (default 0).")
    static let labels = OptionDefinition(
        name: "labels", choices: DrawCommand.Labels.self,
        help: "Symbols in the cells: when they fit (auto, default), always, or never.")
    static let outputFile = OptionDefinition(
        name: "output", valueName: "<file>",
        help:
            "Write the picture to this file instead of standard output (a gif needs it when standard output is a terminal)."
    )
}
