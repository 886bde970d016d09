import ConvMatrixCore
import ConvMatrixNumeric
import ConvMatrixRendering
import ConvMatrixSymbols

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
    case unreached(axis: Int, positions: String)
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
    case insertedZeros(axis: Int, zeros: Int, size: Int)
    /// Padding on an axis.
    case equivalentPadding(axis: Int, before: Int, after: Int)
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
    /// The true size of a matrix, said next to it.
    case size(name: String, rows: Int, columns: Int, elided: Bool)
}
