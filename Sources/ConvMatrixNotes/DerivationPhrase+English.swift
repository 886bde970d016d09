import ConvMatrixCore
import ConvMatrixNumeric

extension DerivationPhrase {
    /// The English table.
    var english: String {
        switch self {
        case .title: "The convolution as a matrix: a derivation"
        case .heading(let section):
            switch section {
            case .layer: "The layer"
            case .inputGrid: "The input grid \(math("I"))"
            case .flattened: "The flattened input \(math("X"))"
            case .outputSize: "The output size"
            case .placements: "Kernel placements"
            case .unrolled: "The unrolled matrix \(math("U"))"
            case .forward: "The convolution as a product: \(math("O = X \\cdot U", "O = X·U"))"
            case .transposed: "The transposed convolution \(math("T = U^{\\top}", "T = Uᵀ"))"
            case .connectivity: "Connectivity: \(math("C = O \\cdot T", "C = O·T"))"
            case .equivalent: "The equivalent direct convolution"
            case .backward: "The backward pass"
            case .forwardEquations: "The forward pass, one equation per output"
            case .kernelGradientEquations: "The gradient with respect to the kernel"
            case .inputGradientEquations: "The gradient with respect to the input"
            case .compactForms: "Compact forms"
            }
        case .introduction:
            "This document writes a convolution as a matrix product, step by step, for the layer below: the input, its flattening, the output size, every kernel placement, the unrolled matrix \(math("U")), and the transposed convolution \(math("T = U^{\\top}", "T = Uᵀ")) that reproduces the connectivity."
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
            "Flatten the input row by row (channel first, then each axis in order, as PyTorch lays out a tensor) into a row vector \(math("X")) of \(count) entries:"
        case .outputSizeRule:
            "Along each axis, with input size \(math("n")), padding \(math("p_{\\text{before}}", "p_before")) before and \(math("p_{\\text{after}}", "p_after")) after, kernel size \(math("k")), dilation \(math("d")) and stride \(math("s")), the number of outputs is \(math("m = \\left\\lfloor \\frac{n + p_{\\text{before}} + p_{\\text{after}} - d\\,(k - 1) - 1}{s} \\right\\rfloor + 1", "m = ⌊(n + p_before + p_after − d·(k − 1) − 1) / s⌋ + 1")):"
        case .outputSizeResult(let size, let channels):
            channels > 1
                ? "The output has \(channels) channels of \(size) values."
                : "The output is \(size)."
        case .unreached(let axis, let rank, let positions):
            "\(axisPhrase(axis, rank: rank, english: true)), the stride leaves input \(positions.contains(where: { ",–…".contains($0) }) ? "positions" : "position") \(positions) outside every window."
        case .placements(let shown, let total):
            shown < total
                ? "Each output is the kernel laid over the input at one position. There are \(total) placements; the first \(shown) are shown:"
                : "Each output is the kernel laid over the input at one position. The \(total) placements are:"
        case .placementFor(let index): "Output \(index):"
        case .unrolled(let rows, let columns):
            "Flatten each placement into a column and put the columns side by side: the result is the unrolled matrix \(math("U")), with one row per input and one column per output (\(rows)×\(columns)):"
        case .sumsOfTaps(let mode):
            "With \(mode) padding, an input can meet the same window more than once, so an entry of \(math("U")) can be a sum of weights."
        case .forward(let inputs, let outputs):
            "The convolution is the product \(math("X \\cdot U = O", "X·U = O")), with shapes \(math("(1, \(inputs)) \\cdot (\(inputs), \(outputs)) = (1, \(outputs))", "(1, \(inputs))·(\(inputs), \(outputs)) = (1, \(outputs))")). On the output grid:"
        case .transposed(let inputs, let outputs):
            "The transposed convolution is the matrix \(math("T = U^{\\top}", "T = Uᵀ")), with shapes \(math("(1, \(inputs)) \\cdot (\(inputs), \(outputs)) = (1, \(outputs))", "(1, \(inputs))·(\(inputs), \(outputs)) = (1, \(outputs))")): it maps outputs back to inputs."
        case .transposedSizeRule:
            "As a layer of its own (PyTorch's ConvTranspose) with input size \(math("m")), its output size is \(math("n = (m - 1)\\,s - p_{\\text{before}} - p_{\\text{after}} + d\\,(k - 1) + a + 1", "n = (m − 1)·s − p_before − p_after + d·(k − 1) + a + 1")), where \(math("a")) is the output padding:"
        case .outputPadding(let values):
            "The output padding \(math("a = \(values.split(separator: "×").joined(separator: " \\times "))", "a = \(values)")) gives back the input size exactly."
        case .zeroPaddedCounterpart(let mode):
            "With \(mode) padding, \(math("T = U^{\\top}", "T = Uᵀ")) is still the transpose, but the ConvTranspose layer with these parameters is the transpose of the zero-padded convolution."
        case .connectivity:
            "Multiplying \(math("O")) by \(math("T")) sends every output back to the inputs its window covered, through the weights that connected them. Reshaped to the input grid, \(math("C = O \\cdot T", "C = O·T")) shows the connectivity: the transposed convolution reproduces which inputs and outputs are linked, not the input values (it is not an inverse)."
        case .equivalent:
            "The transposed convolution is also a direct convolution of its input (Dumoulin & Visin, A guide to convolution arithmetic for deep learning):"
        case .insertedZeros(let axis, let rank, let zeros, let size):
            "\(axisPhrase(axis, rank: rank, english: true)): insert \(math("s - 1 = \(zeros)", "s − 1 = \(zeros)")) zero\(zeros == 1 ? "" : "s") between consecutive inputs (size \(size));"
        case .equivalentPadding(let axis, let rank, let before, let after):
            "\(axisPhrase(axis, rank: rank, english: true)): pad \(math("d\\,(k - 1) - p_{\\text{before}} = \(before)", "d·(k − 1) − p_before = \(before)")) before and \(math("d\\,(k - 1) - p_{\\text{after}} + a = \(after)", "d·(k − 1) − p_after + a = \(after)")) after;"
        case .equivalentKernel(let dilation):
            "slide the kernel rotated 180° with stride 1 and dilation \(dilation);"
        case .equivalentChannels(let inChannels, let outChannels):
            "swap the channels: it reads \(inChannels) and writes \(outChannels)."
        case .equivalentOutput(let size): "Its output size is \(size), as the rule above gives."
        case .crops:
            "A negative padding means cropping: that many positions are removed from that end instead of added."
        case .backward:
            "Training needs the gradients of an error \(math("E")) with respect to the input and to the kernel. Let \(math("\\delta = \\partial E / \\partial O", "δ = ∂E/∂O")) be the gradient that arrives at the outputs."
        case .inputGradient:
            "The input gradient goes back through the transposed convolution: \(math("\\partial E / \\partial I = \\delta \\cdot U^{\\top} = \\delta \\cdot T", "∂E/∂I = δ·Uᵀ = δ·T")), reshaped to the input grid:"
        case .columnConvention:
            "In the column convention (\(math("O = U_c \\, I", "O = U_c·I")) with \(math("U_c = U^{\\top}", "U_c = Uᵀ"))) the same formula reads \(math("\\partial E / \\partial I = U_c^{\\top} \\delta", "∂E/∂I = U_cᵀ·δ"))."
        case .weightGradient(let rows, let columns):
            "For the kernel, write the convolution the other way round: \(math("O = M(I) \\cdot \\operatorname{vec}(\(InlineMath.kernelMark))", "O = M(I)·vec(\(InlineMath.kernelMark))")), where the im2col matrix \(math("M(I)")) has one row per output and one column per weight (\(rows)×\(columns)), and its entries are inputs. Then \(math("\\partial E / \\partial \\operatorname{vec}(\(InlineMath.kernelMark)) = M(I)^{\\top} \\delta", "∂E/∂vec(\(InlineMath.kernelMark)) = M(I)ᵀ·δ")):"
        case .shortenedTerms(let terms):
            "Entries with more than \(terms) terms show their first two terms, ⋯ and their last term."
        case .numericForward(let exact, let bias):
            "With the values given, \(math(bias ? "O = X \\cdot U + b" : "O = X \\cdot U", bias ? "O = X·U + b" : "O = X·U")) in numbers\(exact ? ", exactly" : ""):"
        case .equationsIntroduction:
            "This document writes the layer below entry by entry: each output as a sum of products, then, by the chain rule, the gradient of an error \(math("E")) with respect to each weight and each input, and finally the same gradients as convolutions."
        case .forwardEquations(let outputs):
            outputs == 1
                ? "The output is the sum of the inputs under the kernel, each multiplied by its weight:"
                : "Each of the \(outputs) outputs is the sum of the inputs under the kernel, each multiplied by its weight:"
        case .kernelGradientEquations(let weights):
            "By the chain rule, \(weights == 1 ? "the weight collects" : "each of the \(weights) weights collects"), from every output it contributed to, that output's gradient times the input it multiplied there:"
        case .inputGradientEquations(let inputs, let zeros):
            zeros
                ? "In the same way, \(inputs == 1 ? "the input collects" : "each of the \(inputs) inputs collects") every output's gradient times the weight that joined them; an output that does not reach the input contributes 0:"
                : "In the same way, \(inputs == 1 ? "the input collects" : "each of the \(inputs) inputs collects"), from every output it reaches, that output's gradient times the weight that joined them:"
        case .equationsShown(let shown, let total):
            "\(shown) of the \(total) equations are written; ⋮ stands for the \(total - shown) left out."
        case .compactKernelGradient(let padding, let zeros, let dilation, let flipped):
            "The kernel gradient is the cross-correlation ⋆ of the input\(padding.isEmpty ? "" : " padded with \(paddingWords(padding, english: true))") with the output gradient\(zeros.map { ", after inserting \($0) zero\($0 == 1 ? "" : "s") between neighbouring entries of the output gradient (the stride)" } ?? "")\(dilation.map { ", keeping every \(ordinal($0, english: true)) position (the dilation)" } ?? "")\(flipped ? ", rotated by 180° (the layer flips its kernel)" : ""):"
        case .compactInputGradient(let zeros, let padding, let dilation, let rotated):
            "The input gradient is the full cross-correlation ⋆ of the output gradient\(zeros.map { ", with \($0) zero\($0 == 1 ? "" : "s") inserted between neighbouring entries (the stride)," } ?? "") with the kernel\(rotated ? " rotated by 180°" : "")\(dilation.map { " and dilated by \($0)" } ?? "")\(padding.allSatisfy { $0 == 0 } ? "" : ", the output gradient padded with \(paddingWords(padding, english: true))")\(rotated ? " — the same as the full convolution of the output gradient with the kernel" : ""):"
        case .size(let name, let rows, let columns, let elided):
            elided
                ? "\(name) is \(rows)×\(columns); the middle rows and columns are elided (⋯, ⋮)."
                : "\(name) is \(rows)×\(columns)."
        case .figuresHeading: "Figures"
        case .figureCaption(let figure):
            switch figure {
            case .sliding: "The kernel sliding over the input, one frame per output."
            case .transposedEquivalent:
                "The transposed convolution as a direct convolution over the zero-inserted input."
            case .transposedScatter:
                "The transposed convolution as a scatter, one frame per input; last, how many inputs reach each output."
            case .backward:
                "The backward pass: δ scattered through the kernel, then δ correlated with the input."
            }
        }
    }
}

