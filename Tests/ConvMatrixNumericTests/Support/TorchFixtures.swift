import ConvMatrixCore
import Foundation
import Testing

/// One PyTorch reference case of `Fixtures/torch/cases.json` (see tools/README.md).
struct TorchCase: Decodable, Sendable, CustomTestStringConvertible {
    struct Jacobian: Decodable, Sendable {
        let rows: Int
        let cols: Int
        let entries: [[Double]]
    }

    let name: String
    let kind: String
    let inChannels: Int
    let outChannels: Int
    let groups: Int
    let inputSize: [Int]
    let kernelSize: [Int]
    let stride: [Int]
    let dilation: [Int]
    let padding: [[Int]]
    let paddingMode: String
    let outputPadding: [Int]?
    let values: String
    let weight: [Double]
    let input: [Double]
    let output: [Double]
    let jacobian: Jacobian

    var testDescription: String { name }

    /// The fixture's snake_case keys.
    enum CodingKeys: String, CodingKey {
        case name, kind, groups, stride, dilation, padding, values, weight, input, output, jacobian
        case inChannels = "in_channels"
        case outChannels = "out_channels"
        case inputSize = "input_size"
        case kernelSize = "kernel_size"
        case paddingMode = "padding_mode"
        case outputPadding = "output_padding"
    }

    /// The explicit per-axis padding (padding words are resolved in the fixture).
    var explicitPadding: PaddingSpec {
        .explicit(padding.map { AxisPadding(before: $0[0], after: $0[1]) })
    }

    /// The convolution of a `conv` case.
    func convolution() throws -> Convolution {
        try ConvolutionSpec(
            inputSize: inputSize, kernelSize: kernelSize, stride: stride,
            padding: explicitPadding, dilation: dilation, inChannels: inChannels,
            outChannels: outChannels, groups: groups,
            paddingMode: PaddingMode(rawValue: paddingMode) ?? .zeros, sameRule: .tensorflow
        ).validated()
    }

    /// The layer of a `conv_transpose` case.
    func transposedConvolution() throws -> TransposedConvolution {
        try TransposedConvolutionSpec(
            inputSize: inputSize, kernelSize: kernelSize, stride: stride,
            padding: explicitPadding, dilation: dilation,
            outputPadding: outputPadding ?? [0], inChannels: inChannels,
            outChannels: outChannels, groups: groups
        ).validated()
    }

    /// The Jacobian as a dense matrix.
    var denseJacobian: [[Double]] {
        var dense = Array(
            repeating: Array(repeating: 0.0, count: jacobian.cols), count: jacobian.rows)
        for entry in jacobian.entries { dense[Int(entry[0])][Int(entry[1])] = entry[2] }
        return dense
    }
}

/// The committed PyTorch cases, read once.
enum TorchFixtures {
    private struct File: Decodable {
        let cases: [TorchCase]
    }

    /// Every case, in file order.
    static let cases: [TorchCase] = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Fixtures/torch/cases.json")
        guard let data = try? Data(contentsOf: url),
            let file = try? JSONDecoder().decode(File.self, from: data)
        else { return [] }
        return file.cases
    }()
}
