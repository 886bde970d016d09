import ConvMatrix

/// `convmatrix shape`: the output-size arithmetic with the numbers filled in.
struct ShapeCommand: Command {
    let name = "shape"
    let abstract = "Show the output-size arithmetic of a convolution step by step."
    let discussion = """
        Warns (without failing) when the stride leaves input positions no window reaches.
        Also lists the output sizes a transposed layer back to this input can have (s per axis)
        and what selects each: PyTorch's output_padding, TensorFlow's output_shape, Keras's and
        ONNX's output_padding (see 'convmatrix frameworks').

        EXAMPLES:
          convmatrix shape --input 5x5 --kernel 3x3 --stride 2
          convmatrix shape --input 4x4 --kernel 2x2 --stride 3
          convmatrix shape --input 7x7 --kernel 3x3 --stride 2 --padding same --same-rule tensorflow
          convmatrix shape --transposed --input 16x16 --kernel 4x4 --stride 2 --padding 1
        """
    let options = Options.layer + [Options.ascii]

    func run(_ arguments: ParsedArguments, output: inout some TextOutputStream) throws(UsageError)
        -> CommandResult
    {
        let style = TextStyle(ascii: arguments.has(Options.ascii))
        switch try LayerOptions.layer(arguments, counted: false) {
        case .convolution(let conv):
            let report = ShapeReport(conv, style: style)
            for line in report.lines { output.write(line + "\n") }
            let back = FrameworkGeometry(conv).transposedCounterpart
            for line in FrameworksTextWriter.validSizesLines(
                back, ascii: style.ascii, wholeLayer: Hints.wholeLayer)
            {
                output.write(line + "\n")
            }
            return CommandResult(exitCode: 0, warnings: report.warnings)
        case .transposed(let layer):
            output.write(
                "Transposed convolution: \(LayerDescription.describe(layer, style: style))\n")
            for line in TransposedShapeReport(layer, style: style).lines {
                output.write(line + "\n")
            }
            for line in FrameworksTextWriter.validSizesLines(
                FrameworkGeometry(layer), ascii: style.ascii, wholeLayer: Hints.wholeLayer)
            {
                output.write(line + "\n")
            }
            return CommandResult()
        }
    }
}
