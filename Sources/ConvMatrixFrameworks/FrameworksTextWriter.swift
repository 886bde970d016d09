import ConvMatrixCore

/// `convmatrix frameworks` as text (and, through ``FrameworksMarkdownWriter``, Markdown): the
/// layer as given, what its own rules make of it, each framework's equivalent with its extra
/// operations or the reason it has none, the verdict of every matrix comparison, and for a
/// transposed layer its valid output sizes.
public enum FrameworksTextWriter {
    /// The whole report; `ascii` writes `[ok]`/`[FAIL]` and `x` instead of ✔/✘ and ×.
    public static func write(_ comparison: FrameworkComparison, ascii: Bool = false) -> String {
        let geometry = comparison.geometry
        let times = ascii ? "x" : "×"
        var lines: [String] = []
        if let source = comparison.source {
            lines.append(
                "\(source.framework.displayName): \(PythonSpelling.call(source, rank: geometry.rank))"
            )
        } else {
            lines.append(
                "The \(geometry.direction == .forward ? "convolution" : "transposed convolution") (ConvMatrix's flags, PyTorch's conventions):"
            )
        }
        lines.append(summary(geometry, times: times))
        lines.append("")
        let width = Framework.allCases.map(\.displayName.count).max() ?? 0
        for entry in comparison.entries {
            let label = entry.framework.displayName
            let pad = String(repeating: " ", count: width - label.count + 2)
            let indent = String(repeating: " ", count: width + 2)
            switch entry.translation {
            case .inexpressible(let reason):
                lines.append("\(label)\(pad)none: \(reason)")
            case .expressed(let layer, let extras):
                lines.append("\(label)\(pad)\(PythonSpelling.call(layer, rank: geometry.rank))")
                for phrase in PythonSpelling.extras(extras, entry.framework) {
                    lines.append("\(indent)+ \(phrase)")
                }
                let kind = extras.isEmpty ? "exact" : "exact with the extra operations above"
                lines.append(
                    "\(indent)\(kind); \(verdict(entry.check, ascii: ascii, times: times))")
            }
        }
        if let reference = comparison.reference {
            lines.append("")
            lines.append(
                "ConvMatrix's own \(geometry.direction == .forward ? "U" : "T") of the PyTorch layer: \(verdict(reference, ascii: ascii, times: times))"
            )
        }
        let sizes = ValidOutputSizes(geometry)
        if !sizes.axes.isEmpty {
            lines.append("")
            lines.append(
                "Valid output sizes: the convolution maps each back to the input \(geometry.inputSize.map(String.init).joined(separator: times))."
            )
            for (t, axis) in sizes.axes.enumerated() {
                let list = axis.map { "\($0.outputSize)\($0.isCurrent ? " (this layer)" : "")" }
                lines.append("  axis \(t): \(list.joined(separator: ", "))")
                for size in axis {
                    let selectors = size.translations.compactMap { item -> String? in
                        guard item.framework != .jax else { return nil }
                        return
                            "\(item.framework.displayName) \(selector(item.translation, axis: t))"
                    }
                    lines.append("    \(size.outputSize): \(selectors.joined(separator: "; "))")
                }
            }
        }
        lines.append("")
        let compared = comparison.entries.filter { $0.check != nil }.count
        lines.append(
            comparison.holds
                ? "All \(compared) translations have the same matrix as the layer, entry by entry."
                : "A translation's matrix differs from the layer's.")
        return lines.joined(separator: "\n") + "\n"
    }

    /// Known departures of a framework's runtime from its specification that concern the layer
    /// as given: ONNX Runtime's Conv refuses dilation with auto_pad SAME_UPPER/SAME_LOWER.
    public static func runtimeWarnings(_ comparison: FrameworkComparison) -> [String] {
        guard case .onnx(let node)? = comparison.source, node.direction == .forward,
            node.autoPad == .sameUpper || node.autoPad == .sameLower,
            node.dilations.contains(where: { $0 > 1 })
        else { return [] }
        return [
            "ONNX Runtime refuses dilation with auto_pad \(node.autoPad.rawValue) (\"Dilation not supported for AutoPadType::SAME_UPPER or AutoPadType::SAME_LOWER\"); the explicit pads below run everywhere"
        ]
    }

    /// "Output 8 (input 4, kernel 3): 1 cropped before, 0 after." per axis.
    static func summary(_ geometry: FrameworkGeometry, times: String) -> String {
        let join = { (values: [Int]) in values.map(String.init).joined(separator: times) }
        let head =
            "Input \(join(geometry.inputSize)), kernel \(join(geometry.kernelSize)) \(times == "x" ? "->" : "→") output \(join(geometry.outputSize))"
        let sides = geometry.axes.map { axis -> String in
            switch axis.direction {
            case .forward: "\(axis.offset) before"
            case .transposed: "\(axis.offset) cropped before, \(axis.after) after"
            }
        }
        let what = geometry.direction == .forward ? "padding" : "scatter"
        let flip =
            geometry.kernelFlipped ? "; kernel used unflipped (JAX transpose_kernel=False)" : ""
        return "\(head); \(what): \(sides.joined(separator: " | "))\(flip)."
    }

