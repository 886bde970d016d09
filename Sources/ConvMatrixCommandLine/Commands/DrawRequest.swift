import ConvMatrix

/// A checked `draw` command line: which picture of which layer, in which format. Everything is
/// validated here, before anything is drawn or written, so that bad input leaves no output.
struct DrawRequest {
    let picture: DrawCommand.Picture
    let format: DrawCommand.Format
    let standalone: Bool
    let frame: Int?
    let frameMilliseconds: Int
    let outputChannel: Int
    let options: FrameOptions
    let arguments: ParsedArguments

    /// Reads `arguments`; `binaryOutput` says whether standard output may take a GIF (it is
    /// no terminal, and takes bytes).
    init(_ arguments: ParsedArguments, binaryOutput: Bool) throws(UsageError) {
        self.arguments = arguments
        var picture = try arguments.choice(
            Options.drawPicture, default: DrawCommand.Picture.connectivity)
        standalone = arguments.has(Options.standalone)
        // --standalone asks for a LaTeX document, so it implies --format tikz.
        format = try arguments.choice(
            Options.drawFormat, default: standalone ? DrawCommand.Format.tikz : .svg)
        if standalone && format != .tikz {
            throw UsageError(
                flag: "standalone",
                "writes a LaTeX document of the TikZ picture; --format svg and gif are always whole files"
            )
        }
        if picture == .sliding && arguments.has(Options.transposed) {
            picture = .transposed
        }
        self.picture = picture
        if arguments.value(Options.view) != nil && picture != .transposed {
            throw UsageError(
                flag: "view",
                "chooses how a transposed convolution is drawn; use it with --picture transposed (or --transposed)"
            )
        }
        let framed = [.sliding, .transposed, .backward].contains(picture)
        for option in [
            Options.frame, Options.frameMilliseconds, Options.outputChannel, Options.labels,
        ]
        where !framed && arguments.value(option) != nil {
            throw UsageError(
                flag: option.name,
                "belongs to the frame pictures (--picture sliding, transposed or backward), not to \(picture.rawValue)"
            )
        }
        if !framed && format == .gif {
            throw UsageError(
                flag: "format",
                "gif animates the frame pictures (sliding, transposed, backward); \(picture.rawValue) is one picture, use svg or tikz"
            )
        }
        frame = try arguments.value(Options.frame).map { text throws(UsageError) in
            let n = try AxisListParser.single(text, flag: "frame")
            guard n >= 1 else {
                throw UsageError(flag: "frame", "frames are numbered from 1, got \(n)")
            }
            return n
        }
        if frame != nil && format == .gif {
            throw UsageError(flag: "frame", "a still frame is drawn as svg or tikz, not gif")
        }
        let milliseconds = try arguments.value(Options.frameMilliseconds).map {
            text throws(UsageError) in
            try AxisListParser.single(text, flag: "frame-ms")
        }
        if let milliseconds {
            guard (20...60000).contains(milliseconds) else {
                throw UsageError(
                    flag: "frame-ms", "must be 20…60000 milliseconds, got \(milliseconds)")
            }
            guard format != .tikz && frame == nil else {
                throw UsageError(
                    flag: "frame-ms",
                    "sets the pace of an animation (svg or gif), not of a still or TikZ")
            }
        }
        frameMilliseconds = milliseconds ?? 700
        if format == .gif && arguments.value(Options.outputFile) == nil && !binaryOutput {
            throw UsageError(flag: "output", Self.binaryRefusal)
        }
        outputChannel =
            try arguments.value(Options.outputChannel).map { text throws(UsageError) in
                try AxisListParser.single(text, flag: "output-channel")
            } ?? 0
        let labels = try arguments.choice(Options.labels, default: DrawCommand.Labels.auto)
        options = FrameOptions(
            names: try arguments.symbolNames(),
            labels: labels == .auto ? nil : labels == .symbols, kernelValues: nil)
        if !framed && arguments.value(Options.inputValues) != nil {
            throw UsageError(
                flag: "input-values",
                "is printed in the frame pictures (sliding, transposed, backward)")
        }
        if !framed && arguments.value(Options.kernelValues) != nil {
            throw UsageError(
                flag: "kernel-values",
                "is printed in the frame pictures (sliding, transposed, backward)")
        }
        if arguments.value(Options.seed) != nil && arguments.value(Options.kernelValues) != "random"
            && arguments.value(Options.inputValues) != "random"
        {
            throw UsageError(flag: "seed", "seeds --kernel-values random or --input-values random")
        }
    }

