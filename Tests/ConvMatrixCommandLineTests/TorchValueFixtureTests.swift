import Foundation
import Testing

/// `apply` and `backward` with numbers against PyTorch (`tools/torch_value_fixtures.py`):
/// outputs, `x.grad`, `weight.grad` and `bias.grad` from `conv`, `conv_transpose` and autograd
/// in float64 (and `max_pool` with its tie rule). Integer and dyadic cases must agree exactly;
/// float cases to 1e-12.
struct TorchValueFixtureTests {
    /// One fixture case.
    struct Case: Decodable, Sendable, CustomTestStringConvertible {
        struct Tensor: Decodable, Sendable, Equatable {
            let shape: [Int]
            let values: [Double]
        }

        let name: String
        let kind: String
        let values: String
        let apply: [String]
        let applyAsLayer: [String]?
        let backward: [String]
        let output: Tensor
        let inputGradient: Tensor
        let kernelGradient: Tensor?
        let biasGradient: Tensor?

        var testDescription: String { name }
    }

    struct Cases: Decodable { let cases: [Case] }

    /// Reads the fixtures' and the tool's snake_case keys (`input_gradient`) into Swift names.
    static var decoder: JSONDecoder {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return decoder
    }

    struct Gradients: Decodable {
        let inputGradient: Case.Tensor
        let kernelGradient: Case.Tensor?
        let biasGradient: Case.Tensor?
    }

    static let cases: [Case] = {
        guard let text = try? TestFiles.fixture("torch-values/cases.json"),
            let decoded = try? Self.decoder.decode(Cases.self, from: Data(text.utf8))
        else { return [] }
        return decoded.cases
    }()

    /// `@Tests/…` file arguments made absolute, so the test runs from any directory.
    static func arguments(_ list: [String]) -> [String] {
        list.map { argument in
            argument.hasPrefix("@Tests/")
                ? "@"
                    + TestFiles.repositoryRoot.appendingPathComponent(String(argument.dropFirst()))
                    .path
                : argument
        }
    }

    static func expect(_ got: Case.Tensor, _ want: Case.Tensor, exact: Bool, _ what: String) {
        #expect(got.shape == want.shape, "\(what) shape")
        #expect(got.values.count == want.values.count, "\(what) count")
        let error = zip(got.values, want.values).map { abs($0 - $1) }.max() ?? 0
        if exact {
            #expect(error == 0, "\(what) differs by \(error)")
        } else {
            #expect(error <= 1e-12, "\(what) differs by \(error)")
        }
    }

    @Test func fixturesArePresent() {
        #expect(Self.cases.count >= 40)
        #expect(Self.cases.contains { $0.kind == "transposed" })
        #expect(Self.cases.contains { $0.kind == "maxpool" })
        #expect(Self.cases.contains { $0.apply.contains { $0.hasSuffix(".npy") } })
    }

    @Test(arguments: cases)
    func applyAgreesWithPyTorch(_ c: Case) throws {
        let run = runTool(Self.arguments(c.apply))
        #expect(run.exitCode == 0, "\(run.errors)")
        let got = try Self.decoder.decode(Case.Tensor.self, from: Data(run.output.utf8))
        Self.expect(got, c.output, exact: c.values != "float", "output")
    }

    /// A transposed layer applied as itself (`apply --transposed`) gives `conv_transpose` too.
    @Test(arguments: cases.filter { $0.applyAsLayer != nil })
    func transposedLayerAppliedAsItself(_ c: Case) throws {
        let run = runTool(Self.arguments(c.applyAsLayer ?? []))
        #expect(run.exitCode == 0, "\(run.errors)")
        let got = try Self.decoder.decode(Case.Tensor.self, from: Data(run.output.utf8))
        Self.expect(got, c.output, exact: c.values != "float", "output")
    }

    @Test(arguments: cases)
    func backwardAgreesWithAutograd(_ c: Case) throws {
        let run = runTool(Self.arguments(c.backward))
        #expect(run.exitCode == 0, "\(run.errors)")
        let got = try Self.decoder.decode(Gradients.self, from: Data(run.output.utf8))
        let exact = c.values != "float"
        Self.expect(got.inputGradient, c.inputGradient, exact: exact, "∂E/∂x")
        // Max pooling has no weights: its JSON holds the input gradient only.
        #expect((got.kernelGradient == nil) == (c.kernelGradient == nil))
        if let want = c.kernelGradient, let have = got.kernelGradient {
            Self.expect(have, want, exact: exact, "∂E/∂w")
        }
        if let want = c.biasGradient, let have = got.biasGradient {
            Self.expect(have, want, exact: exact, "∂E/∂b")
        }
    }

    /// The PyTorch lab's example in one command: z = [[-4, 0, 4]] three times.
    @Test func pytorchLabExample() {
        let run = runTool(
            "apply --input 5x5 --kernel 3x3 --input-values 0,0,1,0,0,0,0,1,0,0,0,0,1,0,0,0,0,1,0,0,0,0,1,0,0 --kernel-values 1,0,-1,2,0,-2,1,0,-1 --bias 0 --format json"
        )
        #expect(run.exitCode == 0)
        #expect(
            run.output == "{\"shape\": [1, 3, 3], \"values\": [-4, 0, 4, -4, 0, 4, -4, 0, 4]}\n")
    }
}
