import ConvMatrix
import ConvMatrixAnalysis
import Foundation

/// Reading the fixtures that `tools/analysis_fixtures.py` writes with PyTorch and NumPy.
enum AnalysisFixtures {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures")

    /// The JSON array in `name`.
    static func load(_ name: String) throws -> [[String: Any]] {
        let data = try Data(contentsOf: directory.appendingPathComponent(name))
        return (try JSONSerialization.jsonObject(with: data) as? [[String: Any]]) ?? []
    }

    static func ints(_ value: Any?) -> [Int] {
        (value as? [Any])?.compactMap { ($0 as? NSNumber)?.intValue } ?? []
    }
    static func doubles(_ value: Any?) -> [Double] {
        (value as? [Any])?.compactMap { ($0 as? NSNumber)?.doubleValue } ?? []
    }

    /// The layer a fixture describes, reading `input` with `channels`.
    static func layer(_ d: [String: Any], input: [Int]) throws -> Layer {
        let padding = PaddingSpec.explicit(ints(d["padding"]).map { AxisPadding($0) })
        let channelsIn = (d["in_channels"] as? Int) ?? 1
        let channelsOut = (d["out_channels"] as? Int) ?? 1
        let groups = (d["groups"] as? Int) ?? 1
        if (d["transposed"] as? Bool) == true {
            return .transposed(
                try TransposedConvolutionSpec(
                    inputSize: input, kernelSize: ints(d["kernel"]), stride: ints(d["stride"]),
                    padding: padding, dilation: ints(d["dilation"]),
                    outputPadding: ints(d["output_padding"]), inChannels: channelsIn,
                    outChannels: channelsOut, groups: groups
                ).validated())
        }
        let mode = PaddingMode(rawValue: (d["padding_mode"] as? String) ?? "zeros") ?? .zeros
        return .convolution(
            try ConvolutionSpec(
                inputSize: input, kernelSize: ints(d["kernel"]), stride: ints(d["stride"]),
                padding: padding, dilation: ints(d["dilation"]), inChannels: channelsIn,
                outChannels: channelsOut, groups: groups, paddingMode: mode
            ).validated())
    }

    /// Kernel values from a list of doubles (dyadic, so the decimal text is exact).
    static func values(_ list: [Double], layout: KernelLayout) throws -> KernelValues {
        try KernelValues(parsing: list.map { "\($0)" }.joined(separator: ","), layout: layout)
    }
}
