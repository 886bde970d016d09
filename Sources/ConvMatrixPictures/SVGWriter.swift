/// Writes a ``PictureScene`` as a standalone SVG 1.1 document (well-formed XML, UTF-8, no
/// external references). Numbers are printed with at most two decimals, so output is
/// deterministic.
public enum SVGWriter {
    /// The SVG document for `scene`.
    public static func svg(_ scene: PictureScene) -> String {
        var out = header(width: scene.width, height: scene.height)
        for primitive in scene.primitives { out += element(primitive) }
        return out + "</svg>\n"
    }

    /// The XML declaration, the `<svg>` start tag and a white background.
    static func header(width: Double, height: Double) -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="\(number(width))" height="\(number(height))" viewBox="0 0 \(number(width)) \(number(height))">
        <rect x="0" y="0" width="\(number(width))" height="\(number(height))" fill="#FFFFFF"/>

        """
    }

    /// One primitive as an SVG element, ending in a newline.
    static func element(_ primitive: PictureScene.Primitive) -> String {
        switch primitive {
        case .line(let x1, let y1, let x2, let y2, let color, let width):
            return
                "<line x1=\"\(number(x1))\" y1=\"\(number(y1))\" x2=\"\(number(x2))\" y2=\"\(number(y2))\" stroke=\"#\(TapPalette.hex(color))\" stroke-width=\"\(number(width))\"/>\n"
        case .rectangle(let x, let y, let w, let h, let fill, let stroke):
            let fillText = fill.map { "#" + TapPalette.hex($0) } ?? "none"
            let strokeText = stroke.map { "#" + TapPalette.hex($0) } ?? "none"
            return
                "<rect x=\"\(number(x))\" y=\"\(number(y))\" width=\"\(number(w))\" height=\"\(number(h))\" fill=\"\(fillText)\" stroke=\"\(strokeText)\" stroke-width=\"0.5\"/>\n"
        case .dashedRectangle(let x, let y, let w, let h, let stroke):
            return
                "<rect x=\"\(number(x))\" y=\"\(number(y))\" width=\"\(number(w))\" height=\"\(number(h))\" fill=\"none\" stroke=\"#\(TapPalette.hex(stroke))\" stroke-width=\"0.8\" stroke-dasharray=\"3 2\"/>\n"
        case .outline(let x, let y, let w, let h, let stroke, let lineWidth):
            return
                "<rect x=\"\(number(x))\" y=\"\(number(y))\" width=\"\(number(w))\" height=\"\(number(h))\" fill=\"none\" stroke=\"#\(TapPalette.hex(stroke))\" stroke-width=\"\(number(lineWidth))\"/>\n"
        case .circle(let x, let y, let r, let fill, let stroke):
            return
                "<circle cx=\"\(number(x))\" cy=\"\(number(y))\" r=\"\(number(r))\" fill=\"#\(TapPalette.hex(fill))\" stroke=\"#\(TapPalette.hex(stroke))\" stroke-width=\"0.8\"/>\n"
        case .label(let x, let y, _, let text, let size, let anchor):
            let anchorText = anchor == .center ? "middle" : "start"
            return
                "<text x=\"\(number(x))\" y=\"\(number(y))\" font-family=\"sans-serif\" font-size=\"\(number(size))\" text-anchor=\"\(anchorText)\" dominant-baseline=\"central\">\(escape(text))</text>\n"
        case .verticalLabel(let x, let y, _, let text, let size):
            return
                "<text x=\"0\" y=\"0\" transform=\"translate(\(number(x)) \(number(y))) rotate(-90)\" font-family=\"sans-serif\" font-size=\"\(number(size))\" text-anchor=\"middle\" dominant-baseline=\"central\">\(escape(text))</text>\n"
        }
    }

    /// `x` with at most two decimals and no trailing zeros.
    static func number(_ x: Double) -> String {
        let hundredths = Int((x * 100).rounded())
        let sign = hundredths < 0 ? "-" : ""
        let magnitude = abs(hundredths)
        let whole = magnitude / 100
        let fraction = magnitude % 100
        if fraction == 0 { return "\(sign)\(whole)" }
        if fraction % 10 == 0 { return "\(sign)\(whole).\(fraction / 10)" }
        return "\(sign)\(whole).\(fraction < 10 ? "0" : "")\(fraction)"
    }

    /// Text with XML's special characters escaped.
    static func escape(_ text: String) -> String {
        var out = ""
        for c in text {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.append(c)
            }
        }
        return out
    }
}
