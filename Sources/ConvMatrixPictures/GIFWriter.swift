import ConvMatrixCore

/// Writes a ``FramedPicture`` as an animated GIF89a, encoded by the project: one global palette
/// (the colours the picture uses, plus a transparent index), the NETSCAPE2.0 extension looping
/// forever, and per frame a graphic control extension (delay, "do not dispose") and an image.
///
/// Frame 0 is the whole picture. Every later frame holds only the rectangle where it differs from
/// the frame before, with unchanged pixels transparent, so a 576-frame animation of a 28×28 input
/// stays small. Pixels are 1 pt; labels use `BitmapFont`.
public enum GIFWriter {
    /// The most pixels a GIF may encode (frame 0 whole, then each frame's changed rectangle):
    /// about 0.3 s of work in a release build (≈ 15–20 ns a pixel, docs/performance.md). ``encodedPixels(_:)`` counts them before
    /// encoding, so that a picture beyond is refused rather than slow.
    public static let maxEncodedPixels = 20_000_000

    /// Whether the frames keep their captions: only small pictures (drawn at twice the size)
    /// with at most 100 frames do. Elsewhere the caption would widen every frame's changed
    /// rectangle to the top corner, and the current output cell is marked anyway.
    static func keepsCaptions(_ picture: FramedPicture) -> Bool {
        picture.frameCount <= 100 && picture.width <= 420
    }

    /// An upper bound on the pixels ``gif(_:frameMilliseconds:progress:)`` encodes for `picture`: the
    /// whole first frame, then per frame the rectangle around what it and the frame before draw.
    public static func encodedPixels(_ picture: FramedPicture) -> Int {
        let factor = picture.width <= 420 ? 2.0 : 1.0
        let width = Int((picture.width * factor).rounded(.up))
        let height = Int((picture.height * factor).rounded(.up))
        let captioned = keepsCaptions(picture)
        var total = width * height
        var previous = Raster.Box.empty
        for (index, frame) in picture.frames.enumerated() {
            var box = Raster.Box.empty
            for primitive in frame where captioned || !FrameStyle.isCaption(primitive) {
                let b = bounds(primitive)
                box = box.union(
                    Raster.Box(
                        x0: Int(Double(b.x0) * factor), y0: Int(Double(b.y0) * factor),
                        x1: Int(Double(b.x1) * factor), y1: Int(Double(b.y1) * factor)))
            }
            if index > 0 {
                let both = box.union(previous)
                let clipped = Raster.Box(
                    x0: max(0, both.x0), y0: max(0, both.y0), x1: min(width, both.x1),
                    y1: min(height, both.y1))
                if !clipped.isEmpty {
                    total += (clipped.x1 - clipped.x0) * (clipped.y1 - clipped.y0)
                }
            }
            previous = box
        }
        return total
    }

