import ConvMatrixCore
import ConvMatrixNumeric
import ConvMatrixRendering
import ConvMatrixSymbols

extension DerivationPhrase {
    /// The English table.
    var english: String {
        switch self {
        case .title: "The convolution as a matrix: a derivation"
        case .heading(let section):
            switch section {
            case .layer: "The layer"
            case .inputGrid: "The input grid I"
            case .flattened: "The flattened input X"
            case .outputSize: "The output size"
            case .placements: "Kernel placements"
            case .unrolled: "The unrolled matrix U"
            case .forward: "The convolution as a product: O = X·U"
            case .transposed: "The transposed convolution T = Uᵀ"
            case .connectivity: "Connectivity: C = O·T"
            case .equivalent: "The equivalent direct convolution"
            case .backward: "The backward pass"
            }
        case .introduction:
            "This document writes a convolution as a matrix product, step by step, for the layer below: the input, its flattening, the output size, every kernel placement, the unrolled matrix U, and the transposed convolution T = Uᵀ that reproduces the connectivity."
        case .parameter(let name, let value):
            switch name {
            case .input: "Input: \(value)"
            case .kernel: "Kernel: \(value)"
            case .stride: "Stride: \(value)"
            case .padding: "Padding: \(value)"
            case .dilation: "Dilation: \(value)"
            case .channels: "Channels (in → out): \(value)"
            case .groups: "Groups: \(value)"
            case .paddingMode: "Padding mode: \(value)"
            }
        case .crossCorrelation:
            "Orientation: the kernel is used as is (cross-correlation, as deep-learning frameworks do)"
        case .trueConvolution: "Orientation: the kernel is rotated 180° (true convolution)"
        case .inputGrid(let size, let channels):
            channels > 1
                ? "The input has \(channels) channels of \(size) values, one symbol per value:"
                : "The input is a \(size) grid of values, one symbol per value:"
        case .slice(let channel, let depth):
            [channel.map { "channel \($0)" }, depth.map { "depth \($0)" }].compactMap { $0 }
                .joined(separator: ", ")
        case .slicesShown(let shown, let total): "The first \(shown) of \(total) slices are shown."
        case .flattened(let count):
            "Flatten the input row by row (channel first, then each axis in order, as PyTorch lays out a tensor) into a row vector X of \(count) entries:"
        case .outputSizeRule:
            "Along each axis, with input size n, padding p before and after, kernel size k, dilation d and stride s, the number of outputs is m = ⌊(n + p_before + p_after − d·(k − 1) − 1) / s⌋ + 1:"
        case .outputSizeResult(let size, let channels):
            channels > 1
                ? "The output has \(channels) channels of \(size) values."
                : "The output is \(size)."
        case .unreached(let axis, let positions):
            "On axis \(axis) the stride leaves input positions \(positions) outside every window."
        case .placements(let shown, let total):
            shown < total
                ? "Each output is the kernel laid over the input at one position. There are \(total) placements; the first \(shown) are shown:"
                : "Each output is the kernel laid over the input at one position. The \(total) placements are:"
        case .placementFor(let index): "Output \(index):"
        case .unrolled(let rows, let columns):
            "Flatten each placement into a column and put the columns side by side: the result is the unrolled matrix U, with one row per input and one column per output (\(rows)×\(columns)):"
        case .sumsOfTaps(let mode):
            "With \(mode) padding, an input can meet the same window more than once, so an entry of U can be a sum of taps."
        case .forward(let inputs, let outputs):
            "The convolution is the product X·U = O, with shapes (1, \(inputs))·(\(inputs), \(outputs)) = (1, \(outputs)). On the output grid:"
        case .transposed(let inputs, let outputs):
            "The transposed convolution is the matrix T = Uᵀ, with shapes (1, \(inputs))·(\(inputs), \(outputs)) = (1, \(outputs)): it maps outputs back to inputs."
        case .transposedSizeRule:
            "As a layer of its own (PyTorch's ConvTranspose) with input size m, its output size is n = (m − 1)·s − p_before − p_after + d·(k − 1) + a + 1, where a is the output padding:"
        case .outputPadding(let values):
            "The output padding a = \(values) gives back the input size exactly."
        case .zeroPaddedCounterpart(let mode):
            "With \(mode) padding, T = Uᵀ is still the transpose, but the ConvTranspose layer with these parameters is the transpose of the zero-padded convolution."
        case .connectivity:
            "Multiplying O by T sends every output back to the inputs its window covered, through the taps that connected them. Reshaped to the input grid, C = O·T shows the connectivity: the transposed convolution reproduces which inputs and outputs are linked, not the input values (it is not an inverse)."
        case .equivalent:
            "The transposed convolution is also a direct convolution of its input (Dumoulin & Visin, A guide to convolution arithmetic for deep learning):"
        case .insertedZeros(let axis, let zeros, let size):
            "Axis \(axis): insert s − 1 = \(zeros) zeros between consecutive inputs (size \(size));"
        case .equivalentPadding(let axis, let before, let after):
            "Axis \(axis): pad d·(k − 1) − p_before = \(before) before and d·(k − 1) − p_after + a = \(after) after;"
        case .equivalentKernel(let dilation):
            "slide the kernel rotated 180° with stride 1 and dilation \(dilation);"
        case .equivalentChannels(let inChannels, let outChannels):
            "swap the channels: it reads \(inChannels) and writes \(outChannels)."
        case .equivalentOutput(let size): "Its output size is \(size), as the rule above gives."
        case .crops:
            "A negative padding means cropping: that many positions are removed from that end instead of added."
        case .backward:
            "Training needs the gradients of an error E with respect to the input and to the kernel. Let δ = ∂E/∂O be the gradient that arrives at the outputs."
        case .inputGradient:
            "The input gradient goes back through the transposed convolution: ∂E/∂X = δ·Uᵀ = δ·T. On the input grid:"
        case .columnConvention:
            "In the column convention (y = U_c·x with U_c = Uᵀ) the same formula reads ∂E/∂x = U_cᵀ·δ."
        case .weightGradient(let rows, let columns):
            "For the kernel, write the convolution the other way round: y = M(x)·vec(k), where the im2col matrix M(x) has one row per output and one column per weight (\(rows)×\(columns)), and its entries are inputs. Then ∂E/∂vec(k) = M(x)ᵀ·δ:"
        case .shortenedTerms(let terms):
            "Entries with more than \(terms) terms show their first two terms, ⋯ and their last term."
        case .size(let name, let rows, let columns, let elided):
            elided
                ? "\(name) is \(rows)×\(columns); the middle rows and columns are elided (⋯, ⋮)."
                : "\(name) is \(rows)×\(columns)."
        }
    }
}
