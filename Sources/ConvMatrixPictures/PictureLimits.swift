import ConvMatrixCore

/// How much a picture may draw: beyond these counts a picture stops being readable (and TikZ
/// slows down), so the commands refuse with a message instead.
public enum PictureLimits {
    /// Lines of one connectivity panel (stored entries of U).
    public static let maxConnections = 4000
    /// Filled cells of a sparsity pattern (stored entries of U).
    public static let maxCells = 20000
    /// Frames of an animation (SVG or GIF): one per output position for the sliding kernel,
    /// one per input position for the scatter view.
    public static let maxFrames = 1000
    /// Frames printed side by side as TikZ small multiples; beyond, a chosen frame is printed.
    public static let maxSmallMultiples = 100
    /// Elements drawn by all the small multiples together (each repeats the background): past
    /// this, pdflatex takes minutes and the pictures are too small to read.
    public static let maxSmallMultipleElements = 50000
    /// Cells of the grid a kernel slides over (the padded input), e.g. 100×100.
    public static let maxCanvasCells = 10000
    /// Cells shaded over all frames together (window cells, scatter targets): what bounds the
    /// time and size of an animation, e.g. 576 frames of a 5×5 window are 14400.
    public static let maxShadedCells = 60000
    /// Panels of the 2-D connectivity diagram (one per output position).
    public static let maxConnectivityPanels = 64

    /// Throws when `count` exceeds `limit`.
    static func check(_ count: Int, limit: Int, what: String) throws(SpecificationError) {
        guard count <= limit else {
            throw SpecificationError(
                .input,
                "the \(what) would draw \(count) elements, more than the \(limit) a readable picture holds; choose a smaller layer"
            )
        }
    }

    /// Throws unless a frame picture of `rank` axes with `frames` frames over `canvasCells`
    /// cells can be drawn: 1-D and 2-D only, within ``maxCanvasCells`` (frames and cells; an
    /// animation is further held to ``maxFrames`` by whoever plays it).
    static func checkDrawable(rank: Int, frames: Int, canvasCells: Int, shaded: Int = 0)
        throws(SpecificationError)
    {
        guard rank <= 2 else {
            throw SpecificationError(
                .input,
                "pictures are drawn for 1-D and 2-D layers, got \(rank) axes; draw a 2-D slice of the layer (its last two axes) instead"
            )
        }
        guard frames <= maxCanvasCells else {
            throw SpecificationError(
                .input,
                "the picture would have \(frames) frames, more than the \(maxCanvasCells) a picture can hold; choose a smaller layer"
            )
        }
        guard shaded <= maxShadedCells else {
            throw SpecificationError(
                .input,
                "the frames would shade \(shaded) cells, more than the \(maxShadedCells) a picture can hold; choose a smaller layer or kernel"
            )
        }
        guard canvasCells <= maxCanvasCells else {
            throw SpecificationError(
                .input,
                "the grid would have \(canvasCells) cells, more than the \(maxCanvasCells) a picture can show; choose a smaller layer"
            )
        }
    }

    /// Throws unless `0 ≤ channel < count`.
    static func checkOutputChannel(_ channel: Int, of count: Int) throws(SpecificationError) {
        guard channel >= 0 && channel < count else {
            throw SpecificationError(
                .outChannels,
                "the layer has \(count) output channel\(count == 1 ? "" : "s") (0…\(count - 1)), got \(channel)"
            )
        }
    }
}