    /// The GIF file of `picture`, each frame shown for `frameMilliseconds` (GIF counts in
    /// hundredths of a second: rounded, at least 2). Reports each frame encoded to `progress`.
    public static func gif(
        _ picture: FramedPicture, frameMilliseconds: Int, progress: ProgressSink = .silent
    ) -> [UInt8] {
        let uncaptioned =
            keepsCaptions(picture)
            ? picture
            : FramedPicture(
                width: picture.width, height: picture.height, background: picture.background,
                frames: picture.frames.map { $0.filter { !FrameStyle.isCaption($0) } })
        // Small pictures are drawn at twice the size, so that their labels read.
        let picture = picture.width <= 420 ? scaled(uncaptioned, by: 2) : uncaptioned
        let width = max(1, min(65535, Int(picture.width.rounded(.up))))
        let height = max(1, min(65535, Int(picture.height.rounded(.up))))
        var palette = Palette()
        palette.add(PictureScene.Color.white)
        palette.add(PictureScene.Color.black)
        for primitive in picture.background { palette.add(primitive) }
        for frame in picture.frames { for primitive in frame { palette.add(primitive) } }
        var base = Raster(width: width, height: height, fill: palette.index("FFFFFF"))
        for primitive in picture.background { draw(primitive, on: &base, palette: palette) }

        var out: [UInt8] = Array("GIF89a".utf8)
        let bits = palette.bits
        out += le16(width) + le16(height)
        out.append(0x80 | UInt8((bits - 1) << 4) | UInt8(bits - 1))
        out += [0, 0]
        for k in 0..<(1 << bits) {
            let rgb = k < palette.colors.count ? TapPalette.rgb(palette.colors[k]) : [0, 0, 0]
            out += rgb.map { UInt8($0) }
        }
        // Loop forever.
        out += [0x21, 0xFF, 0x0B] + Array("NETSCAPE2.0".utf8) + [0x03, 0x01, 0x00, 0x00, 0x00]
        let delay = max(2, (frameMilliseconds + 5) / 10)
        let minimumCodeSize = max(2, bits)
        var encoder = LZWEncoder()
        var current = base
        var previous = base
        var previousBoxes: [Raster.Box] = []
        let frames = picture.frames.isEmpty ? [[]] : picture.frames
        var counter = progress.counter("encoding the GIF", unit: "frames", total: frames.count)
        for (index, frame) in frames.enumerated() {
            defer { counter.advance() }
            let boxes = coalesce(frame.map { current.clip(bounds($0)) }.filter { !$0.isEmpty })
            var image: (box: Raster.Box, pixels: [UInt8])
            if index == 0 {
                for primitive in frame { draw(primitive, on: &current, palette: palette) }
                image = (Raster.Box(x0: 0, y0: 0, x1: width, y1: height), current.pixels)
            } else {
                for box in previousBoxes { restore(&current, from: base, in: box) }
                for primitive in frame { draw(primitive, on: &current, palette: palette) }
                image = changes(
                    current, previous: previous, in: previousBoxes + boxes,
                    transparent: palette.transparent)
                for box in previousBoxes + boxes { restore(&previous, from: current, in: box) }
            }
            if index == 0 { previous = current }
            previousBoxes = boxes
            // Graphic control extension: disposal 1 (keep), transparency from frame 1 on.
            out += [0x21, 0xF9, 0x04, index == 0 ? 0x04 : 0x05] + le16(delay)
            out += [UInt8(index == 0 ? 0 : palette.transparent), 0x00]
            out.append(0x2C)
            out += le16(image.box.x0) + le16(image.box.y0)
            out += le16(image.box.x1 - image.box.x0) + le16(image.box.y1 - image.box.y0)
            out.append(0x00)
            out.append(UInt8(minimumCodeSize))
            let data = encoder.encode(image.pixels, minimumCodeSize: minimumCodeSize)
            var offset = 0
            while offset < data.count {
                let n = min(255, data.count - offset)
                out.append(UInt8(n))
                out += data[offset..<(offset + n)]
                offset += n
            }
            out.append(0x00)
        }
        out.append(0x3B)
        counter.finish()
        return out
    }

    /// `picture` with every coordinate and size multiplied by `factor`.
    static func scaled(_ picture: FramedPicture, by factor: Double) -> FramedPicture {
        func scale(_ p: PictureScene.Primitive) -> PictureScene.Primitive {
            let f = factor
            switch p {
            case .line(let x1, let y1, let x2, let y2, let c, let w):
                return .line(x1: x1 * f, y1: y1 * f, x2: x2 * f, y2: y2 * f, color: c, width: w * f)
            case .rectangle(let x, let y, let w, let h, let fill, let stroke):
                return .rectangle(
                    x: x * f, y: y * f, width: w * f, height: h * f, fill: fill, stroke: stroke)
            case .dashedRectangle(let x, let y, let w, let h, let s):
                return .dashedRectangle(x: x * f, y: y * f, width: w * f, height: h * f, stroke: s)
            case .outline(let x, let y, let w, let h, let s, let lw):
                return .outline(
                    x: x * f, y: y * f, width: w * f, height: h * f, stroke: s, lineWidth: lw * f)
            case .circle(let x, let y, let r, let fill, let stroke):
                return .circle(x: x * f, y: y * f, radius: r * f, fill: fill, stroke: stroke)
            case .label(let x, let y, let latex, let text, let size, let anchor):
                return .label(
                    x: x * f, y: y * f, latex: latex, text: text, size: size * f, anchor: anchor)
            case .verticalLabel(let x, let y, let latex, let text, let size):
                return .verticalLabel(x: x * f, y: y * f, latex: latex, text: text, size: size * f)
            }
        }
        return FramedPicture(
            width: picture.width * factor, height: picture.height * factor,
            background: picture.background.map(scale), frames: picture.frames.map { $0.map(scale) })
    }

