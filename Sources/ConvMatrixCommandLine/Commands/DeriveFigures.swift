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
    /// The figures' captions by language.
    static let captions: [String: [String: String]] = [
        "en": [
            "heading": "Figures",
            "sliding": "The kernel sliding over the input, one frame per output.",
            "transposed-equivalent":
                "The transposed convolution as a direct convolution over the zero-inserted input.",
            "transposed-scatter":
                "The transposed convolution as a scatter, one frame per input; last, how many inputs reach each output.",
            "backward":
                "The backward pass: δ scattered through the kernel, then δ correlated with the input.",
        ],
        "es": [
            "heading": "Figuras",
            "sliding": "El kernel deslizándose sobre la entrada, un cuadro por salida.",
            "transposed-equivalent":
                "La convolución transpuesta como convolución directa sobre la entrada con ceros insertados.",
            "transposed-scatter":
                "La convolución transpuesta como dispersión, un cuadro por entrada; al final, cuántas entradas llegan a cada salida.",
            "backward":
                "La retropropagación: δ dispersada por el kernel, luego δ correlacionada con la entrada.",
        ],
    ]

    /// `document` with the figures added (and their files written), or `document` unchanged
    /// without `--figures`. Everything is checked before the first file is written.
    static func attach(
        to document: String, conv: Convolution, format: DerivationRenderer.Format,
        language: String, standalone: Bool, arguments: ParsedArguments
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
        let text = captions[language] ?? captions["en"] ?? [:]
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
            var out = document.hasSuffix("\n") ? document : document + "\n"
            out += "\n## \(text["heading"] ?? "Figures")\n\n"
            for figure in figures {
                out += "![\(text[figure.name] ?? figure.name)](\(prefix)\(figure.name).svg)\n\n"
                out += "*\(text[figure.name] ?? figure.name)*\n\n"
            }
            return out
        default:
            var body = "\\section*{\(text["heading"] ?? "Figures")}\n"
            for figure in figures {
                let tikz: String
                if let frame {
                    tikz = TikZWriter.tikz(
                        figure.picture.scene(frame: frame - 1), standalone: false
                    )
                    .replacing("% Needs \\usepackage{tikz}.\n", with: "")
                    body +=
                        "\\begin{center}\n\\resizebox{0.6\\textwidth}{!}{%\n\(tikz)}\n\\end{center}\n"
                } else if figure.picture.frameCount <= PictureLimits.maxSmallMultiples {
                    tikz = TikZWriter.smallMultiples(figure.picture, standalone: false)
                        .replacing(
                            "% Needs \\usepackage{tikz} and \\usepackage{graphicx}.\n", with: "")
                    body += tikz
                } else {
                    tikz = TikZWriter.tikz(figure.picture.scene(frame: 0), standalone: false)
                        .replacing("% Needs \\usepackage{tikz}.\n", with: "")
                    body +=
                        "\\begin{center}\n\\resizebox{0.6\\textwidth}{!}{%\n\(tikz)}\n\\end{center}\n"
                }
                body +=
                    "\\par\\noindent\\emph{\(LaTeXProse.escape(text[figure.name] ?? figure.name))}\\par\\bigskip\n"
            }
            guard standalone, let end = document.ranges(of: "\\end{document}").last
            else {
                return document + "% Needs \\usepackage{tikz} and \\usepackage{graphicx}.\n" + body
            }
            var out = document
            out.replaceSubrange(end, with: body + "\\end{document}")
            if let amsmath = out.firstRange(of: "\\usepackage{amsmath}\n") {
                out.insert(
                    contentsOf: "\\usepackage{graphicx}\n\\usepackage{tikz}\n",
                    at: amsmath.upperBound)
            }
            return out
        }
    }
}
