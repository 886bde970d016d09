import ConvMatrixCore
import ConvMatrixRendering
import ConvMatrixSymbols

/// The colours of kernel taps: tap `t` (its spatial position in the kernel, flattened row-major)
/// gets `colors[t mod 12]`. Twelve colours from the Paired/Dark2 families, dark enough for thin
/// lines on white; a 3×3 kernel's nine taps are all distinct.
public enum TapPalette {
    /// RGB hex colours, without `#`.
    public static let colors = [
        "1F77B4", "D62728", "2CA02C", "FF7F0E", "9467BD", "8C564B", "E377C2", "17BECF",
        "BCBD22", "393B79", "AD494A", "637939",
    ]

    /// The hex colour of tap `t`.
    public static func hex(_ t: Int) -> String {
        colors[((t % colors.count) + colors.count) % colors.count]
    }

    /// The hex value of any scene colour.
    public static func hex(_ color: PictureScene.Color) -> String {
        switch color {
        case .tap(let t): hex(t)
        case .black: "000000"
        case .gray: "808080"
        case .lightGray: "D9D9D9"
        case .white: "FFFFFF"
        }
    }
}
