import ConvMatrixTestSupport
import Testing

@testable import ConvMatrixCore
@testable import ConvMatrixPictures

/// The frame pictures agree with the layer's matrix: for random layers (strides, asymmetric
/// padding, dilation, every padding mode, channels and groups, transposed layers with output
/// padding), the inputs lit in frame `o` are exactly the non-zeros of row `o` of U (or T), the
/// kernel window placed by the geometry reads exactly those inputs through those taps, and every
/// padded cell names the input the padding mode puts there.
@Suite("Frames come from the matrix")
struct FramesFromMatrixTests {
    /// `(column, spatial tap)` pairs of a matrix row, sorted: a multiset.
    static func rowPairs(_ m: TapMatrix, row: Int, spatial: Int) -> [[Int]] {
        m.entries(inRow: row).map { [$0.column, $0.tap % spatial] }.sorted {
            $0.lexicographicallyPrecedes($1)
        }
    }

    /// The input a padding mode puts at position `q` of an axis of `n`, written out from
    /// PyTorch's documentation (not from ``PaddingMode/sourceIndex(of:extent:)``).
    static func reference(_ mode: PaddingMode, _ q: Int, _ n: Int) -> Int? {
        if q >= 0 && q < n { return q }
        switch mode {
        case .zeros: return nil
        case .replicate: return min(max(q, 0), n - 1)
        case .circular: return ((q % n) + n) % n
        case .reflect:
            // Mirror about the edge elements, without repeating them, until inside.
            var r = q
            while r < 0 || r >= n {
                if n == 1 { return 0 }
                r = r < 0 ? -r : 2 * (n - 1) - r
            }
            return r
        }
    }

    @Test(
        "sliding: lit inputs = U's row, window through the padding = U's row, padded cells name their source"
    )
    func sliding() throws {
        var rng = SeededGenerator(seed: 11)
        var checked = 0
        while checked < 300 {
            let conv = RandomSpecs.convolution(using: &rng, maxRank: 2)
            let o = Int.random(in: 0..<conv.outChannels, using: &rng)
            let model = try SlidingModel(conv, outputChannel: o)
            let u = try conv.unrolled()
            let k = conv.kernelExtents.count
            let p = conv.inputExtents.count
            #expect(model.frames.count == conv.outputExtents.count)
            for frame in model.frames {
                #expect(frame.row == o * conv.outputExtents.count + frame.output)
                // Lit inputs: exactly the non-zeros of U's row.
                let lit = frame.lit.flatMap { column, taps in taps.map { [column, $0] } }
                    .sorted { $0.lexicographicallyPrecedes($1) }
                #expect(lit == Self.rowPairs(u, row: frame.row, spatial: k), "\(conv.spec)")
                // The window, read through the canvas cells, gives the same pairs.
                var window: [[Int]] = []
                for cell in frame.window {
                    let content = model.cells[model.canvas.flatIndex(cell.canvas)]
                    let source: Int?
                    switch content {
                    case .input(let j): source = j
                    case .padding(let s): source = s
                    default: source = nil
                    }
                    guard let source else { continue }
                    for c in model.inputChannels { window.append([c * p + source, cell.tap]) }
                }
                window.sort { $0.lexicographicallyPrecedes($1) }
                #expect(window == Self.rowPairs(u, row: frame.row, spatial: k), "\(conv.spec)")
            }
            // Every padded cell names what the padding mode puts there.
            for (flat, content) in model.cells.enumerated() {
                let position = model.canvas.multiIndex(flat)
                var sources: [Int]? = []
                var inside = true
                for (t, axis) in conv.axes.enumerated() {
                    let q = position[t] - axis.padding.before
                    if q < 0 || q >= axis.inputSize { inside = false }
                    if let s = Self.reference(conv.paddingMode, q, axis.inputSize) {
                        sources?.append(s)
                    } else {
                        sources = nil
                    }
                }
                let expected = sources.map { conv.inputExtents.flatIndex($0) }
                if inside {
                    #expect(content == .input(expected ?? -1))
                } else {
                    #expect(content == .padding(source: expected), "\(conv.spec) at \(position)")
                }
            }
            checked += 1
        }
    }