    /// Why a GIF is not written to standard output: as image tools do, not to a terminal.
    static let binaryRefusal =
        "a GIF is binary and standard output is a terminal; redirect it (> sliding.gif) or give the file, e.g. --output sliding.gif"

    /// The picture, as the bytes of the file; a GIF reports its frames to `progress`.
    func render(progress: ProgressSink = .silent) throws(UsageError) -> [UInt8] {
        let limits = try LayerOptions.limits(arguments)
        switch picture {
        case .connectivity, .sparsity:
            // With --transposed: the convolution the layer is the transpose of (its T is the layer).
            let conv = try LayerOptions.convolutionOrForward(arguments)
            let scene: PictureScene
            do {
                scene =
                    picture == .connectivity
                    ? try ConnectivityDiagram.scene(conv, names: options.names)
                    : try SparsityPattern.scene(conv, names: options.names)
            } catch {
                throw UsageError(error)
            }
            return Array(
                (format == .svg
                    ? SVGWriter.svg(scene) : TikZWriter.tikz(scene, standalone: standalone)).utf8)
        case .sliding:
            let conv = try LayerOptions.convolution(arguments)
            try checkChannel(conv.outChannels)
            try checkFrames(FrameCounts.sliding(conv), what: "output position")
            let values = try cellValues(
                conv.kernelLayout, channels: conv.inChannels, extents: conv.inputExtents)
            let picture: FramedPicture
            do {
                let model = try SlidingModel(conv, outputChannel: outputChannel, limits: limits)
                picture = SlidingPicture.picture(model, options: values, title: "")
            } catch {
                throw UsageError(error)
            }
            return try emit(picture, progress: progress)
        case .transposed:
            let transposed = try LayerOptions.transposedSubject(arguments)
            try checkChannel(transposed.outChannels)
            let view = try arguments.choice(Options.view, default: DrawCommand.View.equivalent)
            let values = try cellValues(
                transposed.kernelLayout, channels: transposed.inChannels,
                extents: transposed.inputExtents)
            switch view {
            case .equivalent:
                try checkFrames(
                    FrameCounts.transposedEquivalent(transposed), what: "output position")
            case .scatter:
                try checkFrames(
                    FrameCounts.transposedScatter(transposed), what: "input, and the overlap")
            }
            let picture: FramedPicture
            do {
                switch view {
                case .equivalent:
                    let model = try SlidingModel(
                        equivalentOf: transposed, outputChannel: outputChannel, limits: limits)
                    picture = SlidingPicture.picture(
                        model, options: values, title: "equivalent convolution")
                case .scatter:
                    let model = try ScatterModel(
                        transposed, outputChannel: outputChannel, limits: limits)
                    picture = ScatterPicture.picture(model, options: values)
                }
            } catch {
                throw UsageError(error)
            }
            return try emit(picture, progress: progress)
        case .backward:
            if arguments.has(Options.transposed) {
                throw UsageError(
                    flag: "transposed",
                    "backward draws a convolution (its ∂E/∂x is already a transposed convolution)")
            }
            let conv = try LayerOptions.convolution(arguments)
            try checkChannel(conv.outChannels)
            try checkFrames(FrameCounts.backward(conv), what: "output and kernel tap")
            let values = try cellValues(
                conv.kernelLayout, channels: conv.inChannels, extents: conv.inputExtents)
            let picture: FramedPicture
            do {
                let model = try BackwardModel(conv, outputChannel: outputChannel, limits: limits)
                picture = BackwardPicture.picture(model, options: values)
            } catch {
                throw UsageError(error)
            }
            return try emit(picture, progress: progress)
        }
    }

