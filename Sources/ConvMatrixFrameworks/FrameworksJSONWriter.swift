import ConvMatrixCore

/// `convmatrix frameworks --format json`: one object with one key per framework (`pytorch`,
/// `tensorflow`, `keras`, `jax`, `onnx`); each value is the keyword arguments of that
/// framework's layer, spelled as its API spells them, plus `pre_pad` / `post_crop`
/// (`[[before, after], …]` per spatial axis) and `flip_kernel` when an extra operation is
/// needed; or `{"expressible": false, "reason": "…"}`.
public enum FrameworksJSONWriter {
    /// The JSON document (one line per framework, a final newline).
    public static func write(_ comparison: FrameworkComparison) -> String {
        let members = comparison.entries.map { entry in
            "  \(quoted(entry.framework.rawValue)): \(object(entry.translation))"
        }
        return "{\n" + members.joined(separator: ",\n") + "\n}\n"
    }

    /// One framework's value.
    static func object(_ translation: FrameworkTranslation) -> String {
        switch translation {
        case .inexpressible(let reason):
            return "{\"expressible\": false, \"reason\": \(quoted(reason))}"
        case .expressed(let layer, let extras):
            var fields = layer.keywordArguments.map { "\(quoted($0.name)): \(value($0.value))" }
            if extras.hasPrePad {
                fields.append(
                    "\"pre_pad\": \(value(.pairs(extras.prePad.map { [$0.before, $0.after] })))")
            }
            if extras.hasPostCrop {
                fields.append(
                    "\"post_crop\": \(value(.pairs(extras.postCrop.map { [$0.before, $0.after] })))"
                )
            }
            if extras.flipKernel { fields.append("\"flip_kernel\": true") }
            return "{" + fields.joined(separator: ", ") + "}"
        }
    }

    static func value(_ value: KeywordValue) -> String {
        switch value {
        case .string(let text): quoted(text)
        case .bool(let flag): flag ? "true" : "false"
        case .none: "null"
        case .integers(let values): "[" + values.map(String.init).joined(separator: ", ") + "]"
        case .pairs(let pairs):
            "["
                + pairs.map { "[" + $0.map(String.init).joined(separator: ", ") + "]" }
                .joined(separator: ", ") + "]"
        }
    }

    /// A JSON string literal (``ConvMatrixCore/JSONString``).
    static func quoted(_ text: String) -> String { JSONString.literal(text) }
}