    /// A random valid transposed convolution of rank 1 or 2, output padding included.
    static func transposed(using rng: inout SeededGenerator) -> TransposedConvolution {
        while true {
            let rank = Int.random(in: 1...2, using: &rng)
            let stride = (0..<rank).map { _ in Int.random(in: 1...3, using: &rng) }
            let dilation = (0..<rank).map { _ in Int.random(in: 1...2, using: &rng) }
            let groups = Int.random(in: 1...2, using: &rng)
            let spec = TransposedConvolutionSpec(
                inputSize: (0..<rank).map { _ in Int.random(in: 1...4, using: &rng) },
                kernelSize: (0..<rank).map { _ in Int.random(in: 1...3, using: &rng) },
                stride: stride,
                padding: .explicit(
                    (0..<rank).map { _ in
                        AxisPadding(
                            before: Int.random(in: 0...3, using: &rng),
                            after: Int.random(in: 0...3, using: &rng))
                    }), dilation: dilation,
                outputPadding: (0..<rank).map {
                    Int.random(in: 0..<max(stride[$0], dilation[$0]), using: &rng)
                },
                inChannels: groups * Int.random(in: 1...2, using: &rng),
                outChannels: groups * Int.random(in: 1...2, using: &rng), groups: groups,
                orientation: Bool.random(using: &rng) ? .crossCorrelation : .convolution)
            if let t = try? spec.validated() { return t }
        }
    }

    @Test(
        "equivalent view: lit inputs = T's row, and the window over the zero-inserted input reads them"
    )
    func equivalent() throws {
        var rng = SeededGenerator(seed: 12)
        var cropped = 0
        for _ in 0..<300 {
            let layer = Self.transposed(using: &rng)
            let o = Int.random(in: 0..<layer.outChannels, using: &rng)
            let model = try SlidingModel(equivalentOf: layer, outputChannel: o)
            let t = try layer.unrolled()
            let k = layer.kernelExtents.count
            let m = layer.inputExtents.count
            #expect(model.frames.count == layer.outputExtents.count)
            for frame in model.frames {
                let lit = frame.lit.flatMap { column, taps in taps.map { [column, $0] } }
                    .sorted { $0.lexicographicallyPrecedes($1) }
                #expect(lit == Self.rowPairs(t, row: frame.row, spatial: k))
                var window: [[Int]] = []
                for cell in frame.window {
                    let content = model.cells[model.canvas.flatIndex(cell.canvas)]
                    // Cropped positions never lie under a window.
                    if case .cropped = content { Issue.record("window over a cropped cell") }
                    guard case .input(let j) = content else { continue }
                    for c in model.inputChannels { window.append([c * m + j, cell.tap]) }
                }
                window.sort { $0.lexicographicallyPrecedes($1) }
                #expect(window == Self.rowPairs(t, row: frame.row, spatial: k), "\(layer)")
            }
            let crossed = model.cells.filter { if case .cropped = $0 { true } else { false } }
            if !crossed.isEmpty { cropped += 1 }
        }
        // Negative padding (p > d·(k − 1)) occurred and was drawn.
        #expect(cropped > 10)
    }

