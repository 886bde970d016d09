import ConvMatrixCore
import ConvMatrixFrameworks
import Testing

/// Every rule, translation and valid-size list against what the real frameworks computed
/// (`tools/frameworks_fixtures.py`: PyTorch, TensorFlow, Keras 3 on JAX, JAX, ONNX Runtime).
@Suite("Real frameworks")
struct RealFrameworkFixtureTests {
    /// ONNX Runtime's departures from the ONNX specification, which these rules follow: its Conv
    /// kernel refuses dilation with auto_pad SAME_UPPER/SAME_LOWER (the specification allows it).
    static func runtimeOnlyRefusal(_ fixture: FrameworkFixture) -> Bool {
        let autoPad = fixture.params["auto_pad"]?.string ?? "NOTSET"
        return fixture.framework == .onnx && fixture.direction == .forward
            && autoPad.hasPrefix("SAME")
            && (fixture.params["dilations"]?.integers ?? []).contains { $0 > 1 }
    }

    @Test func fixturesArePresentForEveryFramework() {
        let frameworks = Set(FrameworkFixture.all.map(\.framework))
        #expect(frameworks.isSuperset(of: [.pytorch, .keras, .jax, .onnx]))
        #expect(FrameworkFixture.all.count >= 100)
        #expect(FrameworkFixture.all.contains { $0.refused != nil })
    }

    @Test(
        "Own rules give the real output shape and matrix, or refuse what the framework refuses",
        arguments: FrameworkFixture.all)
    func ownRules(_ fixture: FrameworkFixture) throws {
        let result = Result { () throws(FrameworkError) -> FrameworkGeometry in
            try fixture.layer.geometry(input: fixture.input, kernel: fixture.kernel)
        }
        guard let matrix = fixture.matrix, let output = fixture.output else {
            if Self.runtimeOnlyRefusal(fixture) { return }
            #expect(throws: FrameworkError.self, "\(fixture) was refused: \(fixture.refused ?? "")")
            {
                try result.get()
            }
            return
        }
        let geometry = try result.get()
        #expect(geometry.outputSize == output, "\(fixture)")
        let mine = try geometry.unrolled()
        #expect(mine.firstDifference(from: matrix) == nil, "\(fixture)")
    }

    @Test(
        "Every translation of a real layer has the real layer's matrix",
        arguments: FrameworkFixture.all.filter { $0.output != nil })
    func translations(_ fixture: FrameworkFixture) throws {
        let comparison = try FrameworkComparison(
            fixture.layer, input: fixture.input, kernel: fixture.kernel)
        let real = try #require(fixture.matrix)
        #expect(try comparison.geometry.unrolled().firstDifference(from: real) == nil)
        for entry in comparison.entries {
            if case .inexpressible(let reason) = entry.translation {
                // Only Keras's stride-with-dilation refusal and rank limits leave a framework out.
                #expect(
                    entry.framework == .keras && reason.contains("dilation_rate"),
                    "\(fixture): \(entry.framework) \(reason)")
                continue
            }
            #expect(
                entry.check?.holds == true,
                "\(fixture): \(entry.framework) \(String(describing: entry.check))")
        }
        #expect(comparison.reference?.holds == true, "\(fixture)")
    }

    @Test(
        "Output sizes a real transposed layer gives or accepts",
        arguments: FrameworkFixture.all.filter { $0.sizes != nil })
    func sizes(_ fixture: FrameworkFixture) throws {
        let sizes = try #require(fixture.sizes)
        switch fixture.framework {
        case .tensorflow:
            // Every output_shape TensorFlow accepted, and no other, is valid by its rules.
            guard case .tensorflow(var layer) = fixture.layer else { return }
            let accepted = sizes.compactMap {
                if case .number(let n) = $0 { return n } else { return nil }
            }
            let stride = layer.strides[0]
            let reach =
                fixture.input[0] * stride + (layer.dilations[0]) * (fixture.kernel[0] - 1) + 2
            var mine: [Int] = []
            for o in 1..<reach {
                layer.outputShape = [o]
                if (try? layer.geometry(input: fixture.input, kernel: fixture.kernel)) != nil {
                    mine.append(o)
                }
            }
            #expect(mine == accepted, "\(fixture)")
        // ValidOutputSizes lists s sizes, each one TensorFlow accepts with some padding.
        default:
            for item in sizes {
                guard let pair = item.integers.map({ $0 }) ?? nil else {
                    // [a, null]: the framework refused this output_padding.
                    continue
                }
                let a = pair[0]
                var layer = fixture.layer
                switch layer {
                case .pytorch(var torch):
                    torch.outputPadding = [a]
                    layer = .pytorch(torch)
                case .keras(var keras):
                    keras.outputPadding = [a]
                    layer = .keras(keras)
                case .onnx(var onnx):
                    onnx.outputPadding = [a]
                    layer = .onnx(onnx)
                default: return
                }
                let geometry = try layer.geometry(input: fixture.input, kernel: fixture.kernel)
                #expect(geometry.outputSize == [pair[1]], "\(fixture) output_padding \(a)")
            }
        }
    }

    @Test(
        "PyTorch's output_padding 0…s−1 gives exactly ValidOutputSizes",
        arguments: FrameworkFixture.all.filter { $0.framework == .pytorch && $0.sizes != nil })
    func validSizesAreTorchOutputPaddings(_ fixture: FrameworkFixture) throws {
        let geometry = try fixture.layer.geometry(input: fixture.input, kernel: fixture.kernel)
        let listed = ValidOutputSizes(geometry).axes[0].map(\.outputSize)
        let real = (fixture.sizes ?? []).compactMap { $0.integers }.map { $0[1] }.filter { $0 >= 1 }
        #expect(listed == real, "\(fixture)")
    }
}
