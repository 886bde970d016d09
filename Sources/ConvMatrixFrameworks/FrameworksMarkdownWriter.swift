/// `convmatrix frameworks --format markdown`: a table to paste into notes.
public enum FrameworksMarkdownWriter {
    /// The report as Markdown.
    public static func write(_ comparison: FrameworkComparison) -> String {
        let geometry = comparison.geometry
        var lines: [String] = []
        if let source = comparison.source {
            lines.append(
                "**\(source.framework.displayName)** `\(PythonSpelling.call(source, rank: geometry.rank))`: \(FrameworksTextWriter.summary(geometry, times: "×"))"
            )
        } else {
            lines.append("**The layer**: \(FrameworksTextWriter.summary(geometry, times: "×"))")
        }
        lines.append("")
        lines.append("| Framework | Equivalent | Extra operations | Matrix |")
        lines.append("|---|---|---|---|")
        for entry in comparison.entries {
            switch entry.translation {
            case .inexpressible(let reason):
                lines.append("| \(entry.framework.displayName) | none | \(cell(reason)) | |")
            case .expressed(let layer, let extras):
                let phrases = PythonSpelling.extras(extras, entry.framework)
                lines.append(
                    "| \(entry.framework.displayName) | `\(PythonSpelling.call(layer, rank: geometry.rank))` | \(phrases.isEmpty ? "none (exact)" : phrases.map { "`\($0)`" }.joined(separator: "<br>")) | \(cell(FrameworksTextWriter.verdict(entry.check, ascii: false, times: "×"))) |"
                )
            }
        }
        let sizes = ValidOutputSizes(geometry)
        if !sizes.axes.isEmpty {
            lines.append("")
            lines.append("Valid output sizes (each maps back to the same input):")
            lines.append("")
            lines.append("| Axis | Size | PyTorch | TensorFlow | Keras | ONNX |")
            lines.append("|---|---|---|---|---|---|")
            for (t, axis) in sizes.axes.enumerated() {
                for size in axis {
                    let cells = size.translations.filter { $0.framework != .jax }.map {
                        "`\(FrameworksTextWriter.selector($0.translation, axis: t))`"
                    }
                    lines.append(
                        "| \(t) | \(size.outputSize)\(size.isCurrent ? " (this layer)" : "") | \(cells.joined(separator: " | ")) |"
                    )
                }
            }
        }
        lines.append("")
        lines.append(
            comparison.holds
                ? "Every translation has the same matrix as the layer, entry by entry."
                : "A translation's matrix differs from the layer's.")
        return lines.joined(separator: "\n") + "\n"
    }

    static func cell(_ text: String) -> String {
        text.split(separator: "|", omittingEmptySubsequences: false).joined(separator: "\\|")
    }
}
