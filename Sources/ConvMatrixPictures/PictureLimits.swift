import ConvMatrixCore
import ConvMatrixRendering
import ConvMatrixSymbols

/// How much a picture may draw: beyond these counts a picture stops being readable (and TikZ
/// slows down), so the commands refuse with a message instead.
public enum PictureLimits {
    /// Lines of one connectivity panel (stored entries of U).
    public static let maxConnections = 4000
    /// Filled cells of a sparsity pattern (stored entries of U).
    public static let maxCells = 20000

    /// Throws when `count` exceeds `limit`.
    static func check(_ count: Int, limit: Int, what: String) throws(SpecificationError) {
        guard count <= limit else {
            throw SpecificationError(
                .input,
                "the \(what) would draw \(count) elements, more than the \(limit) a readable picture holds; choose a smaller layer"
            )
        }
    }
}
