import ConvMatrix

/// The options that put figures into `derive`'s documents.
extension Options {
    static let figures = OptionDefinition(
        name: "figures", valueName: "<dir>",
        help:
            "Add the layer's figures: SVG files written to <dir> (Markdown links them; LaTeX also embeds them as TikZ)."
    )
    static let figureFrame = OptionDefinition(
        name: "figure-frame", valueName: "<N>",
        help: "With --figures in LaTeX: print frame N of each figure instead of all its frames.")
}

/// `derive --figures DIR`: the sliding, transposed and backward pictures beside the document.
/// Markdown gets an image per figure (an animated SVG written to DIR, linked by the path given);
/// LaTeX gets the TikZ small multiples of each figure (or one frame), and DIR the SVGs too.
enum DeriveFigures {
    /// `document` with the figures added (and their files written), or `document` unchanged
    /// without `--figures`. Everything is checked before the first file is written.
    static func attach(
        to document: String, conv: Convolution, format: DerivationRenderer.Format,
        language: NotesLanguage, standalone: Bool, arguments: ParsedArguments
    ) throws(UsageError) -> String {
        guard let directory = arguments.value(Options.figures) else {
            if arguments.value(Options.figureFrame) != nil {
                throw UsageError(
                    flag: "figure-frame", "chooses a frame of the figures; add --figures DIR")
            }
            return document
        }
        guard format != .text else {
            throw UsageError(
                flag: "figures", "figures go into latex or markdown documents, not text")
        }
        let frame = try arguments.value(Options.figureFrame).map { text throws(UsageError) in
            let n = try AxisListParser.single(text, flag: "figure-frame")
            guard n >= 1 else {
                throw UsageError(flag: "figure-frame", "frames are numbered from 1, got \(n)")
            }
            return n
        }
        if frame != nil && format != .latex {
            throw UsageError(
                flag: "figure-frame", "picks the frame LaTeX prints; Markdown links the animations")
        }
        let figures: [NotesFigures.Figure]
        let names = try arguments.symbolNames()
        do {
            figures = try NotesFigures.figures(conv, options: FrameOptions(names: names))
        } catch {
            throw UsageError(flag: "figures", "the layer cannot be drawn: \(error.message)")
        }
        for figure in figures where figure.picture.frameCount > PictureLimits.maxFrames {
            throw UsageError(
                flag: "figures",
                "the \(figure.name) figure has \(figure.picture.frameCount) frames, more than the \(PictureLimits.maxFrames) an animation shows; choose a smaller layer"
            )
        }
        if let frame, let short = figures.first(where: { frame > $0.picture.frameCount }) {
            throw UsageError(
                flag: "figure-frame",
                "the \(short.name) figure has \(short.picture.frameCount) frames (1…\(short.picture.frameCount)), got \(frame)"
            )
        }
        let kinds = try figures.map { figure throws(UsageError) in
            guard let kind = DerivationFigure(rawValue: figure.name) else {
                throw UsageError(flag: "figures", "no caption for the \(figure.name) figure")
            }
            return kind
        }
        let prefix = directory.hasSuffix("/") ? directory : directory + "/"
        do {
            try FileOutput.makeDirectory(directory)
            for figure in figures {
                let svg = AnimatedSVGWriter.svg(figure.picture, frameMilliseconds: 700)
                try FileOutput.write(Array(svg.utf8), to: "\(prefix)\(figure.name).svg")
            }
        } catch {
            throw UsageError(flag: "figures", "cannot write into '\(directory)': \(error.reason)")
        }
        switch format {
        case .markdown:
            let links = zip(kinds, figures).map { kind, figure in
                DerivationFigureSection.Link(kind, path: "\(prefix)\(figure.name).svg")
            }
            return DerivationFigureSection.markdown(
                document, figures: links, language: language)
        default:
            let pictures = zip(kinds, figures).map { kind, figure in
                latexPicture(kind, figure.picture, frame: frame)
            }
            return DerivationFigureSection.latex(
                document, figures: pictures, language: language, standalone: standalone)
        }
    }

    /// The TikZ of a figure for LaTeX: frame `frame` (from 1) if chosen, else the small multiples
    /// when there are few enough frames, else the first frame alone.
    private static func latexPicture(
        _ kind: DerivationFigure, _ picture: FramedPicture, frame: Int?
    ) -> DerivationFigureSection.Picture {
        if frame == nil && picture.frameCount <= PictureLimits.maxSmallMultiples {
            let tikz = TikZWriter.smallMultiples(picture, standalone: false)
                .replacing("% Needs \\usepackage{tikz} and \\usepackage{graphicx}.\n", with: "")
            return .init(kind, tikz: tikz, layout: .asIs)
        }
        let tikz = TikZWriter.tikz(picture.scene(frame: (frame ?? 1) - 1), standalone: false)
            .replacing("% Needs \\usepackage{tikz}.\n", with: "")
        return .init(kind, tikz: tikz, layout: .scaled)
    }
}
