import ConvMatrix
import ConvMatrixAnalysis
import Testing

/// Receptive fields, windows, supports and the single-convolution comparison.
@Suite("Stacks")
struct StackTests {
    static func forward(_ specs: [ConvolutionSpec]) throws -> LayerStack {
        try LayerStack(specs.map { .convolution(try $0.validated()) })
    }

    /// The axis of a 1-D convolution with kernel `k`, stride `s`, padding `p` on both sides and
    /// dilation `d` (on an input long enough for any of the table's kernels).
    static func geometry(k: Int, s: Int = 1, p: Int = 0, d: Int = 1) throws -> LayerAxis {
        let spec = ConvolutionSpec(
            inputSize: [64], kernelSize: [k], stride: [s], padding: .explicit([AxisPadding(p)]),
            dilation: [d])
        return Layer.convolution(try spec.validated()).axes[0]
    }

    /// Araujo et al.'s examples and the course's.
    static let fields:
        [(layers: [(k: Int, s: Int, p: Int, d: Int)], r: Int, stride: Int, padding: Int)] = [
            ([(3, 1, 1, 1), (3, 1, 1, 1)], 5, 1, 2),  // VGG: two 3×3 see 5×5
            ([(3, 1, 1, 1), (3, 1, 1, 1), (3, 1, 1, 1)], 7, 1, 3),
            ([(7, 2, 3, 1), (3, 2, 1, 1)], 11, 4, 5),  // ResNet-50 stem: conv1, max-pool
            ([(5, 1, 0, 1), (2, 2, 0, 1), (5, 1, 0, 1), (2, 2, 0, 1)], 16, 4, 0),  // LeNet-5
            ([(3, 1, 2, 2), (3, 1, 4, 4)], 13, 1, 6),  // dilated (WaveNet-like)
        ]

    @Test("receptive field, effective stride and padding", arguments: fields)
    func receptiveField(
        _ c: (layers: [(k: Int, s: Int, p: Int, d: Int)], r: Int, stride: Int, padding: Int)
    ) throws {
        let field = try #require(
            ReceptiveField(
                c.layers.map { try Self.geometry(k: $0.k, s: $0.s, p: $0.p, d: $0.d) }))
        #expect(field.size == c.r)
        #expect(field.stride == c.stride)
        #expect(field.padding == c.padding)
    }

    /// Two or three random layers on `rank` axes, each on the previous one's output (without
    /// padding when `unpadded`). A stack can end early when no layer fits the shrinking input:
    /// it is then drawn again, up to ten times, so that every test argument checks a stack.
    static func randomStack(
        _ random: inout RandomLayers, rank: Int, unpadded: Bool
    ) -> [Layer]? {
        for _ in 0..<10 {
            var size = (0..<rank).map { _ in random.int(5...9) }
            var channels = random.int(1...2)
            var layers: [Layer] = []
            for _ in 0..<random.int(2...3) {
                guard var conv = random.convolution(input: size, channels: channels) else { break }
                if unpadded {
                    var spec = conv.spec
                    spec.padding = .explicit([AxisPadding(0)])
                    guard let plain = try? spec.validated() else { break }
                    conv = plain
                }
                layers.append(.convolution(conv))
                size = conv.outputExtents.sizes
                channels = conv.outChannels
            }
            if layers.count >= 2 { return layers }
        }
        return nil
    }

    @Test(
        "forward stacks: the formulas against a backward recurrence, the support within the window, folding exact without padding",
        arguments: 0..<30)
    func forwardProperties(seed: Int) throws {
        var random = RandomLayers(seed: UInt64(3000 + seed))
        let rank = random.int(1...2)
        let unpadded = seed % 2 == 0
        let layers = try #require(
            Self.randomStack(&random, rank: rank, unpadded: unpadded),
            "every draw gives a stack of at least two layers within ten tries")
        let stack = try LayerStack(layers)
        let analysis = try StackAnalysis(stack)
        for t in 0..<rank {
            let geometry = layers.map { $0.axes[t] }
            // Backward (Araujo et al. eq. 1, 9): r_{l−1} = s_l·r_l + (k_l − s_l), P_{l−1} = s_l·P_l + p_l.
            var r = 1
            var p = 0
            for g in geometry.reversed() {
                r = g.stride * r + (g.dilatedKernelSize - g.stride)
                p = g.stride * p + g.padding.before
            }
            #expect(analysis.axes[t].receptiveField == r)
            #expect(Int(analysis.axes[t].effectivePadding) == p)
            #expect(Int(analysis.axes[t].effectiveStride) == geometry.reduce(1) { $0 * $1.stride })
        }
        // Every support lies within the output's window.
        let outputs = stack.outputExtents
        for (row, ranges) in analysis.support.ranges.enumerated() {
            guard let ranges else { continue }
            let i = outputs.multiIndex(row % outputs.count)
            for t in 0..<rank {
                let w = try #require(analysis.axes[t].formula).window(i[t])
                #expect(w.contains(ranges[t].lowerBound) && w.contains(ranges[t].upperBound))
            }
        }
        // With no padding anywhere the stack is exactly one convolution.
        if unpadded {
            let single = try #require(analysis.single)
            #expect(single.isEqual)
        }
    }

    @Test("padding 1 twice: the single convolution differs on the border rows only")
    func borderRows() throws {
        let stack = try Self.forward([
            ConvolutionSpec(inputSize: [6], kernelSize: [3], padding: .explicit([AxisPadding(1)])),
            ConvolutionSpec(inputSize: [6], kernelSize: [3], padding: .explicit([AxisPadding(1)])),
        ])
        let analysis = try StackAnalysis(stack)
        let single = try #require(analysis.single)
        #expect(single.convolution.axes[0].kernelSize == 5)
        #expect(single.convolution.axes[0].padding.before == 2)
        #expect(single.differingRows == [0, 5])
        #expect(analysis.windowMismatches.isEmpty)
    }

    @Test("stacks that don't chain are refused, naming the layer")
    func chaining() throws {
        let a = try ConvolutionSpec(inputSize: [6], kernelSize: [3], outChannels: 2).validated()
        let b = try ConvolutionSpec(inputSize: [4], kernelSize: [3], inChannels: 3).validated()
        #expect(throws: StackError.self) { try LayerStack([.convolution(a), .convolution(b)]) }
        do {
            _ = try LayerStack([.convolution(a), .convolution(b)])
        } catch {
            #expect(error.layer == 2)
            #expect(error.field == .inChannels)
        }
    }

    @Test("a stack with a transposed layer reads its geometry from the matrix")
    func transposedStack() throws {
        let down = try ConvolutionSpec(
            inputSize: [8], kernelSize: [4], stride: [2], padding: .explicit([AxisPadding(1)])
        ).validated()
        let up = try TransposedConvolutionSpec(
            inputSize: [4], kernelSize: [4], stride: [2], padding: .explicit([AxisPadding(1)])
        ).validated()
        let analysis = try StackAnalysis(LayerStack([.convolution(down), .transposed(up)]))
        #expect(!analysis.fromFormulas)
        #expect(analysis.stack.outputExtents.sizes == [8])
        #expect(analysis.axes[0].effectiveStride == 1)
        #expect(analysis.single == nil)
    }
}
