import ConvMatrixCore

/// What one cell of a sliding picture's input canvas holds: the input as the kernel sees it,
/// padding and (for a transposed convolution's equivalent view) inserted zeros included.
public enum CanvasCell: Hashable, Sendable {
    /// Real input at this flat spatial position.
    case input(Int)
    /// A padded position; `source` is the flat spatial input it copies (reflect, replicate,
    /// circular), or nil for a zero.
    case padding(source: Int?)
    /// A zero inserted between inputs by a transposed convolution's stride.
    case insertedZero
    /// A position of the zero-inserted input that a negative padding crops away; `input` is the
    /// real input it held, if any.
    case cropped(input: Int?)
}

/// One frame of a sliding picture: where the kernel window lies on the canvas, and which inputs
/// the output of the frame reads according to the layer's matrix.
public struct SlidingFrame: Hashable, Sendable {
    /// One cell under the kernel window.
    public struct WindowCell: Hashable, Sendable {
        /// The canvas position (multi-index).
        public let canvas: [Int]
        /// The spatial kernel position that lies on it (flattened row-major; after the flip of a
        /// true convolution).
        public let tap: Int
    }

    /// The flat spatial output position this frame computes.
    public let output: Int
    /// The window's cells: one per kernel tap. Dilation leaves holes between them.
    public let window: [WindowCell]
    /// The canvas position of the window's first corner.
    public let windowOrigin: [Int]
    /// The window's extent on the canvas, `d·(k − 1) + 1` per axis.
    public let windowSpan: [Int]
    /// The inputs the output reads, from row `row` of the matrix (column convention): for each
    /// column (channel-first flat input index), the spatial taps of its entries.
    public let lit: [Int: [Int]]
    /// The matrix row of this frame.
    public let row: Int
}

/// The frames of the kernel sliding over its input (Dumoulin & Visin's figures): one frame per
/// spatial output position of one output channel.
///
/// The canvas is what the kernel slides over: for a convolution, the padded input (`n + p_before +
/// p_after` per axis); for a transposed convolution seen as its equivalent direct convolution, the
/// zero-inserted input with the positive part of the padding `d·(k − 1) − p` on each side, and
/// the positions a negative padding crops still drawn (crossed out). The window of output `i`
/// covers canvas positions `i·s + a·d` (plus the cropping before, in the equivalent view).
///
/// The lit inputs of every frame are read from the layer's matrix — row `o` of U (or of T for
/// the equivalent view) in the column convention — so the picture agrees with the matrix by
/// construction; the window comes from the geometry, and the tests check that the two agree.
public struct SlidingModel: Hashable, Sendable {
    /// Canvas extents (rank 1 or 2).
    public let canvas: Extents
    /// What every canvas cell holds, row-major.
    public let cells: [CanvasCell]
    /// Spatial extents of the real input.
    public let inputExtents: Extents
    /// Spatial extents of the output.
    public let outputExtents: Extents
    /// The input channels drawn (those of the output channel's group).
    public let inputChannels: [Int]
    /// The output channel drawn.
    public let outputChannel: Int
    /// One frame per spatial output position.
    public let frames: [SlidingFrame]
    /// Per drawn input channel, the weight index of its kernel's first tap (PyTorch's weight
    /// layout: `(M, C/g, k…)` for a convolution, `(C_in, C_out/g, k…)` for a transposed one).
    public let kernelOffsets: [Int]
    /// The weight's second dimension (`C/g`, or `C_out/g` for a transposed convolution): with
    /// it, a weight index splits into the channel pair of its superscript.
    public let kernelInnerChannels: Int
    /// Whether the layer has more than one channel (symbols then carry channels).
    public let channelled: Bool
    /// The spatial kernel extents.
    public let kernelExtents: Extents

    /// The canvas position of every spatial input (nil when a negative padding cropped it).
    public var inputCanvasPositions: [Int?] {
        var result = [Int?](repeating: nil, count: inputExtents.count)
        for (flat, cell) in cells.enumerated() {
            if case .input(let j) = cell, result[j] == nil { result[j] = flat }
        }
        return result
    }