/// `2nd`, `3rd`, `segunda`, `tercera`: the position words the compact forms use.
func ordinal(_ n: Int, english: Bool) -> String {
    if !english { return "\(n).ª" }
    switch n % 10 {
    case 1 where n % 100 != 11: return "\(n)st"
    case 2 where n % 100 != 12: return "\(n)nd"
    case 3 where n % 100 != 13: return "\(n)rd"
    default: return "\(n)th"
    }
}

/// `1 zero before and 1 after on the rows, 2 before and 0 after on the columns` (a negative
/// amount crops: `1 position cropped`), or in Spanish.
func paddingWords(_ pairs: [Int], english: Bool) -> String {
    let rank = pairs.count / 2
    let axes =
        english
        ? (rank == 1
            ? ["the axis"]
            : rank == 2 ? ["the rows", "the columns"] : (0..<rank).map { "axis \($0 + 1)" })
        : (rank == 1
            ? ["el eje"]
            : rank == 2 ? ["las filas", "las columnas"] : (0..<rank).map { "el eje \($0 + 1)" })
    func amount(_ n: Int, first: Bool) -> String {
        if n >= 0 {
            if english { return first ? "\(n) zero\(n == 1 ? "" : "s")" : "\(n)" }
            return first ? "\(n) \(n == 1 ? "cero" : "ceros")" : "\(n)"
        }
        let m = -n
        return english
            ? "\(m) position\(m == 1 ? "" : "s") cropped"
            : "\(m) \(m == 1 ? "posición recortada" : "posiciones recortadas")"
    }
    let parts = (0..<rank).map { t in
        let (b, a) = (pairs[2 * t], pairs[2 * t + 1])
        return english
            ? "\(amount(b, first: true)) before and \(amount(a, first: false)) after on \(axes[t])"
            : "\(amount(b, first: true)) antes y \(amount(a, first: false)) después en \(axes[t])"
    }
    return parts.joined(separator: english ? ", " : ", ")
}
