import ConvMatrixCore

/// The scatter view of a transposed convolution (Odena, Dumoulin & Olah, "Deconvolution and
/// Checkerboard Artifacts", Distill 2016): one frame per input `(c, j)` of the output channel's
/// group, each adding `k[c, o, a] · x[c, j]` onto the outputs `j·s + a·d − p_before` that lie
/// inside; then the overlap — how many (input, tap) pairs reach each output.
///
/// Targets are read from T, the layer's matrix in the column convention (column `(c, j)`); the
/// overlap of output `i` is the number of stored entries of T's row `i`. When the kernel size is
/// not a multiple of the stride the counts are uneven — the checkerboard — and in 2-D the counts
/// of the two axes multiply.
public struct ScatterModel: Hashable, Sendable {
    /// One frame: an input and where it lands.
    public struct Frame: Hashable, Sendable {
        /// The input channel.
        public let channel: Int
        /// The flat spatial input position.
        public let input: Int
        /// The outputs reached, as (flat spatial output, spatial tap), from T's column.
        public let targets: [Target]
    }

    /// One output reached by one input through one tap.
    public struct Target: Hashable, Sendable {
        /// The flat spatial output position.
        public let output: Int
        /// The spatial kernel position.
        public let tap: Int
    }

    /// Spatial extents of the transposed layer's input.
    public let inputExtents: Extents
    /// Spatial extents of its output.
    public let outputExtents: Extents
    /// Spatial kernel extents.
    public let kernelExtents: Extents
    /// The output channel drawn.
    public let outputChannel: Int
    /// The input channels of its group.
    public let inputChannels: [Int]
    /// One frame per input of the group, channel by channel, row-major.
    public let frames: [Frame]
    /// Per flat spatial output, how many (input, tap) pairs reach it: T's row length.
    public let overlap: [Int]
    /// Per drawn input channel, the weight index of its kernel's first tap.
    public let kernelOffsets: [Int]
    /// The weight's second dimension (`C_out/g`).
    public let kernelInnerChannels: Int
    /// Whether the layer has channels.
    public let channelled: Bool

    /// The scatter frames of `transposed` for output channel `outputChannel`.
    public init(
        _ transposed: TransposedConvolution, outputChannel: Int = 0,
        limits: ResourceLimits = .default
    ) throws(SpecificationError) {
        let inPerGroup = transposed.inChannels / transposed.groups
        let outPerGroup = transposed.outChannels / transposed.groups
        try PictureLimits.checkDrawable(
            rank: transposed.rank, frames: FrameCounts.scatterSteps(transposed),
            canvasCells: max(transposed.inputExtents.count, transposed.outputExtents.count),
            shaded: transposed.inputExtents.count * inPerGroup * transposed.kernelExtents.count)
        try PictureLimits.checkOutputChannel(outputChannel, of: transposed.outChannels)
        let t = try transposed.unrolled(limits: limits)
        let columns = t.transposed()
        let kernel = Extents(transposed.axes.map(\.kernelSize)) ?? transposed.kernelExtents
        let m = transposed.inputExtents.count
        let n = transposed.outputExtents.count
        let group = outputChannel / outPerGroup
        let channels = Array((group * inPerGroup)..<((group + 1) * inPerGroup))
        var frames: [Frame] = []
        for c in channels {
            for j in 0..<m {
                let targets = columns.entries(inRow: c * m + j)
                    .filter { $0.column / n == outputChannel }
                    .map { Target(output: $0.column % n, tap: $0.tap % kernel.count) }
                frames.append(Frame(channel: c, input: j, targets: targets))
            }
        }
        inputExtents = transposed.inputExtents
        outputExtents = transposed.outputExtents
        kernelExtents = kernel
        self.outputChannel = outputChannel
        inputChannels = channels
        self.frames = frames
        overlap = (0..<n).map { f in
            let row = outputChannel * n + f
            return t.rowStart[row + 1] - t.rowStart[row]
        }
        kernelOffsets = channels.map {
            ($0 * outPerGroup + outputChannel % outPerGroup) * kernel.count
        }
        kernelInnerChannels = outPerGroup
        channelled = transposed.inChannels > 1 || transposed.outChannels > 1
    }
}

