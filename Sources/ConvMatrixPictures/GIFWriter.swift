/// Writes a ``FramedPicture`` as an animated GIF89a, encoded by the project: one global palette
/// (the colours the picture uses, plus a transparent index), the NETSCAPE2.0 extension looping
/// forever, and per frame a graphic control extension (delay, "do not dispose") and an image.
///
/// Frame 0 is the whole picture. Every later frame holds only the rectangle where it differs from
/// the frame before, with unchanged pixels transparent, so a 576-frame animation of a 28×28 input
/// stays small. Pixels are 1 pt; labels use ``BitmapFont``.
public enum GIFWriter {
    /// The GIF file of `picture`, each frame shown for `frameMilliseconds` (GIF counts in
    /// hundredths of a second: rounded, at least 2).
    public static func gif(_ picture: FramedPicture, frameMilliseconds: Int) -> [UInt8] {
        // Small pictures are drawn at twice the size, so that their labels read.
        let picture = picture.width <= 420 ? scaled(picture, by: 2) : picture
        let width = max(1, min(65535, Int(picture.width.rounded(.up))))
        let height = max(1, min(65535, Int(picture.height.rounded(.up))))
        var palette = Palette()
        palette.add("FFFFFF")
        palette.add("000000")
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
        var previousBox = Raster.Box.empty
        let frames = picture.frames.isEmpty ? [[]] : picture.frames
        for (index, frame) in frames.enumerated() {
            let box = frame.reduce(Raster.Box.empty) { $0.union(bounds($1)) }
            var image: (box: Raster.Box, pixels: [UInt8])
            if index == 0 {
                for primitive in frame { draw(primitive, on: &current, palette: palette) }
                image = (Raster.Box(x0: 0, y0: 0, x1: width, y1: height), current.pixels)
            } else {
                let dirty = current.clip(previousBox.union(box))
                let before = region(current, dirty)
                restore(&current, from: base, in: current.clip(previousBox))
                for primitive in frame { draw(primitive, on: &current, palette: palette) }
                image = changes(
                    current, before: before, in: dirty, transparent: palette.transparent)
            }
            previousBox = box
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

        mutating func add(_ hex: String) {
            guard indices[hex] == nil, colors.count < 255 else { return }
            indices[hex] = UInt8(colors.count)
            colors.append(hex)
        }

        mutating func add(_ primitive: PictureScene.Primitive) {
            switch primitive {
            case .line(_, _, _, _, let c, _): add(TapPalette.hex(c))
            case .rectangle(_, _, _, _, let f, let s):
                if let f { add(TapPalette.hex(f)) }
                if let s { add(TapPalette.hex(s)) }
            case .circle(_, _, _, let f, let s):
                add(TapPalette.hex(f))
                add(TapPalette.hex(s))
            case .dashedRectangle(_, _, _, _, let s), .outline(_, _, _, _, let s, _):
                add(TapPalette.hex(s))
            case .label, .verticalLabel: return
            }
        }

        func index(_ hex: String) -> UInt8 { indices[hex] ?? 1 }
        func index(_ color: PictureScene.Color) -> UInt8 { index(TapPalette.hex(color)) }

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
                color: palette.index("000000"))
        case .verticalLabel:
            return
        }
    }

    /// The pixels of `box`, row by row.
    static func region(_ raster: Raster, _ box: Raster.Box) -> [UInt8] {
        guard !box.isEmpty else { return [] }
        var out: [UInt8] = []
        out.reserveCapacity((box.x1 - box.x0) * (box.y1 - box.y0))
        for y in box.y0..<box.y1 {
            out += raster.pixels[(y * raster.width + box.x0)..<(y * raster.width + box.x1)]
        }
        return out
    }

    /// Copies `box` of `base` into `raster`.
    static func restore(_ raster: inout Raster, from base: Raster, in box: Raster.Box) {
        guard !box.isEmpty else { return }
        for y in box.y0..<box.y1 {
            let start = y * raster.width
            raster.pixels.replaceSubrange(
                (start + box.x0)..<(start + box.x1),
                with: base.pixels[(start + box.x0)..<(start + box.x1)])
        }
    }

    /// The smallest rectangle of `raster` inside `box` that differs from `before` (the old
    /// pixels of `box`), with unchanged pixels replaced by `transparent`; a single transparent
    /// pixel when nothing changed.
    static func changes(
        _ raster: Raster, before: [UInt8], in box: Raster.Box, transparent: Int
    ) -> (box: Raster.Box, pixels: [UInt8]) {
        let w = box.x1 - box.x0
        var tight = Raster.Box(x0: Int.max, y0: Int.max, x1: Int.min, y1: Int.min)
        if !box.isEmpty {
            for y in box.y0..<box.y1 {
                for x in box.x0..<box.x1
                where raster.pixels[y * raster.width + x] != before[(y - box.y0) * w + x - box.x0] {
                    tight.x0 = min(tight.x0, x)
                    tight.x1 = max(tight.x1, x + 1)
                    tight.y0 = min(tight.y0, y)
                    tight.y1 = max(tight.y1, y + 1)
                }
            }
        }
        guard tight.x0 != Int.max else {
            return (Raster.Box(x0: 0, y0: 0, x1: 1, y1: 1), [UInt8(transparent)])
        }
        var pixels: [UInt8] = []
        pixels.reserveCapacity((tight.x1 - tight.x0) * (tight.y1 - tight.y0))
        for y in tight.y0..<tight.y1 {
            for x in tight.x0..<tight.x1 {
                let now = raster.pixels[y * raster.width + x]
                let old = before[(y - box.y0) * w + x - box.x0]
                pixels.append(now == old ? UInt8(transparent) : now)
            }
        }
        return (tight, pixels)
    }
}
