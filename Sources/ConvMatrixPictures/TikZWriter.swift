/// Writes a ``PictureScene`` as a TikZ picture for pdflatex: one `tikzpicture` with
/// `x = 1pt, y = −1pt` (so the scene's downward y is kept), the palette colours defined with
/// `\definecolor`, and labels as math. With `standalone`, a complete document on the paper and
/// fonts of `derive`'s notes (10 pt `article` on A4, T1 fonts, 1.3 cm margins) that scales the
/// picture to the text width.
public enum TikZWriter {
    /// The TikZ source for `scene`.
    public static func tikz(_ scene: PictureScene, standalone: Bool) -> String {
        var out = standalone ? preamble : "% Needs \\usepackage{tikz} and \\usepackage{amsmath}.\n"
        out += colorDefinitions(scene.primitives)
        if standalone { out += "\\noindent\\resizebox{\\textwidth}{!}{%\n" }
        out += picture(scene)
        if standalone { out += "}\n\\end{document}\n" }
        return out
    }

    /// The start of a standalone document: `derive`'s paper and fonts, plus TikZ.
    static let preamble = """
        \\documentclass[10pt,a4paper]{article}
        \\usepackage[utf8]{inputenc}
        \\usepackage[T1]{fontenc}
        \\usepackage{amsmath}
        \\usepackage[margin=1.3cm]{geometry}
        \\usepackage{graphicx}
        \\usepackage{tikz}
        \\pagestyle{empty}
        \\begin{document}

        """

    /// `\definecolor` lines for every colour `primitives` use.
    static func colorDefinitions(_ primitives: [PictureScene.Primitive]) -> String {
        var out = ""
        for color in colorsUsed(primitives) {
            out += "\\definecolor{cm\(TapPalette.hex(color))}{HTML}{\(TapPalette.hex(color))}\n"
        }
        return out
    }

    /// The `tikzpicture` environment of `scene` (colours defined elsewhere).
    static func picture(_ scene: PictureScene) -> String {
        var out = "\\begin{tikzpicture}[x=1pt,y=-1pt]\n"
        out += "\\useasboundingbox (0,0) rectangle (\(n(scene.width)),\(n(scene.height)));\n"
        var index = 0
        let primitives = scene.primitives
        while index < primitives.count {
            // Runs of lines of one colour and width, or of filled rectangles of one colour, are
            // drawn as one path: far fewer TikZ commands for large pictures.
            switch primitives[index] {
            case .line(_, _, _, _, let color, let width):
                var segments: [String] = []
                while index < primitives.count,
                    case .line(let x1, let y1, let x2, let y2, color, width) = primitives[index]
                {
                    segments.append("(\(n(x1)),\(n(y1))) -- (\(n(x2)),\(n(y2)))")
                    index += 1
                }
                out +=
                    "\\draw[draw=\(name(color)),line width=\(n(width))pt] "
                    + segments.joined(separator: "\n  ") + ";\n"
                continue
            case .rectangle(_, _, _, _, let fill?, nil):
                var boxes: [String] = []
                while index < primitives.count,
                    case .rectangle(let x, let y, let w, let h, fill, nil) = primitives[index]
                {
                    boxes.append("(\(n(x)),\(n(y))) rectangle (\(n(x + w)),\(n(y + h)))")
                    index += 1
                }
                out += "\\fill[\(name(fill))] " + boxes.joined(separator: "\n  ") + ";\n"
                continue
            case .rectangle(let x, let y, let w, let h, let fill, let stroke):
                var style: [String] = []
                if let fill { style.append("fill=\(name(fill))") }
                if let stroke { style.append("draw=\(name(stroke)),line width=0.5pt") }
                let command = fill == nil ? "\\draw" : "\\filldraw"
                out +=
                    "\(command)[\(style.joined(separator: ","))] (\(n(x)),\(n(y))) rectangle (\(n(x + w)),\(n(y + h)));\n"
            case .dashedRectangle(let x, let y, let w, let h, let stroke):
                out +=
                    "\\draw[draw=\(name(stroke)),line width=0.8pt,dash pattern=on 3pt off 2pt] (\(n(x)),\(n(y))) rectangle (\(n(x + w)),\(n(y + h)));\n"
            case .outline(let x, let y, let w, let h, let stroke, let lineWidth):
                out +=
                    "\\draw[draw=\(name(stroke)),line width=\(n(lineWidth))pt] (\(n(x)),\(n(y))) rectangle (\(n(x + w)),\(n(y + h)));\n"
            case .circle(let x, let y, let r, let fill, let stroke):
                out +=
                    "\\filldraw[fill=\(name(fill)),draw=\(name(stroke)),line width=0.8pt] (\(n(x)),\(n(y))) circle[radius=\(n(r))];\n"
            case .label(let x, let y, let latex, _, let size, let anchor):
                let anchorText = anchor == .center ? "" : ",anchor=west"
                out +=
                    "\\node[inner sep=0pt,font=\\fontsize{\(n(size))}{\(n(size * 1.2))}\\selectfont\(anchorText)] at (\(n(x)),\(n(y))) {$\(latex)$};\n"
            case .verticalLabel(let x, let y, let latex, _, let size):
                out +=
                    "\\node[inner sep=0pt,rotate=90,font=\\fontsize{\(n(size))}{\(n(size * 1.2))}\\selectfont] at (\(n(x)),\(n(y))) {$\(latex)$};\n"
            }
            index += 1
        }
        return out + "\\end{tikzpicture}\n"
    }

    private static func n(_ x: Double) -> String { SVGWriter.number(x) }

    private static func name(_ color: PictureScene.Color) -> String { "cm" + TapPalette.hex(color) }

    /// Every colour `primitives` use, in a fixed order.
    static func colorsUsed(_ primitives: [PictureScene.Primitive]) -> [PictureScene.Color] {
        var seen = Set<String>()
        var result: [PictureScene.Color] = []
        func add(_ c: PictureScene.Color?) {
            guard let c, seen.insert(TapPalette.hex(c)).inserted else { return }
            result.append(c)
        }
        for primitive in primitives {
            switch primitive {
            case .line(_, _, _, _, let c, _): add(c)
            case .rectangle(_, _, _, _, let f, let s):
                add(f)
                add(s)
            case .circle(_, _, _, let f, let s):
                add(f)
                add(s)
            case .dashedRectangle(_, _, _, _, let s), .outline(_, _, _, _, let s, _): add(s)
            case .label, .verticalLabel: continue
            }
        }
        return result
    }
}