    /// The colours of a GIF: hex strings by index; the last index is transparent.
    struct Palette {
        var colors: [String] = []
        var indices: [String: UInt8] = [:]
        /// Scene colours already looked up: their hex (a tint is computed) costs more than this.
        var byColor: [PictureScene.Color: UInt8] = [:]

        mutating func add(_ hex: String) {
            guard indices[hex] == nil, colors.count < 255 else { return }
            indices[hex] = UInt8(colors.count)
            colors.append(hex)
        }

        mutating func add(_ color: PictureScene.Color) {
            guard byColor[color] == nil else { return }
            let hex = TapPalette.hex(color)
            add(hex)
            byColor[color] = indices[hex] ?? 1
        }

        mutating func add(_ primitive: PictureScene.Primitive) {
            switch primitive {
            case .line(_, _, _, _, let c, _): add(c)
            case .rectangle(_, _, _, _, let f, let s):
                if let f { add(f) }
                if let s { add(s) }
            case .circle(_, _, _, let f, let s):
                add(f)
                add(s)
            case .dashedRectangle(_, _, _, _, let s), .outline(_, _, _, _, let s, _):
                add(s)
            case .label, .verticalLabel: return
            }
        }

        func index(_ hex: String) -> UInt8 { indices[hex] ?? 1 }
        func index(_ color: PictureScene.Color) -> UInt8 {
            byColor[color] ?? index(TapPalette.hex(color))
        }

        /// Bits per index: room for every colour and the transparent index.
        var bits: Int {
            var b = 1
            while (1 << b) < colors.count + 1 { b += 1 }
            return b
        }

        /// The index no colour uses.
        var transparent: Int { colors.count }
    }

    static func le16(_ v: Int) -> [UInt8] { [UInt8(v & 0xFF), UInt8((v >> 8) & 0xFF)] }

    /// `x` rounded to a pixel.
    static func px(_ x: Double) -> Int { Int(x.rounded()) }

    /// The pixels `primitive` may touch.
    static func bounds(_ primitive: PictureScene.Primitive) -> Raster.Box {
        switch primitive {
        case .line(let x1, let y1, let x2, let y2, _, let w):
            let t = Int(w.rounded(.up)) + 1
            return Raster.Box(
                x0: px(min(x1, x2)) - t, y0: px(min(y1, y2)) - t, x1: px(max(x1, x2)) + t + 1,
                y1: px(max(y1, y2)) + t + 1)
        case .rectangle(let x, let y, let w, let h, _, _),
            .dashedRectangle(let x, let y, let w, let h, _),
            .outline(let x, let y, let w, let h, _, _):
            return Raster.Box(x0: px(x) - 1, y0: px(y) - 1, x1: px(x + w) + 2, y1: px(y + h) + 2)
        case .circle(let x, let y, let r, _, _):
            return Raster.Box(
                x0: px(x - r) - 1, y0: px(y - r) - 1, x1: px(x + r) + 2, y1: px(y + r) + 2)
        case .label(let x, let y, _, let text, let size, let anchor):
            return Raster.textBox(text, x: x, y: y, size: size, centered: anchor == .center)
        case .verticalLabel:
            return .empty
        }
    }

    /// Draws one primitive.
    static func draw(_ primitive: PictureScene.Primitive, on raster: inout Raster, palette: Palette)
    {
        switch primitive {
        case .line(let x1, let y1, let x2, let y2, let c, let w):
            raster.line(
                px(x1), px(y1), px(x2), px(y2), thickness: max(1, Int(w.rounded())),
                color: palette.index(c))
        case .rectangle(let x, let y, let w, let h, let fill, let stroke):
            let box = Raster.Box(x0: px(x), y0: px(y), x1: px(x + w) + 1, y1: px(y + h) + 1)
            if let fill {
                raster.fill(
                    Raster.Box(x0: box.x0, y0: box.y0, x1: box.x1 - 1, y1: box.y1 - 1),
                    palette.index(fill))
            }
            if let stroke { raster.outline(box, thickness: 1, color: palette.index(stroke)) }
        case .dashedRectangle(let x, let y, let w, let h, let stroke):
            raster.outline(
                Raster.Box(x0: px(x), y0: px(y), x1: px(x + w) + 1, y1: px(y + h) + 1),
                thickness: 1, color: palette.index(stroke), dash: (3, 2))
        case .outline(let x, let y, let w, let h, let stroke, let lineWidth):
            let t = max(1, Int(lineWidth.rounded()))
            let inset = t / 2
            raster.outline(
                Raster.Box(
                    x0: px(x) - inset, y0: px(y) - inset, x1: px(x + w) + 1 + inset,
                    y1: px(y + h) + 1 + inset), thickness: t, color: palette.index(stroke))
        case .circle(let x, let y, let r, let fill, let stroke):
            raster.disc(
                px(x), px(y), max(1, px(r)), fill: palette.index(fill),
                stroke: palette.index(stroke))
        case .label(let x, let y, _, let text, let size, let anchor):
            raster.text(
                text, x: x, y: y, size: size, centered: anchor == .center,
                color: palette.index(PictureScene.Color.black))
        case .verticalLabel:
            return
        }
    }

