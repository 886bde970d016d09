import ConvMatrixCore
import ConvMatrixSymbols
import Symbolic

/// A label in both forms a picture needs: LaTeX math for TikZ, plain Unicode for SVG and GIF.
struct CellText: Hashable, Sendable {
    let latex: String
    let text: String

    init(latex: String, text: String) {
        self.latex = latex
        self.text = text
    }

    init(_ symbol: Symbol) {
        latex = LaTeXPrinter(termOrder: .natural).string(for: symbol)
        text = PlainTextPrinter().string(for: symbol)
    }

    /// A plain number or word, the same in both forms.
    init(plain: String) {
        latex = plain
        text = plain
    }
}

/// The names a picture writes in cells: `I₁₀`, `k₀₁`, `O₀₀`, with a channel superscript when the
/// layer has channels, as ``LayerSymbols`` names them.
struct CellNaming: Sendable {
    let names: SymbolNames
    let channelled: Bool
    /// Values written instead of input symbols (channel first, row-major), when given.
    var inputValues: [String]? = nil

    /// The input at flat spatial position `flat` of channel `channel` in `extents`.
    func input(_ flat: Int, channel: Int, extents: Extents) -> CellText {
        if let inputValues, channel * extents.count + flat < inputValues.count {
            return CellText(plain: inputValues[channel * extents.count + flat])
        }
        return CellText(
            Symbol(
                names.input, indices: extents.multiIndex(flat).map { $0 + names.indexBase },
                superscript: channelled ? [channel] : []))
    }

    /// The output at flat spatial position `flat` of channel `channel`.
    func output(_ flat: Int, channel: Int, extents: Extents) -> CellText {
        CellText(
            Symbol(
                names.output, indices: extents.multiIndex(flat).map { $0 + names.indexBase },
                superscript: channelled ? [channel] : []))
    }

    /// The kernel weight with flat index `weight` (PyTorch's layout) whose spatial part is
    /// `spatial` in `kernel`, with `inner` channels in the weight's second dimension.
    func kernel(weight: Int, kernel: Extents, inner: Int) -> CellText {
        let pair = weight / kernel.count
        return CellText(
            Symbol(
                names.kernel,
                indices: kernel.multiIndex(weight % kernel.count).map { $0 + names.indexBase },
                superscript: channelled ? [pair / max(1, inner), pair % max(1, inner)] : []))
    }

    /// The text of kernel weight `weight`: its value from `values` (PyTorch's layout, as given by
    /// `--kernel-values`) when there is one, else its symbol (``kernel(weight:kernel:inner:)``).
    func kernel(weight: Int, kernel: Extents, inner: Int, values: [String]?) -> CellText {
        if let values, weight < values.count { return CellText(plain: values[weight]) }
        return self.kernel(weight: weight, kernel: kernel, inner: inner)
    }

    /// A named symbol with the same indices as `flat` in `extents`: `δ₀₁` for the backward pass.
    static func indexed(
        _ letter: String, latexLetter: String, flat: Int, extents: Extents, base: Int = 0
    ) -> CellText {
        let indices = extents.multiIndex(flat).map { $0 + base }
        let plain = PlainTextPrinter().string(for: Symbol("x", indices: indices))
        let latex = LaTeXPrinter(termOrder: .natural).string(for: Symbol("x", indices: indices))
        return CellText(latex: latexLetter + latex.dropFirst(), text: letter + plain.dropFirst())
    }
}
