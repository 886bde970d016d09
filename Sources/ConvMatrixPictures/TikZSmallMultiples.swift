extension TikZWriter {
    /// Every frame of `picture` as TikZ small multiples for print: one `tikzpicture` per frame,
    /// each scaled to a column of the text width (three columns, two for wide pictures, fewer
    /// for fewer frames), rows separated by a small skip. Numbered by the captions the frames
    /// carry. With `standalone`, a complete document on `derive`'s paper and fonts.
    public static func smallMultiples(_ picture: FramedPicture, standalone: Bool) -> String {
        var out =
            standalone
            ? preamble
            : "% Needs \\usepackage{tikz}, \\usepackage{amsmath} and \\usepackage{graphicx}.\n"
        out += colorDefinitions(picture.background + picture.frames.flatMap { $0 })
        let columns = min(max(1, picture.frameCount), picture.width > 420 ? 2 : 3)
        let gap = 0.02
        let share = (1.0 - gap * Double(columns - 1)) / Double(columns)
        let width = "\(SVGWriter.number(share))\\textwidth"
        out += "\\noindent\n"
        for index in 0..<picture.frameCount {
            if index > 0 {
                out +=
                    index % columns == 0
                    ? "\\par\\medskip\\noindent\n"
                    : "\\hspace{\(SVGWriter.number(gap))\\textwidth}%\n"
            }
            out += "\\resizebox{\(width)}{!}{%\n"
            out += self.picture(picture.scene(frame: index))
            out += "}%\n"
        }
        out += "\\par\n"
        if standalone { out += "\\end{document}\n" }
        return out
    }
}