    /// Copies `box` of `base` into `raster`.
    static func restore(_ raster: inout Raster, from base: Raster, in box: Raster.Box) {
        guard !box.isEmpty else { return }
        let width = raster.width
        raster.pixels.withUnsafeMutableBufferPointer { target in
            base.pixels.withUnsafeBufferPointer { source in
                guard let to = target.baseAddress, let from = source.baseAddress else { return }
                for y in box.y0..<box.y1 {
                    let start = y * width + box.x0
                    (to + start).update(from: from + start, count: box.x1 - box.x0)
                }
            }
        }
    }

    /// `boxes` merged into a few rectangles: boxes that overlap or lie within 8 pixels of each
    /// other become one (a window's cells become one rectangle), far-apart ones stay apart (the
    /// window and the output cell), so that restoring and comparing touch each pixel about once.
    static func coalesce(_ boxes: [Raster.Box]) -> [Raster.Box] {
        var clusters: [Raster.Box] = []
        func near(_ a: Raster.Box, _ b: Raster.Box) -> Bool {
            a.x0 <= b.x1 + 8 && b.x0 <= a.x1 + 8 && a.y0 <= b.y1 + 8 && b.y0 <= a.y1 + 8
        }
        for box in boxes {
            if let k = clusters.lastIndex(where: { near($0, box) }) {
                clusters[k] = clusters[k].union(box)
            } else {
                clusters.append(box)
            }
        }
        // Unions may have grown into each other.
        var merged = true
        while merged {
            merged = false
            outer: for i in clusters.indices {
                for j in clusters.indices where j > i && near(clusters[i], clusters[j]) {
                    clusters[i] = clusters[i].union(clusters[j])
                    clusters.remove(at: j)
                    merged = true
                    break outer
                }
            }
        }
        return clusters
    }

    /// The smallest rectangle where `raster` differs from `previous` (looking only inside
    /// `boxes`, outside which nothing changed), with unchanged pixels replaced by `transparent`;
    /// a single transparent pixel when nothing changed.
    static func changes(
        _ raster: Raster, previous: Raster, in boxes: [Raster.Box], transparent: Int
    ) -> (box: Raster.Box, pixels: [UInt8]) {
        let width = raster.width
        var tight = Raster.Box(x0: Int.max, y0: Int.max, x1: Int.min, y1: Int.min)
        raster.pixels.withUnsafeBufferPointer { now in
            previous.pixels.withUnsafeBufferPointer { old in
                for box in boxes where !box.isEmpty {
                    for y in box.y0..<box.y1 {
                        let row = y * width
                        for x in box.x0..<box.x1 where now[row + x] != old[row + x] {
                            if x < tight.x0 { tight.x0 = x }
                            if x >= tight.x1 { tight.x1 = x + 1 }
                            if y < tight.y0 { tight.y0 = y }
                            if y >= tight.y1 { tight.y1 = y + 1 }
                        }
                    }
                }
            }
        }
        guard tight.x0 != Int.max else {
            return (Raster.Box(x0: 0, y0: 0, x1: 1, y1: 1), [UInt8(transparent)])
        }
        let w = tight.x1 - tight.x0
        var pixels = [UInt8](repeating: UInt8(transparent), count: w * (tight.y1 - tight.y0))
        raster.pixels.withUnsafeBufferPointer { now in
            previous.pixels.withUnsafeBufferPointer { old in
                pixels.withUnsafeMutableBufferPointer { out in
                    var k = 0
                    for y in tight.y0..<tight.y1 {
                        let row = y * width
                        for x in tight.x0..<tight.x1 {
                            let value = now[row + x]
                            if value != old[row + x] { out[k] = value }
                            k += 1
                        }
                    }
                }
            }
        }
        return (tight, pixels)
    }
}
