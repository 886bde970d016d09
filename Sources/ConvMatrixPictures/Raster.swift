/// A picture as palette indices, one byte a pixel, drawn from ``PictureScene`` primitives
/// (1 pt = 1 pixel): filled and outlined rectangles, dashed outlines, thick lines, discs and
/// labels in ``BitmapFont``. The GIF frames are rasters.
struct Raster {
    let width: Int
    let height: Int
    var pixels: [UInt8]

    init(width: Int, height: Int, fill: UInt8) {
        self.width = width
        self.height = height
        pixels = [UInt8](repeating: fill, count: width * height)
    }

    /// A pixel rectangle `x0..<x1 × y0..<y1`, clipped to the raster.
    struct Box: Equatable {
        var x0: Int
        var y0: Int
        var x1: Int
        var y1: Int

        var isEmpty: Bool { x1 <= x0 || y1 <= y0 }

        func union(_ other: Box) -> Box {
            if isEmpty { return other }
            if other.isEmpty { return self }
            return Box(
                x0: min(x0, other.x0), y0: min(y0, other.y0), x1: max(x1, other.x1),
                y1: max(y1, other.y1))
        }

        static let empty = Box(x0: 0, y0: 0, x1: 0, y1: 0)
    }

    func clip(_ box: Box) -> Box {
        Box(
            x0: max(0, box.x0), y0: max(0, box.y0), x1: min(width, box.x1),
            y1: min(height, box.y1))
    }

    /// Fills `box` with `color`.
    mutating func fill(_ box: Box, _ color: UInt8) {
        let b = clip(box)
        guard !b.isEmpty else { return }
        pixels.withUnsafeMutableBufferPointer { p in
            for y in b.y0..<b.y1 {
                let row = y * width
                for x in b.x0..<b.x1 { p[row + x] = color }
            }
        }
    }

    /// Sets one pixel when it lies inside.
    mutating func plot(_ x: Int, _ y: Int, _ color: UInt8) {
        if x >= 0 && y >= 0 && x < width && y < height { pixels[y * width + x] = color }
    }

    /// Outlines `box` with lines `thickness` pixels wide drawn inside it; with `dash`, on/off
    /// lengths along the outline.
    mutating func outline(_ box: Box, thickness: Int, color: UInt8, dash: (Int, Int)? = nil) {
        let t = max(1, thickness)
        if let (on, off) = dash {
            let period = on + off
            for x in box.x0..<box.x1 where (x - box.x0) % period < on {
                for k in 0..<t {
                    plot(x, box.y0 + k, color)
                    plot(x, box.y1 - 1 - k, color)
                }
            }
            for y in box.y0..<box.y1 where (y - box.y0) % period < on {
                for k in 0..<t {
                    plot(box.x0 + k, y, color)
                    plot(box.x1 - 1 - k, y, color)
                }
            }
            return
        }
        fill(Box(x0: box.x0, y0: box.y0, x1: box.x1, y1: box.y0 + t), color)
        fill(Box(x0: box.x0, y0: box.y1 - t, x1: box.x1, y1: box.y1), color)
        fill(Box(x0: box.x0, y0: box.y0, x1: box.x0 + t, y1: box.y1), color)
        fill(Box(x0: box.x1 - t, y0: box.y0, x1: box.x1, y1: box.y1), color)
    }

    /// A line from `(x0, y0)` to `(x1, y1)` drawn with a square brush `thickness` wide
    /// (Bresenham).
    mutating func line(_ x0: Int, _ y0: Int, _ x1: Int, _ y1: Int, thickness: Int, color: UInt8) {
        let dx = abs(x1 - x0)
        let dy = -abs(y1 - y0)
        let sx = x0 < x1 ? 1 : -1
        let sy = y0 < y1 ? 1 : -1
        var error = dx + dy
        var x = x0
        var y = y0
        let half = max(1, thickness) / 2
        let t = max(1, thickness)
        while true {
            fill(Box(x0: x - half, y0: y - half, x1: x - half + t, y1: y - half + t), color)
            if x == x1 && y == y1 { break }
            let e2 = 2 * error
            if e2 >= dy {
                error += dy
                x += sx
            }
            if e2 <= dx {
                error += dx
                y += sy
            }
        }
    }

    /// A disc of radius `r` around `(cx, cy)`, with a one-pixel ring in `stroke`.
    mutating func disc(_ cx: Int, _ cy: Int, _ r: Int, fill: UInt8, stroke: UInt8) {
        for y in (cy - r)...(cy + r) {
            for x in (cx - r)...(cx + r) {
                let d = (x - cx) * (x - cx) + (y - cy) * (y - cy)
                if d <= r * r { plot(x, y, d >= (r - 1) * (r - 1) ? stroke : fill) }
            }
        }
    }

    /// The glyph scale of a label of font size `size`.
    static func scale(_ size: Double) -> Int { max(1, min(4, Int(size / 7.5))) }

    /// Draws `text` at font size `size`, centred on `(x, y)` or starting at `x`.
    mutating func text(
        _ text: String, x: Double, y: Double, size: Double, centered: Bool, color: UInt8
    ) {
        let s = Raster.scale(size)
        let (glyphs, width) = BitmapFont.layout(text, scale: s)
        let left = centered ? Int((x - Double(width) / 2).rounded()) : Int(x.rounded())
        let top = Int((y - Double(5 * s) / 2).rounded())
        for glyph in glyphs {
            for (row, bits) in glyph.rows.enumerated() {
                for column in 0..<3 where bits & (4 >> column) != 0 {
                    fill(
                        Box(
                            x0: left + glyph.x + column * glyph.scale,
                            y0: top + glyph.y + row * glyph.scale,
                            x1: left + glyph.x + (column + 1) * glyph.scale,
                            y1: top + glyph.y + (row + 1) * glyph.scale), color)
                }
            }
        }
    }

    /// The pixels a label may touch.
    static func textBox(_ text: String, x: Double, y: Double, size: Double, centered: Bool) -> Box {
        let s = scale(size)
        let width = BitmapFont.layout(text, scale: s).width
        let left = centered ? Int((x - Double(width) / 2).rounded()) : Int(x.rounded())
        let top = Int((y - Double(5 * s) / 2).rounded())
        return Box(x0: left - 1, y0: top - 3 * s, x1: left + width + 1, y1: top + 9 * s)
    }
}
