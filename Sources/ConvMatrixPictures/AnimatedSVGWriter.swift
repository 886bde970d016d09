/// Writes a ``FramedPicture`` as an animated SVG that needs no script: the background once, then
/// one `<g>` per frame whose `visibility` a SMIL `<animate>` switches on for its slot of the
/// cycle (`calcMode="discrete"`, `repeatCount="indefinite"`). Browsers play SMIL in a page, in
/// an `<img>` (GitHub's Markdown) and in Jupyter; programs without animation (rsvg-convert,
/// print) show frame 0, the only group visible before the animation starts.
public enum AnimatedSVGWriter {
    /// The SVG document, each frame shown for `frameMilliseconds`.
    public static func svg(_ picture: FramedPicture, frameMilliseconds: Int) -> String {
        var out = SVGWriter.header(width: picture.width, height: picture.height)
        for primitive in picture.background { out += SVGWriter.element(primitive) }
        let count = picture.frameCount
        let duration = max(1, frameMilliseconds) * count
        for (index, frame) in picture.frames.enumerated() {
            out += "<g visibility=\"\(index == 0 ? "visible" : "hidden")\">\n"
            if count > 1 {
                out +=
                    "<animate attributeName=\"visibility\" calcMode=\"discrete\" dur=\"\(duration)ms\" repeatCount=\"indefinite\" \(timing(index, count))/>\n"
            }
            for primitive in frame { out += SVGWriter.element(primitive) }
            out += "</g>\n"
        }
        return out + "</svg>\n"
    }

    /// `keyTimes` and `values` that make frame `index` of `count` visible during
    /// `[index/count, (index+1)/count)` of the cycle and hidden otherwise.
    static func timing(_ index: Int, _ count: Int) -> String {
        let start = fraction(index, count)
        let end = fraction(index + 1, count)
        if index == 0 { return "keyTimes=\"0;\(end)\" values=\"visible;hidden\"" }
        if index == count - 1 { return "keyTimes=\"0;\(start)\" values=\"hidden;visible\"" }
        return "keyTimes=\"0;\(start);\(end)\" values=\"hidden;visible;hidden\""
    }

    /// `a/b` with six decimals.
    static func fraction(_ a: Int, _ b: Int) -> String {
        let millionths = (a * 1_000_000 + b / 2) / b
        let whole = millionths / 1_000_000
        var digits = String(millionths % 1_000_000)
        digits = String(repeating: "0", count: 6 - digits.count) + digits
        while digits.hasSuffix("0") { digits.removeLast() }
        return digits.isEmpty ? "\(whole)" : "\(whole).\(digits)"
    }
}
