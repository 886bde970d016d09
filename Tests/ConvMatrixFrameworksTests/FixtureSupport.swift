import ConvMatrixCore
import ConvMatrixFrameworks
import Foundation

/// One case recorded by `tools/frameworks_fixtures.py` from a real framework.
struct FrameworkFixture: Sendable, CustomStringConvertible {
    let framework: Framework
    let direction: FrameworkDirection
    let input: [Int]
    let kernel: [Int]
    let params: [String: JSONValue]
    /// The output's spatial shape, nil when the framework refused.
    let output: [Int]?
    /// `[row, column, tap]` triples of the Jacobian.
    let entries: [[Int]]
    /// The framework's error message when it refused.
    let refused: String?
    /// Output sizes the framework gives or accepts (transposed 1-D cases).
    let sizes: [JSONValue]?

    var description: String {
        "\(framework.rawValue) \(direction.rawValue) input \(input) kernel \(kernel) \(params.keys.sorted().map { "\($0)=\(params[$0]!)" }.joined(separator: " "))"
    }

    /// The matrix the framework measured.
    var matrix: TapMatrix? {
        guard let output else { return nil }
        let rows = output.reduce(1, *)
        let columns = input.reduce(1, *)
        return TapMatrix(
            rowCount: rows, columnCount: columns, tapCount: kernel.reduce(1, *),
            triplets: entries.map { ($0[0], $0[1], $0[2]) })
    }

    /// The layer in ConvMatrixFrameworks's terms, from the recorded parameters.
    var layer: FrameworkLayer {
        func ints(_ key: String) -> [Int]? { params[key]?.integers }
        switch framework {
        case .pytorch:
            let padding: PyTorchLayer.Padding
            switch params["padding"] {
            case .string("same"): padding = .same
            case .string("valid"): padding = .valid
            default: padding = .amounts(ints("padding") ?? [0])
            }
            return .pytorch(
                PyTorchLayer(
                    direction: direction, stride: ints("stride") ?? [1], padding: padding,
                    outputPadding: ints("output_padding"), dilation: ints("dilation") ?? [1]))
        case .tensorflow:
            let padding: TensorFlowLayer.Padding
            switch params["padding"] {
            case .string("SAME"): padding = .same
            case .string("VALID"): padding = .valid
            default: padding = .explicit(params["padding"]?.pairs ?? [])
            }
            return .tensorflow(
                TensorFlowLayer(
                    direction: direction, strides: ints("strides") ?? [1], padding: padding,
                    outputShape: ints("output_shape"), dilations: ints("dilations") ?? [1]))
        case .keras:
            let padding =
                params["padding"]?.string.flatMap { KerasLayer.Padding(rawValue: $0) } ?? .valid
            return .keras(
                KerasLayer(
                    direction: direction, strides: ints("strides") ?? [1], padding: padding,
                    outputPadding: ints("output_padding"),
                    dilationRate: ints("dilation_rate") ?? [1]))
        case .jax:
            let padding: JAXLayer.Padding
            switch params["padding"] {
            case .string("SAME"): padding = .same
            case .string("SAME_LOWER"): padding = .sameLower
            case .string("VALID"): padding = .valid
            default: padding = .pairs(params["padding"]?.pairs ?? [])
            }
            return .jax(
                JAXLayer(
                    direction: direction, strides: ints("strides") ?? [1], padding: padding,
                    rhsDilation: ints("rhs_dilation") ?? [1],
                    transposeKernel: params["transpose_kernel"]?.bool ?? false,
                    useConsistentPadding: params["use_consistent_padding"]?.bool ?? false))
        case .onnx:
            return .onnx(
                ONNXLayer(
                    direction: direction, strides: ints("strides") ?? [1], pads: ints("pads"),
                    dilations: ints("dilations") ?? [1],
                    autoPad: params["auto_pad"]?.string.flatMap { ONNXLayer.AutoPad(rawValue: $0) }
                        ?? .notSet,
                    outputPadding: ints("output_padding"), outputShape: ints("output_shape")))
        }
    }

    /// All the committed cases.
    static let all: [FrameworkFixture] = load()

    static func load() -> [FrameworkFixture] {
        guard
            let url = Bundle.module.url(forResource: "Fixtures/frameworks", withExtension: "json"),
            let data = try? Data(contentsOf: url),
            let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
            let cases = object["cases"] as? [[String: Any]]
        else { return [] }
        return cases.compactMap { raw in
            guard let framework = (raw["framework"] as? String).flatMap(Framework.init(rawValue:)),
                let direction = (raw["direction"] as? String).flatMap(
                    FrameworkDirection.init(rawValue:)),
                let input = raw["input"] as? [Int], let kernel = raw["kernel"] as? [Int],
                let params = raw["params"] as? [String: Any]
            else { return nil }
            return FrameworkFixture(
                framework: framework, direction: direction, input: input, kernel: kernel,
                params: params.mapValues(JSONValue.init), output: raw["output"] as? [Int],
                entries: raw["entries"] as? [[Int]] ?? [], refused: raw["refused"] as? String,
                sizes: (raw["sizes"] as? [Any])?.map(JSONValue.init))
        }
    }
}

/// A parsed JSON value, Sendable.
enum JSONValue: Sendable, Equatable, CustomStringConvertible {
    case number(Int)
    case string(String)
    case bool(Bool)
    case array([JSONValue])
    case null

    init(_ any: Any) {
        if let value = any as? Bool, type(of: any) == type(of: NSNumber(value: true)) {
            self = .bool(value)
        } else if let value = any as? Int {
            self = .number(value)
        } else if let value = any as? String {
            self = .string(value)
        } else if let value = any as? [Any] {
            self = .array(value.map(JSONValue.init))
        } else {
            self = .null
        }
    }

    var integers: [Int]? {
        guard case .array(let values) = self else { return nil }
        let numbers = values.compactMap {
            if case .number(let n) = $0 { return n } else { return nil }
        }
        return numbers.count == values.count ? numbers : nil
    }
    var pairs: [AxisPadding]? {
        guard case .array(let values) = self else { return nil }
        let pairs = values.compactMap { $0.integers }.filter { $0.count == 2 }
        return pairs.count == values.count
            ? pairs.map { AxisPadding(before: $0[0], after: $0[1]) } : nil
    }
    var string: String? { if case .string(let s) = self { return s } else { return nil } }
    var bool: Bool? { if case .bool(let b) = self { return b } else { return nil } }

    var description: String {
        switch self {
        case .number(let n): "\(n)"
        case .string(let s): s
        case .bool(let b): b ? "True" : "False"
        case .array(let a): "[" + a.map(\.description).joined(separator: ",") + "]"
        case .null: "None"
        }
    }
}
