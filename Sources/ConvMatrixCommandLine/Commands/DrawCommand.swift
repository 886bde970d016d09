import ConvMatrix

/// `convmatrix draw`: the connectivity diagram, U's sparsity pattern, or the frame pictures (the
/// sliding kernel, the transposed convolution in two views, the backward pass) as SVG, GIF or
/// TikZ.
struct DrawCommand: ConsoleCommand {
    /// The pictures `draw` knows.
    enum Picture: String, Sendable, CaseIterable {
        case connectivity, sparsity, sliding, transposed, backward
    }

    /// The picture formats.
    enum Format: String, Sendable, CaseIterable {
        case svg, gif, tikz
    }

    /// The views of a transposed convolution.
    enum View: String, Sendable, CaseIterable {
        case equivalent, scatter
    }

    /// Cell labels.
    enum Labels: String, Sendable, CaseIterable {
        case auto, symbols, none
    }

    let name = "draw"
    let abstract =
        "Draw a layer: the sliding kernel, its transposed convolution, the backward pass, connectivity or U's sparsity pattern."
    let discussion = """
        sliding: one frame per output position — the kernel window over the padded input, the
        output being computed. transposed: the transposed convolution of the layer (or, with
        --transposed, the transposed layer the flags describe), as the equivalent direct
        convolution over the zero-inserted input (--view equivalent) or one frame per input
        scattered onto the output, ending with the overlap counts (--view scatter). backward:
        ∂E/∂x as δ scattered through the kernel, then ∂E/∂k as the correlation of x with δ.
        connectivity: which inputs feed which output through which tap. sparsity: U's non-zero
        cells coloured by tap, rows and columns labelled.
        Frame pictures are animated SVG (no script) or GIF, TikZ small multiples, or one frame
        with --frame N. Tap colours are the same in every picture (docs/pictures.md).

        EXAMPLES:
          convmatrix draw --input 5x5 --kernel 3x3 --stride 2 --picture sliding > sliding.svg
          convmatrix draw --input 5x5 --kernel 3x3 --stride 2 --picture transposed --view scatter --format gif > scatter.gif
          convmatrix draw --input 5x5 --kernel 3x3 --stride 2 --picture backward --format tikz --standalone
        """
    let options =
        Options.layer + [
            Options.names, Options.indexBase, Options.drawPicture,
            Options.drawFormat, Options.view, Options.frame, Options.frameMilliseconds,
            Options.outputChannel, Options.labels, Options.kernelValues, Options.inputValues,
            Options.seed,
            Options.standalone, Options.outputFile, Options.maxMemory, Options.quiet,
        ]

    func run(
        _ arguments: ParsedArguments, output: inout some TextOutputStream, console: Console
    ) throws(UsageError) -> CommandResult {
        // A GIF goes to standard output when that takes bytes and is not a terminal.
        let request = try DrawRequest(
            arguments,
            binaryOutput: !console.outputIsTerminal && BinaryOutput.accepts(output))
        let progress = progressLine(arguments, console: console)
        defer { progress.end() }
        let rendered = try request.render(progress: progress.sink)
        if let path = arguments.value(Options.outputFile) {
            do {
                try FileOutput.write(rendered, to: path)
            } catch {
                throw UsageError(flag: "output", "cannot write '\(path)': \(error.reason)")
            }
        } else if request.format == .gif {
            guard BinaryOutput.write(rendered, to: &output) else {
                throw UsageError(flag: "output", DrawRequest.binaryRefusal)
            }
        } else {
            output.write(String(decoding: rendered, as: UTF8.self))
        }
        return CommandResult()
    }
}