/// The backward pass of a convolution, frame by frame, from U (column convention,
/// `y = U·x`): with `δ = ∂E/∂y` for one output channel,
/// - ∂E/∂x = Uᵀ·δ: one frame per output position `i`, scattering `δᵢ` through the kernel onto
///   the inputs of U's row `i` (the transposed convolution of δ);
/// - ∂E/∂k_a = Σᵢ δᵢ · x[source of tap a in window i]: one frame per spatial tap `a`, pairing
///   every δᵢ with the input that tap `a` meets in window `i` (the entries of U with tap `a`) —
///   the correlation of x with δ.
public struct BackwardModel: Hashable, Sendable {
    /// One input reached (∂E/∂x) or paired (∂E/∂k) in a frame.
    public struct Link: Hashable, Sendable {
        /// The output position (δ's index).
        public let output: Int
        /// The input column of U (channel-first flat input index).
        public let column: Int
        /// The spatial tap.
        public let tap: Int
    }

    /// Spatial input extents.
    public let inputExtents: Extents
    /// Spatial output extents (δ's).
    public let outputExtents: Extents
    /// Spatial kernel extents.
    public let kernelExtents: Extents
    /// The output channel drawn.
    public let outputChannel: Int
    /// The input channels of its group.
    public let inputChannels: [Int]
    /// ∂E/∂x: per output position, the links of U's row.
    public let inputGradientFrames: [[Link]]
    /// ∂E/∂k: per spatial tap, the links of U with that tap.
    public let weightGradientFrames: [[Link]]
    /// Per drawn input channel, the weight index of its kernel's first tap.
    public let kernelOffsets: [Int]
    /// `C/g`.
    public let kernelInnerChannels: Int
    /// Whether the layer has channels.
    public let channelled: Bool

    /// The backward frames of `conv` for output channel `outputChannel`.
    public init(_ conv: Convolution, outputChannel: Int = 0, limits: ResourceLimits = .default)
        throws(SpecificationError)
    {
        let kernel = Extents(conv.axes.map(\.kernelSize)) ?? conv.kernelExtents
        try PictureLimits.checkDrawable(
            rank: conv.rank, frames: FrameCounts.backward(conv),
            canvasCells: max(conv.inputExtents.count, conv.outputExtents.count),
            shaded: 2 * conv.outputExtents.count * kernel.count * conv.inChannelsPerGroup)
        try PictureLimits.checkOutputChannel(outputChannel, of: conv.outChannels)
        let u = try conv.unrolled(limits: limits)
        let p = conv.outputExtents.count
        var byOutput: [[Link]] = []
        var byTap = [[Link]](repeating: [], count: kernel.count)
        for f in 0..<p {
            let links = u.entries(inRow: outputChannel * p + f).map {
                Link(output: f, column: $0.column, tap: $0.tap % kernel.count)
            }
            byOutput.append(links)
            for link in links { byTap[link.tap].append(link) }
        }
        let group = outputChannel / conv.outChannelsPerGroup
        inputExtents = conv.inputExtents
        outputExtents = conv.outputExtents
        kernelExtents = kernel
        self.outputChannel = outputChannel
        inputChannels = Array(
            (group * conv.inChannelsPerGroup)..<((group + 1) * conv.inChannelsPerGroup))
        inputGradientFrames = byOutput
        weightGradientFrames = byTap
        kernelOffsets = (0..<conv.inChannelsPerGroup).map {
            (outputChannel * conv.inChannelsPerGroup + $0) * kernel.count
        }
        kernelInnerChannels = conv.inChannelsPerGroup
        channelled = conv.hasChannels
    }
}
