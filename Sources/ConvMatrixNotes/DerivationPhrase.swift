import ConvMatrixNumeric

/// Every sentence a derivation document says, as data: the structure of the document
/// (``Derivation``) holds phrases, and each language's table (`DerivationPhrase+English.swift`,
/// `DerivationPhrase+Spanish.swift`) turns them into words. An exhaustive `switch` in each
/// table means a phrase cannot be added without being translated.
///
/// Arguments are already formatted numbers and sizes (`5×5`); phrases contain no markup.
public enum DerivationPhrase: Hashable, Sendable {
    /// The parts of a derivation, in order.
    public enum Section: String, Hashable, Sendable, CaseIterable {
        /// The layer's parameters; the input grid I; the flattened X; the output size; the
        /// kernel placements; U; O = X·U; T = Uᵀ; C = O·T; the equivalent direct convolution;
        /// the backward pass.
        case layer, inputGrid, flattened, outputSize, placements, unrolled, forward, transposed
        /// (Continued.)
        case connectivity, equivalent, backward
        /// The equation lists (`derive --style equations`): the forward pass as a system, the
        /// kernel gradient and the input gradient entry by entry, and their compact forms.
        case forwardEquations, kernelGradientEquations, inputGradientEquations, compactForms
    }

    /// A layer parameter's name.
    public enum Parameter: Hashable, Sendable {
        /// Sizes, stride, padding, dilation, channel counts, groups and the padding mode.
        case input, kernel, stride, padding, dilation, channels, groups, paddingMode
    }

    /// The document's title.
    case title
    /// A section heading.
    case heading(Section)
    /// The opening sentence: what the document derives.
    case introduction
    /// `name: value` for one layer parameter.
    case parameter(Parameter, value: String)
    /// The kernel is used as is.
    case crossCorrelation
    /// The kernel is rotated 180° first.
    case trueConvolution
    /// The input grid, with its size and channel count.
    case inputGrid(size: String, channels: Int)
    /// A slice's label: channel `c` and/or a leading (depth) index.
    case slice(channel: Int?, depth: String?)
    /// `count` of `total` slices are shown.
    case slicesShown(shown: Int, total: Int)
    /// Row-major flattening into the row vector X with `count` entries.
    case flattened(count: Int)
    /// The output-size rule, before the per-axis numbers.
    case outputSizeRule
    /// The resulting output size.
    case outputSizeResult(size: String, channels: Int)
    /// Input positions no window reaches on `axis`.
    case unreached(axis: Int, rank: Int, positions: String)
    /// One placement per output; `shown` of `total` are printed.
    case placements(shown: Int, total: Int)
    /// The kernel placement that produces output `index`.
    case placementFor(index: String)
    /// Flattening and stacking the placements gives U, `rows`×`columns`.
    case unrolled(rows: Int, columns: Int)
    /// Under a padding mode other than zeros, an entry may be a sum of taps.
    case sumsOfTaps(mode: String)
    /// The convolution as one product, with shapes.
    case forward(inputs: Int, outputs: Int)
    /// The transposed convolution as the matrix Uᵀ.
    case transposed(inputs: Int, outputs: Int)
    /// The transposed convolution's output-size rule.
    case transposedSizeRule
    /// The output padding the transposed layer needs to give back the input size.
    case outputPadding(values: String)
    /// Padding modes other than zeros have no ConvTranspose counterpart.
    case zeroPaddedCounterpart(mode: String)
    /// What C shows: connectivity, not values.
    case connectivity
    /// The equivalent direct convolution, introduced.
    case equivalent
    /// Zeros inserted on an axis.
    case insertedZeros(axis: Int, rank: Int, zeros: Int, size: Int)
    /// Padding on an axis.
    case equivalentPadding(axis: Int, rank: Int, before: Int, after: Int)
    /// Stride 1, kernel rotated 180°, same dilation.
    case equivalentKernel(dilation: String)
    /// Channels swapped.
    case equivalentChannels(inChannels: Int, outChannels: Int)
    /// The output size it gives.
    case equivalentOutput(size: String)
    /// Negative padding crops.
    case crops
    /// The backward pass, introduced.
    case backward
    /// The input gradient: the transposed convolution applied to δ.
    case inputGradient
    /// The same in the column convention.
    case columnConvention
    /// The weight gradient through the im2col matrix.
    case weightGradient(rows: Int, columns: Int)
    /// Entries longer than `terms` terms are shortened.
    case shortenedTerms(terms: Int)
    /// The forward pass in numbers, at the values given; `exact` when computed in rationals.
    case numericForward(exact: Bool, bias: Bool)
    /// The equations style, introduced.
    case equationsIntroduction
    /// One equation per output.
    case forwardEquations(outputs: Int)
    /// The kernel gradient by the chain rule, one equation per weight.
    case kernelGradientEquations(weights: Int)
    /// The input gradient by the chain rule, one equation per input; `zeros` when the terms
    /// of outputs that do not reach an input are written `·0`.
    case inputGradientEquations(inputs: Int, zeros: Bool)
    /// `shown` of `total` equations are written; the other `total − shown` are left out.
    case equationsShown(shown: Int, total: Int)
    /// The kernel gradient is a correlation of the (padded) input with δ (spread by the
    /// stride), read every `dilation`-th position.
    /// `padding` holds `before, after` per axis (empty when there is none).
    /// `flipped` for a true convolution (`--flip`): the correlation is then rotated 180°.
    case compactKernelGradient(padding: [Int], zeros: Int?, dilation: Int?, flipped: Bool)
    /// The input gradient is a full cross-correlation of δ (spread by the stride) with the
    /// kernel rotated 180° (`rotated`, for a cross-correlation layer) or as is, padded (or
    /// cropped) as the transposed convolution needs.
    /// `padding` holds `before, after` per axis; negative amounts crop.
    /// `rotated` when the kernel is rotated 180° (a cross-correlation layer, as frameworks do).
    case compactInputGradient(zeros: Int?, padding: [Int], dilation: Int?, rotated: Bool)
    /// The true size of a matrix, said next to it.
    case size(name: String, rows: Int, columns: Int, elided: Bool)
    /// The heading of the figures section (``DerivationFigureSection``).
    case figuresHeading
    /// What a figure shows, under it.
    case figureCaption(DerivationFigure)
}

/// A formula inside a phrase (``InlineMath``): `latex` typeset as inline math, `text` (by
/// default the same) in plain text.
func math(_ latex: String, _ text: String? = nil) -> String {
    InlineMath.span(latex, text ?? latex)
}

/// `On the rows` / `En las filas`: axis `t` of `rank` named as a student reads it.
func axisPhrase(_ t: Int, rank: Int, english: Bool) -> String {
    let en =
        rank == 1
        ? ["Along the axis"]
        : rank == 2
            ? ["On the rows", "On the columns"] : ["In depth", "On the rows", "On the columns"]
    let es =
        rank == 1
        ? ["En el eje"]
        : rank == 2
            ? ["En las filas", "En las columnas"]
            : ["En profundidad", "En las filas", "En las columnas"]
    let names = english ? en : es
    if rank <= 3 && t < names.count { return names[t] }
    return english ? "On axis \(t + 1)" : "En el eje \(t + 1)"
}