    @Test("scatter view: each frame's targets = T's column; the overlap = T's row lengths")
    func scatter() throws {
        var rng = SeededGenerator(seed: 13)
        for _ in 0..<300 {
            let layer = Self.transposed(using: &rng)
            let o = Int.random(in: 0..<layer.outChannels, using: &rng)
            let model = try ScatterModel(layer, outputChannel: o)
            let t = try layer.unrolled()
            let k = layer.kernelExtents.count
            let n = layer.outputExtents.count
            var reached = [Int](repeating: 0, count: n)
            for frame in model.frames {
                var expected: [[Int]] = []
                for row in 0..<t.rowCount where row / n == o {
                    for tap in t.taps(
                        row: row, column: frame.channel * layer.inputExtents.count + frame.input)
                    {
                        expected.append([row % n, tap % k])
                    }
                }
                let drawn = frame.targets.map { [$0.output, $0.tap] }
                #expect(
                    drawn.sorted { $0.lexicographicallyPrecedes($1) }
                        == expected.sorted { $0.lexicographicallyPrecedes($1) })
                for target in frame.targets { reached[target.output] += 1 }
            }
            #expect(reached == model.overlap)
            #expect(model.overlap == (0..<n).map { t.entries(inRow: o * n + $0).count })
        }
    }

    @Test(
        "scatter overlap of the 2×2 / 3×3 / stride 2 transposed layer: the counts multiply per axis"
    )
    func checkerboard() throws {
        let model = try ScatterModel(TransposedConvolutionSpec.input2x2Kernel3x3Stride2.validated())
        // Per axis the counts are 1 1 2 1 1; in 2-D their products.
        let axis = [1, 1, 2, 1, 1]
        #expect(model.overlap == axis.flatMap { a in axis.map { a * $0 } })
    }

    @Test("backward: ∂E/∂x frames are U's rows, ∂E/∂k frames are U's entries of one tap")
    func backward() throws {
        var rng = SeededGenerator(seed: 14)
        for _ in 0..<300 {
            let conv = RandomSpecs.convolution(using: &rng, maxRank: 2)
            let o = Int.random(in: 0..<conv.outChannels, using: &rng)
            let model = try BackwardModel(conv, outputChannel: o)
            let u = try conv.unrolled()
            let k = conv.kernelExtents.count
            let p = conv.outputExtents.count
            for (f, links) in model.inputGradientFrames.enumerated() {
                let drawn = links.map { [$0.column, $0.tap] }.sorted {
                    $0.lexicographicallyPrecedes($1)
                }
                #expect(drawn == Self.rowPairs(u, row: o * p + f, spatial: k))
            }
            for (tap, links) in model.weightGradientFrames.enumerated() {
                var expected: [[Int]] = []
                for f in 0..<p {
                    for entry in u.entries(inRow: o * p + f) where entry.tap % k == tap {
                        expected.append([f, entry.column])
                    }
                }
                #expect(links.map { [$0.output, $0.column] } == expected)
            }
        }
    }

    @Test("the sliding picture outlines exactly the lit inputs and shades one cell per tap")
    func drawnCells() throws {
        var rng = SeededGenerator(seed: 15)
        for _ in 0..<100 {
            let conv = RandomSpecs.convolution(using: &rng, maxRank: 2)
            let model = try SlidingModel(conv)
            let picture = SlidingPicture.picture(model)
            #expect(picture.frameCount == model.frames.count)
            for (frame, primitives) in zip(model.frames, picture.frames) {
                let outlines = primitives.filter {
                    if case .outline(_, _, _, _, _, let w) = $0, w < 1.5 { true } else { false }
                }
                let litDrawn = frame.lit.keys.filter {
                    model.inputChannels.contains($0 / conv.inputExtents.count)
                }
                #expect(outlines.count == litDrawn.count)
                let shaded = primitives.filter {
                    if case .rectangle(_, _, _, _, .tint?, _) = $0 { true } else { false }
                }
                #expect(shaded.count == frame.window.count * model.inputChannels.count)
            }
        }
    }

    @Test("three spatial axes are refused in one line")
    func threeD() throws {
        let conv = try ConvolutionSpec(inputSize: [3, 3, 3], kernelSize: [2, 2, 2]).validated()
        #expect(throws: SpecificationError.self) { try SlidingModel(conv) }
    }
}