    /// The sliding frames of `conv` for output channel `outputChannel`. Throws when the layer
    /// has more than two spatial axes or more frames or cells than ``PictureLimits`` allow, or
    /// when U exceeds `limits`.
    public init(_ conv: Convolution, outputChannel: Int = 0, limits: ResourceLimits = .default)
        throws(SpecificationError)
    {
        try PictureLimits.checkDrawable(
            rank: conv.rank, frames: FrameCounts.sliding(conv),
            canvasCells: conv.axes.reduce(1) { $0 * min($1.paddedInputSize, 1 << 20) },
            shaded: conv.outputExtents.count * conv.kernelExtents.count * conv.inChannelsPerGroup)
        try PictureLimits.checkOutputChannel(outputChannel, of: conv.outChannels)
        let sizes = conv.axes.map(\.paddedInputSize)
        let canvas = Extents(sizes) ?? conv.inputExtents
        var cells: [CanvasCell] = []
        cells.reserveCapacity(canvas.count)
        for flat in 0..<canvas.count {
            let u = canvas.multiIndex(flat)
            var inside = true
            var sources: [Int]? = []
            for (t, axis) in conv.axes.enumerated() {
                let q = u[t] - axis.padding.before
                if q < 0 || q >= axis.inputSize { inside = false }
                if let s = conv.paddingMode.sourceIndex(of: q, extent: axis.inputSize) {
                    sources?.append(s)
                } else {
                    sources = nil
                }
            }
            let source = sources.map { conv.inputExtents.flatIndex($0) }
            cells.append(inside ? .input(source ?? 0) : .padding(source: source))
        }
        let u = try conv.unrolled(limits: limits)
        let kernel = Extents(conv.axes.map(\.kernelSize)) ?? conv.kernelExtents
        let flip = conv.orientation == .convolution
        var frames: [SlidingFrame] = []
        frames.reserveCapacity(conv.outputExtents.count)
        for f in 0..<conv.outputExtents.count {
            let i = conv.outputExtents.multiIndex(f)
            let origin = zip(i, conv.axes).map { $0 * $1.stride }
            frames.append(
                SlidingFrame(
                    output: f,
                    window: Self.window(
                        origin: origin, kernel: kernel, dilations: conv.axes.map(\.dilation),
                        flip: flip),
                    windowOrigin: origin, windowSpan: conv.axes.map(\.dilatedKernelSize),
                    lit: Self.lit(
                        u, row: outputChannel * conv.outputExtents.count + f, spatial: kernel.count),
                    row: outputChannel * conv.outputExtents.count + f))
        }
        let group = outputChannel / conv.outChannelsPerGroup
        self.kernelOffsets = (0..<conv.inChannelsPerGroup).map {
            (outputChannel * conv.inChannelsPerGroup + $0) * kernel.count
        }
        self.kernelInnerChannels = conv.inChannelsPerGroup
        self.channelled = conv.hasChannels
        self.kernelExtents = kernel
        self.canvas = canvas
        self.cells = cells
        self.inputExtents = conv.inputExtents
        self.outputExtents = conv.outputExtents
        self.inputChannels = Array(
            (group * conv.inChannelsPerGroup)..<((group + 1) * conv.inChannelsPerGroup))
        self.outputChannel = outputChannel
        self.frames = frames
    }

