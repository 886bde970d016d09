/// Every per-axis list of a layer — input, kernel, stride, dilation, padding, output padding —
/// expanded to the input's number of axes and bounds-checked, in one place, before anything
/// reads a value of it.
///
/// A list holds one value per spatial axis, or a single value used on every axis (PyTorch's
/// `kernel_size=3`, `stride=2`, `padding=1` mean the same on every axis). After this step every
/// list has exactly ``rank`` entries, so per-axis code (the padding words, output sizes, the axes
/// of ``Convolution`` and ``TransposedConvolution``) indexes them without a second thought.
///
/// Checks, in order: the input has at least one axis and sizes `1 … 2³¹ − 1`; the kernel has one
/// value or as many axes as the input, each `1 … 2³¹ − 1`; stride and dilation `1 … 2³¹ − 1`;
/// explicit padding `0 … 2³¹ − 1` on each side; output padding `0 … 2³¹ − 1`. Each list with a
/// count other than 1 or the rank is refused with its field. (With every value below `2³¹`, the
/// single-axis arithmetic of validation cannot overflow a 64-bit `Int`.)
struct AxisLists {
    /// The number of spatial axes: the input's.
    let rank: Int
    /// Input extents `n`.
    let input: [Int]
    /// Kernel extents `k`.
    let kernel: [Int]
    /// Strides `s`.
    let stride: [Int]
    /// Dilations `d`.
    let dilation: [Int]
    /// Explicit paddings, or `nil` when the padding is a word (resolved later from these lists).
    let explicitPadding: [AxisPadding]?
    /// Output paddings `a` (zeros for a forward convolution).
    let outputPadding: [Int]

    /// Expands and checks the lists of a layer description.
    init(
        input: [Int], kernel: [Int], stride: [Int], dilation: [Int], padding: PaddingSpec,
        outputPadding: [Int] = [0]
    ) throws(SpecificationError) {
        guard !input.isEmpty else { throw SpecificationError(.input, "needs at least one axis") }
        try SpecValidation.atLeast(1, input, field: .input)
        try SpecValidation.atMostLargest(input, field: .input)
        let rank = input.count
        guard kernel.count == 1 || kernel.count == rank else {
            throw SpecificationError(
                .kernel,
                "has \(kernel.count) axes but the input has \(rank); both need the same number")
        }
        try SpecValidation.atLeast(1, kernel, field: .kernel)
        try SpecValidation.atMostLargest(kernel, field: .kernel)
        try SpecValidation.atLeast(1, stride, field: .stride)
        try SpecValidation.atMostLargest(stride, field: .stride)
        let strides = try SpecValidation.perAxis(stride, rank: rank, field: .stride)
        try SpecValidation.atLeast(1, dilation, field: .dilation)
        try SpecValidation.atMostLargest(dilation, field: .dilation)
        let dilations = try SpecValidation.perAxis(dilation, rank: rank, field: .dilation)
        switch padding {
        case .explicit(let amounts):
            explicitPadding = try SpecValidation.explicitPadding(amounts, rank: rank)
        case .valid:
            explicitPadding = Array(repeating: AxisPadding(0), count: rank)
        case .same, .full:
            explicitPadding = nil
        }
        try SpecValidation.atLeast(0, outputPadding, field: .outputPadding)
        try SpecValidation.atMostLargest(outputPadding, field: .outputPadding)
        self.outputPadding = try SpecValidation.perAxis(
            outputPadding, rank: rank, field: .outputPadding)
        self.rank = rank
        self.input = input
        self.kernel = try SpecValidation.perAxis(kernel, rank: rank, field: .kernel)
        self.stride = strides
        self.dilation = dilations
    }
}
