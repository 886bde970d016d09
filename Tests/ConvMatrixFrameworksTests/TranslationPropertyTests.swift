import ConvMatrixCore
import ConvMatrixFrameworks
import Testing

/// Properties over many random layers in every framework's own words.
@Suite("Translations, properties")
struct TranslationPropertyTests {
    /// A deterministic generator (SplitMix64).
    struct Generator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func int(_ range: ClosedRange<Int>) -> Int {
            range.lowerBound + Int(next() % UInt64(range.count))
        }
        mutating func bool() -> Bool { next() % 2 == 0 }
    }

    /// A random layer of `framework`, valid or not.
    static func randomLayer(_ framework: Framework, _ g: inout Generator)
        -> (FrameworkLayer, input: [Int], kernel: [Int])
    {
        let rank = g.int(1...3)
        let input = (0..<rank).map { _ in g.int(1...(rank == 1 ? 12 : 5)) }
        let kernel = (0..<rank).map { _ in g.int(1...4) }
        let s = (0..<rank).map { _ in g.int(1...4) }
        let d = (0..<rank).map { _ in g.int(1...3) }
        let direction: FrameworkDirection = g.bool() ? .forward : .transposed
        switch framework {
        case .pytorch:
            let words: [PyTorchLayer.Padding] = [
                .same, .valid, .amounts((0..<rank).map { _ in g.int(0...3) }),
            ]
            return (
                .pytorch(
                    PyTorchLayer(
                        direction: direction, stride: s,
                        padding: direction == .transposed ? words[2] : words[g.int(0...2)],
                        outputPadding: direction == .transposed
                            ? (0..<rank).map { _ in g.int(0...3) } : nil,
                        dilation: d)), input, kernel
            )
        case .tensorflow:
            let padding: TensorFlowLayer.Padding =
                rank == 2 && g.bool()
                ? .explicit(
                    (0..<rank).map { _ in AxisPadding(before: g.int(0...3), after: g.int(0...3)) })
                : g.bool() ? .same : .valid
            let shape = (0..<rank).map { t in
                g.int(1...(input[t] * s[t] + d[t] * (kernel[t] - 1) + 1))
            }
            return (
                .tensorflow(
                    TensorFlowLayer(
                        direction: direction, strides: s, padding: padding,
                        outputShape: direction == .transposed ? shape : nil, dilations: d)), input,
                kernel
            )
        case .keras:
            let dilation = s.contains { $0 > 1 } && g.int(0...3) > 0 ? [1] : d
            let words: [KerasLayer.Padding] =
                direction == .forward && rank == 1 ? [.same, .valid, .causal] : [.same, .valid]
            return (
                .keras(
                    KerasLayer(
                        direction: direction, strides: s,
                        padding: words[g.int(0...(words.count - 1))],
                        outputPadding: direction == .transposed && g.bool()
                            ? (0..<rank).map { t in g.int(0...(s[t] - 1)) } : nil,
                        dilationRate: dilation)), input, kernel
            )
        case .jax:
            let padding: JAXLayer.Padding
            switch g.int(0...3) {
            case 0: padding = .same
            case 1: padding = .valid
            case 2 where direction == .forward: padding = .sameLower
            default:
                padding = .pairs(
                    (0..<rank).map { _ in AxisPadding(before: g.int(-2...4), after: g.int(-2...4)) }
                )
            }
            return (
                .jax(
                    JAXLayer(
                        direction: direction, strides: s, padding: padding, rhsDilation: d,
                        transposeKernel: direction == .transposed && g.bool(),
                        useConsistentPadding: direction == .transposed && g.bool())), input, kernel
            )
        case .onnx:
            let autoPad = ONNXLayer.AutoPad.allCases[g.int(0...3)]
            return (
                .onnx(
                    ONNXLayer(
                        direction: direction, strides: s,
                        pads: autoPad == .notSet ? (0..<(2 * rank)).map { _ in g.int(0...3) } : nil,
                        dilations: d, autoPad: autoPad,
                        outputPadding: direction == .transposed
                            ? (0..<rank).map { t in g.int(0...(s[t] - 1)) } : nil,
                        outputShape: direction == .transposed && g.bool()
                            ? (0..<rank).map { t in g.int(1...(input[t] * s[t] + 2)) } : nil)),
                input, kernel
            )
        }
    }

    /// Every valid random layer: every framework's translation, rebuilt from that framework's
    /// own rules, has the layer's matrix; so does ConvMatrix's own unrolling of the PyTorch one.
    @Test(arguments: Framework.allCases)
    func everyTranslationHasTheSameMatrix(_ framework: Framework) throws {
        var g = Generator(state: 0xC0FFEE ^ UInt64(framework.rawValue.count))
        var valid = 0
        for _ in 0..<400 {
            let (layer, input, kernel) = Self.randomLayer(framework, &g)
            guard (try? layer.geometry(input: input, kernel: kernel)) != nil else { continue }
            valid += 1
            let comparison = try FrameworkComparison(layer, input: input, kernel: kernel)
            #expect(comparison.holds, "\(layer) \(input) \(kernel)")
            for entry in comparison.entries {
                if case .inexpressible(let reason) = entry.translation {
                    let allowed =
                        (entry.framework == .keras && reason.contains("dilation_rate"))
                        || input.count > 3
                    if !allowed {
                        Issue.record("\(layer) \(input) \(kernel): \(entry.framework) \(reason)")
                    }
                }
            }
            if case .expressed = comparison.entries[0].translation {
                #expect(comparison.reference?.holds == true, "\(layer) \(input) \(kernel)")
            }
        }
        #expect(valid >= 100)
    }

    /// A → B → A: translating a layer to B and B's exact answer back to A gives A's geometry
    /// (A's own parameters may be spelled differently, the layer is the same).
    @Test(arguments: Framework.allCases)
    func roundTripsAreTheIdentity(_ framework: Framework) throws {
        var g = Generator(state: 0xBADC0DE ^ UInt64(framework.rawValue.count * 7))
        var valid = 0
        for _ in 0..<300 {
            let (layer, input, kernel) = Self.randomLayer(framework, &g)
            guard let geometry = try? layer.geometry(input: input, kernel: kernel) else { continue }
            valid += 1
            for other in Framework.allCases {
                guard
                    case .expressed(let translated, let extras) = FrameworkTranslation.translating(
                        geometry, to: other),
                    extras.isEmpty
                else { continue }
                let there = try translated.geometry(input: input, kernel: kernel)
                #expect(there == geometry, "\(layer) → \(translated)")
                guard
                    case .expressed(let back, let backExtras) = FrameworkTranslation.translating(
                        there, to: framework)
                else {
                    Issue.record("\(translated) has no way back to \(framework)")
                    continue
                }
                #expect(backExtras.isEmpty, "\(layer) → \(translated) → \(back)")
                #expect(try back.geometry(input: input, kernel: kernel) == geometry)
            }
        }
        // Invalid draws are skipped; at least a quarter must be valid layers.
        #expect(valid >= 300 / 4, "only \(valid) of 300 draws were valid layers")
    }

    /// JAX (explicit pairs, any integers) writes every layer exactly; ONNX (pads ≥ 0 plus an
    /// output padding below the stride) every layer that starts inside the scatter and ends
    /// less than a stride past it.
    @Test func jaxIsAlwaysExact() throws {
        var g = Generator(state: 42)
        for framework in Framework.allCases {
            var valid = 0
            for _ in 0..<100 {
                let (layer, input, kernel) = Self.randomLayer(framework, &g)
                guard let geometry = try? layer.geometry(input: input, kernel: kernel) else {
                    continue
                }
                valid += 1
                #expect(FrameworkTranslation.translating(geometry, to: .jax).isExact, "\(layer)")
                // ONNX pads are ≥ 0 and its output padding (past the scatter) below the stride.
                let reachable = geometry.axes.allSatisfy {
                    $0.offset >= 0 && $0.after + $0.stride - 1 >= 0
                }
                if reachable && !geometry.kernelFlipped {
                    #expect(
                        FrameworkTranslation.translating(geometry, to: .onnx).isExact, "\(layer)")
                }
            }
            // Invalid draws are skipped; at least a quarter must be valid layers.
            #expect(valid >= 100 / 4, "\(framework): only \(valid) of 100 draws were valid")
        }
    }

    /// Every layer a framework writes exactly is its own translation's geometry, and the layer
    /// given in a framework is expressed by that same framework exactly.
    @Test(arguments: Framework.allCases)
    func aFrameworkExpressesItsOwnLayersExactly(_ framework: Framework) throws {
        var g = Generator(state: 7 &* UInt64(framework.rawValue.count))
        var valid = 0
        for _ in 0..<300 {
            let (layer, input, kernel) = Self.randomLayer(framework, &g)
            guard let geometry = try? layer.geometry(input: input, kernel: kernel) else { continue }
            valid += 1
            let translation = FrameworkTranslation.translating(geometry, to: framework)
            #expect(translation.isExact, "\(layer) \(input) \(kernel): \(translation)")
        }
        // Invalid draws are skipped; at least a quarter must be valid layers.
        #expect(valid >= 300 / 4, "only \(valid) of 300 draws were valid layers")
    }

    /// The valid sizes: s consecutive sizes per axis (those ≥ 1), each mapped back to the input
    /// by the forward convolution with the layer's padding before.
    @Test func validSizesAreConsecutiveAndMapBack() throws {
        var g = Generator(state: 99)
        for framework in Framework.allCases {
            var checked = 0
            for _ in 0..<200 {
                let (layer, input, kernel) = Self.randomLayer(framework, &g)
                guard layer.direction == .transposed,
                    let geometry = try? layer.geometry(input: input, kernel: kernel)
                else { continue }
                checked += 1
                for (t, sizes) in ValidOutputSizes(geometry).axes.enumerated() {
                    let axis = geometry.axes[t]
                    #expect(sizes.count <= axis.stride)
                    #expect(
                        zip(sizes, sizes.dropFirst()).allSatisfy {
                            $1.outputSize == $0.outputSize + 1
                        })
                    let exact = FrameworkTranslation.translating(geometry, to: .pytorch).isExact
                    if !exact
                        || axis.outputSize - (axis.fullScatter - 2 * axis.offset) < axis.stride
                    {
                        #expect(
                            sizes.contains { $0.isCurrent } || sizes.count < axis.stride, "\(layer)"
                        )
                    }
                }
            }
            // Forward and invalid draws are skipped; about half the draws are transposed, and at
            // least a quarter of those must be valid. TensorFlow's random output_shape rarely
            // fits (5 of 200 draws are checked), so it must only keep a few.
            let floor = framework == .tensorflow ? 4 : 200 / 8
            #expect(checked >= floor, "\(framework): only \(checked) of 200 draws were checked")
        }
    }
}