    /// The equivalent view of a transposed convolution (Dumoulin & Visin §4): the direct
    /// convolution over the zero-inserted, padded input, one frame per output position of
    /// output channel `outputChannel`. Lit inputs come from T, the transposed layer's own matrix.
    public init(
        equivalentOf transposed: TransposedConvolution, outputChannel: Int = 0,
        limits: ResourceLimits = .default
    ) throws(SpecificationError) {
        // Dumoulin & Visin §4 (as ``EquivalentConvolution``): pad d·(k − 1) − p_before before and
        // d·(k − 1) − p_after + a after the zero-inserted input; negative amounts crop. Computed
        // here too, because a crop may remove every real input, which a convolution cannot take.
        var signed: [(before: Int, after: Int)] = []
        var cropping: [AxisPadding] = []
        var sizes: [Int] = []
        for axis in transposed.axes {
            let span = axis.dilation * (axis.kernelSize - 1)
            let before = span - axis.padding.before
            let after = span - axis.padding.after + axis.outputPadding
            signed.append((before, after))
            cropping.append(AxisPadding(before: max(0, -before), after: max(0, -after)))
            let dilatedInput = (axis.inputSize - 1) * axis.stride + 1
            sizes.append(max(0, before) + dilatedInput + max(0, after))
        }
        try PictureLimits.checkDrawable(
            rank: transposed.rank, frames: FrameCounts.transposedEquivalent(transposed),
            canvasCells: sizes.reduce(1) { $0 * min($1, 1 << 20) },
            shaded: transposed.outputExtents.count * transposed.kernelExtents.count
                * (transposed.inChannels / transposed.groups))
        try PictureLimits.checkOutputChannel(outputChannel, of: transposed.outChannels)
        let canvas = Extents(sizes) ?? transposed.inputExtents
        var cells: [CanvasCell] = []
        for flat in 0..<canvas.count {
            let u = canvas.multiIndex(flat)
            var padding = false
            var cropped = false
            var inserted = false
            var inputIndex: [Int] = []
            for (t, axis) in transposed.axes.enumerated() {
                let dilatedInput = (axis.inputSize - 1) * axis.stride + 1
                let v = u[t] - max(0, signed[t].before)
                if v < 0 || v >= dilatedInput {
                    padding = true
                    continue
                }
                if v < cropping[t].before
                    || v >= dilatedInput - cropping[t].after
                {
                    cropped = true
                }
                if v % axis.stride != 0 {
                    inserted = true
                } else {
                    inputIndex.append(v / axis.stride)
                }
            }
            let input = inserted ? nil : Optional(transposed.inputExtents.flatIndex(inputIndex))
            if padding {
                cells.append(.padding(source: nil))
            } else if cropped {
                cells.append(.cropped(input: input))
            } else if let input {
                cells.append(.input(input))
            } else {
                cells.append(.insertedZero)
            }
        }
        let t = try transposed.unrolled(limits: limits)
        let kernel = Extents(transposed.axes.map(\.kernelSize)) ?? transposed.kernelExtents
        let crop = cropping.map(\.before)
        var frames: [SlidingFrame] = []
        for f in 0..<transposed.outputExtents.count {
            let i = transposed.outputExtents.multiIndex(f)
            let origin = zip(i, crop).map { $0 + $1 }
            let row = outputChannel * transposed.outputExtents.count + f
            frames.append(
                SlidingFrame(
                    output: f,
                    window: Self.window(
                        origin: origin, kernel: kernel,
                        dilations: transposed.axes.map(\.dilation),
                        flip: transposed.orientation == .crossCorrelation),
                    windowOrigin: origin,
                    windowSpan: transposed.axes.map {
                        OutputSize.dilatedKernel(kernel: $0.kernelSize, dilation: $0.dilation)
                    },
                    lit: Self.lit(t, row: row, spatial: kernel.count), row: row))
        }
        let perGroup = transposed.outChannels / transposed.groups
        let inPerGroup = transposed.inChannels / transposed.groups
        let group = outputChannel / perGroup
        self.kernelOffsets = (0..<inPerGroup).map {
            ((group * inPerGroup + $0) * perGroup + outputChannel % perGroup) * kernel.count
        }
        self.kernelInnerChannels = perGroup
        self.channelled = transposed.inChannels > 1 || transposed.outChannels > 1
        self.kernelExtents = kernel
        self.canvas = canvas
        self.cells = cells
        self.inputExtents = transposed.inputExtents
        self.outputExtents = transposed.outputExtents
        self.inputChannels = Array((group * inPerGroup)..<((group + 1) * inPerGroup))
        self.outputChannel = outputChannel
        self.frames = frames
    }

    /// The window cells of a kernel whose first tap lies at `origin`: tap `a` at
    /// `origin + a·d` (per axis), named by its position after the flip of a true convolution.
    static func window(origin: [Int], kernel: Extents, dilations: [Int], flip: Bool)
        -> [SlidingFrame.WindowCell]
    {
        (0..<kernel.count).map { flat in
            let a = kernel.multiIndex(flat)
            let canvas = (0..<a.count).map { origin[$0] + a[$0] * dilations[$0] }
            let tap =
                flip ? kernel.flatIndex((0..<a.count).map { kernel.sizes[$0] - 1 - a[$0] }) : flat
            return SlidingFrame.WindowCell(canvas: canvas, tap: tap)
        }
    }

    /// Row `row` of `matrix` as columns → spatial taps.
    static func lit(_ matrix: TapMatrix, row: Int, spatial: Int) -> [Int: [Int]] {
        var result: [Int: [Int]] = [:]
        for entry in matrix.entries(inRow: row) {
            result[entry.column, default: []].append(entry.tap % spatial)
        }
        return result
    }
}