    /// Refuses a GIF that would encode more than ``GIFWriter/maxEncodedPixels``.
    private func checkGIF(_ picture: FramedPicture) throws(UsageError) {
        guard format == .gif, frame == nil else { return }
        let pixels = GIFWriter.encodedPixels(picture)
        guard pixels <= GIFWriter.maxEncodedPixels else {
            throw UsageError(
                flag: "format",
                "the GIF would encode \(pixels / 1_000_000) million pixels, more than the \(GIFWriter.maxEncodedPixels / 1_000_000) million a GIF is written in; use --format svg, draw one --frame N, or choose a smaller layer"
            )
        }
    }

    /// The picture in the chosen format (a frame exists: ``checkFrames`` ran).
    private func emit(_ picture: FramedPicture, progress: ProgressSink) throws(UsageError)
        -> [UInt8]
    {
        try checkGIF(picture)
        if format == .tikz && frame == nil {
            let elements = picture.frames.reduce(0) { $0 + picture.background.count + $1.count }
            guard elements <= PictureLimits.maxSmallMultipleElements else {
                throw UsageError(
                    flag: "frame",
                    "TikZ small multiples of this picture would draw \(elements) elements, more than the \(PictureLimits.maxSmallMultipleElements) pdflatex handles readably; draw one with --frame N, or use --format svg"
                )
            }
        }
        if let frame {
            let scene = picture.scene(frame: frame - 1)
            return Array(
                (format == .tikz
                    ? TikZWriter.tikz(scene, standalone: standalone) : SVGWriter.svg(scene)).utf8)
        }
        switch format {
        case .svg:
            return Array(AnimatedSVGWriter.svg(picture, frameMilliseconds: frameMilliseconds).utf8)
        case .tikz: return Array(TikZWriter.smallMultiples(picture, standalone: standalone).utf8)
        case .gif:
            return GIFWriter.gif(
                picture, frameMilliseconds: frameMilliseconds, progress: progress)
        }
    }

    /// Refuses a frame past the end, or more frames than the format shows.
    private func checkFrames(_ count: Int, what: String) throws(UsageError) {
        if let frame {
            guard frame <= count else {
                throw UsageError(
                    flag: "frame",
                    "the picture has \(count) frame\(count == 1 ? "" : "s") (1…\(count)), got \(frame)"
                )
            }
            guard count <= PictureLimits.maxCanvasCells else {
                throw UsageError(
                    flag: "input",
                    "the picture would have \(count) frames, more than the \(PictureLimits.maxCanvasCells) a picture can hold; choose a smaller layer"
                )
            }
            return
        }
        let limit = format == .tikz ? PictureLimits.maxSmallMultiples : PictureLimits.maxFrames
        guard count <= limit else {
            let kind = format == .tikz ? "small multiples TikZ prints" : "frames an animation shows"
            throw UsageError(
                flag: "frame",
                "the picture has \(count) frames (one per \(what)), more than the \(limit) \(kind); draw one with --frame N or choose a smaller layer"
            )
        }
    }

    private func checkChannel(_ count: Int) throws(UsageError) {
        guard outputChannel >= 0 && outputChannel < count else {
            throw UsageError(
                flag: "output-channel",
                "the layer has \(count) output channel\(count == 1 ? "" : "s") (0…\(count - 1)), got \(outputChannel)"
            )
        }
    }

    /// The options with `--kernel-values` and `--input-values` as text.
    private func cellValues(_ layout: KernelLayout, channels: Int, extents: Extents)
        throws(UsageError) -> FrameOptions
    {
        var generator = SplitMix64(seed: try ValueOptions.seed(arguments))
        var result = options
        if let values = try ValueOptions.kernelValues(
            arguments, layout: layout, generator: &generator)
        {
            result.kernelValues = values.values.map(\.description)
        }
        if arguments.value(Options.inputValues) != nil {
            result.inputValues = try ValueOptions.inputValues(
                arguments, channels: channels, extents: extents, generator: &generator
            ).values.map(\.description)
        }
        return result
    }
}
