/// A picture as a list of primitives in page coordinates (units of 1 px = 1 pt, y downwards),
/// independent of the format it is written in: ``SVGWriter`` and ``TikZWriter`` turn the same
/// scene into SVG and TikZ. Primitives are drawn in order, later ones on top.
public struct PictureScene: Hashable, Sendable {
    /// A colour: one of the tap palette's, or a neutral one.
    public enum Color: Hashable, Sendable {
        /// The palette colour of kernel tap `t` (see ``TapPalette``).
        case tap(Int)
        /// The light tint of tap `t`'s colour (``TapPalette/tint(_:)``): a window cell filled
        /// with it keeps its black label readable.
        case tint(Int)
        /// Neutral colours: lines, frames, node fills.
        case black, gray, lightGray, white
        /// The cells of Dumoulin & Visin's figures: real inputs (blue), outputs (cyan), the
        /// output being computed (dark cyan), inserted zeros and cropped positions (greys).
        case inputCell, outputCell, currentOutput, insertedZero, cropped
        /// Level `level` of `levels` (1…levels) on a white-to-teal ramp (light enough for black
        /// text at the top): overlap counts.
        case ramp(level: Int, levels: Int)
    }

    /// How a label is anchored at its point.
    public enum Anchor: Hashable, Sendable {
        /// The point is the label's centre.
        case center
        /// The point is the middle of the label's left edge.
        case left
    }

    /// One drawn element.
    public enum Primitive: Hashable, Sendable {
        /// A straight line from `(x1, y1)` to `(x2, y2)`.
        case line(x1: Double, y1: Double, x2: Double, y2: Double, color: Color, width: Double)
        /// An axis-aligned rectangle, filled and/or stroked.
        case rectangle(
            x: Double, y: Double, width: Double, height: Double, fill: Color?, stroke: Color?)
        /// A circle with centre `(x, y)`.
        case circle(x: Double, y: Double, radius: Double, fill: Color, stroke: Color)
        /// A label; `latex` is math-mode source for TikZ, `text` the plain form for SVG.
        case label(x: Double, y: Double, latex: String, text: String, size: Double, anchor: Anchor)
        /// A label read bottom to top (rotated 90° anticlockwise), centred on its point: column
        /// labels of a matrix.
        case verticalLabel(x: Double, y: Double, latex: String, text: String, size: Double)
        /// A rectangle outlined with a dashed line and no fill: padding cells.
        case dashedRectangle(x: Double, y: Double, width: Double, height: Double, stroke: Color)
        /// A rectangle outlined with a thick line and no fill: cells the window reads.
        case outline(
            x: Double, y: Double, width: Double, height: Double, stroke: Color, lineWidth: Double)
    }

    /// Width of the picture.
    public let width: Double
    /// Height of the picture.
    public let height: Double
    /// The primitives, back to front.
    public let primitives: [Primitive]

    /// A scene of `primitives` inside `width × height`.
    public init(width: Double, height: Double, primitives: [Primitive]) {
        self.width = width
        self.height = height
        self.primitives = primitives
    }

    /// The kernel taps whose colours appear, in increasing order.
    public var tapsUsed: [Int] {
        var taps = Set<Int>()
        for primitive in primitives {
            switch primitive {
            case .line(_, _, _, _, .tap(let t), _), .rectangle(_, _, _, _, .tap(let t)?, _),
                .rectangle(_, _, _, _, .tint(let t)?, _):
                taps.insert(t)
            default:
                continue
            }
        }
        return taps.sorted()
    }
}