    /// "✔ matrix equal entry by entry (8×4, 12 entries)".
    static func verdict(_ check: FrameworkComparison.Check?, ascii: Bool, times: String) -> String {
        switch check {
        case nil: return "not compared"
        case .equal(let rows, let columns, let entries):
            return
                "\(ascii ? "[ok]" : "✔") matrix equal entry by entry (\(rows)\(times)\(columns), \(entries) entries)"
        case .differs(let difference):
            switch difference {
            case .shape(let a, let b):
                return
                    "\(ascii ? "[FAIL]" : "✘") matrix differs: \(a.0)\(times)\(a.1) against \(b.0)\(times)\(b.1)"
            case .entry(let row, let column, let mine, let theirs):
                return
                    "\(ascii ? "[FAIL]" : "✘") matrix differs at (\(row), \(column)): taps \(mine) against \(theirs)"
            }
        case .refused(let message):
            return "\(ascii ? "[FAIL]" : "✘") its own rules refuse it: \(message)"
        }
    }

    /// What selects a size on axis `t`: `output_padding=1`, `output_shape=8`, with the padding
    /// when it is a word, and "+ pad/crop" when an extra operation is needed.
    static func selector(_ translation: FrameworkTranslation, axis t: Int) -> String {
        guard case .expressed(let layer, let extras) = translation else { return "none" }
        let wanted: Set<String>
        switch layer.framework {
        case .pytorch: wanted = ["padding", "output_padding"]
        case .tensorflow: wanted = ["padding", "output_shape"]
        case .keras: wanted = ["padding", "output_padding"]
        case .jax: wanted = ["padding"]
        case .onnx: wanted = ["pads", "output_padding"]
        }
        let parts = layer.keywordArguments.filter { wanted.contains($0.name) }.map {
            argument -> String in
            switch argument.value {
            case .integers(let values) where argument.name == "pads":
                let rank = values.count / 2
                return "pads \(values[t]):\(values[rank + t])"
            case .integers(let values):
                return "\(argument.name)=\(values.count > t ? values[t] : values[0])"
            default: return PythonSpelling.argument(argument, layer.framework)
            }
        }
        return parts.joined(separator: ", ") + (extras.isEmpty ? "" : " + pad/crop")
    }
}

extension FrameworksTextWriter {
    /// The valid output sizes of a transposed layer in a few lines, for `shape` and `transpose`:
    /// per axis the sizes and what selects each in PyTorch (`output_padding`), TensorFlow
    /// (`output_shape`), Keras and ONNX (`output_padding`). Empty for a forward layer.
    ///
    /// The last line marks this layer's size (`*`); `wholeLayer`, when given, says after it where
    /// the whole layer is written in each framework, in the caller's terms.
    public static func validSizesLines(
        _ transposed: FrameworkGeometry, ascii: Bool, wholeLayer: String? = nil
    ) -> [String] {
        let sizes = ValidOutputSizes(transposed)
        guard !sizes.axes.isEmpty else { return [] }
        let times = ascii ? "x" : "×"
        let arrow = ascii ? "->" : "→"
        var lines = [
            "Valid output sizes of the transposed layer (the convolution maps each back to \(transposed.inputSize.map(String.init).joined(separator: times))):"
        ]
        for (t, axis) in sizes.axes.enumerated() {
            let items = axis.map { size -> String in
                let parts = size.translations.compactMap { item -> String? in
                    guard case .expressed(let layer, let extras) = item.translation, extras.isEmpty
                    else {
                        return nil
                    }
                    let key: String
                    switch item.framework {
                    case .pytorch: key = "output_padding"
                    case .tensorflow: key = "output_shape"
                    case .keras: key = "output_padding"
                    case .onnx: key = "output_padding"
                    case .jax: return nil
                    }
                    guard let argument = layer.keywordArguments.first(where: { $0.name == key })
                    else { return nil }
                    let value: String
                    switch argument.value {
                    case .integers(let values):
                        value = String(values.count > t ? values[t] : values[0])
                    default: value = PythonSpelling.value(argument.value, item.framework)
                    }
                    return "\(item.framework.displayName) \(key)=\(value)"
                }
                return
                    "\(size.outputSize)\(size.isCurrent ? "*" : "") \(arrow) \(parts.isEmpty ? "needs a pad or crop" : parts.joined(separator: ", "))"
            }
            let more =
                sizes.sizeCounts[t] > axis.count
                ? " (\(sizes.sizeCounts[t]) sizes in all; the first and last shown)" : ""
            lines.append("  axis \(t): \(items.joined(separator: "; "))\(more)")
        }
        lines.append("  (* this layer\(wholeLayer.map { "; " + $0 } ?? ""))")
        return lines
    }
}

extension FrameworksTextWriter {
    /// `torch.nn.Conv2d(stride=(2, 2), …)`: a layer as its framework's Python call.
    public static func call(_ layer: FrameworkLayer, rank: Int) -> String {
        PythonSpelling.call(layer, rank: rank)
    }

    /// The extra operations, one phrase each, as the framework writes them.
    public static func extraPhrases(_ extras: ExtraOperations, _ framework: Framework) -> [String] {
        PythonSpelling.extras(extras, framework)
    }
}
