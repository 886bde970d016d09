import ConvMatrixCore
import ConvMatrixNumeric
import Symbolic

/// Writes a ``ConvMatrixCore/TapMatrix`` as JSON (`--format json`): the layer, the convention, the shape, and
/// every non-zero with its row, column, plain text, LaTeX and taps (and value, with kernel
/// values). The schema is documented in `docs/formats.md`; `"format": "convmatrix-matrix"`,
/// `"version": 1` identify it.
///
/// Entries are written one per line as they are produced, in row-major order.
public enum MatrixJSONWriter {
    /// Writes `matrix`, whose taps print as `kernel` symbols; `values` (one per tap) add a
    /// `value` to every entry. Reports the rows written to `progress`.
    public static func write(
        _ matrix: TapMatrix, kernel: [Symbol], values: [Double]?, header: MatrixExportHeader,
        to output: inout some TextOutputStream, progress: ProgressSink = .silent
    ) {
        let plain = PlainTextPrinter()
        let latex = LaTeXPrinter(termOrder: .natural)
        output.write("{\n")
        output.write("  \"format\": \"convmatrix-matrix\",\n  \"version\": 1,\n")
        output.write("  \"command\": \(JSON.string(header.command)),\n")
        output.write("  \"matrix\": \(JSON.string(header.matrix)),\n")
        output.write("  \"layer\": \(layer(header.layer)),\n")
        output.write("  \"convention\": \(JSON.string(header.convention)),\n")
        output.write("  \"product\": \(JSON.string(header.product)),\n")
        output.write("  \"rows\": \(JSON.string(header.rows)),\n")
        output.write("  \"columns\": \(JSON.string(header.columns)),\n")
        output.write("  \"shape\": [\(matrix.rowCount), \(matrix.columnCount)],\n")
        output.write("  \"nonzeros\": \(matrix.entryCount),\n")
        output.write(
            "  \"kernel_symbols\": [\(kernel.map { JSON.string(plain.string(for: $0)) }.joined(separator: ", "))],\n"
        )
        if let values {
            output.write(
                "  \"kernel_values\": [\(values.map(JSON.number).joined(separator: ", "))],\n")
        }
        output.write("  \"entries\": [")
        var first = true
        var counter = progress.counter("writing JSON", unit: "rows", total: matrix.rowCount)
        for r in 0..<matrix.rowCount {
            defer { counter.advance() }
            for entry in matrix.columnGroups(inRow: r) {
                let column = entry.column
                let taps = entry.positions.map { Int(matrix.taps[$0]) }
                let expression = Expression.sum(taps.map { kernel[$0] })
                var fields = [
                    "\"row\": \(r)", "\"column\": \(column)",
                    "\"text\": \(JSON.string(plain.string(for: expression)))",
                    "\"latex\": \(JSON.string(latex.string(for: expression)))",
                    "\"taps\": [\(taps.map(String.init).joined(separator: ", "))]",
                ]
                if let values {
                    fields.append("\"value\": \(JSON.number(taps.reduce(0) { $0 + values[$1] }))")
                }
                output.write(
                    (first ? "\n    {" : ",\n    {") + fields.joined(separator: ", ") + "}")
                first = false
            }
        }
        output.write(first ? "]\n}\n" : "\n  ]\n}\n")
        counter.finish()
    }

    /// The layer object.
    static func layer(_ layer: ExportedLayer) -> String {
        func ints(_ values: [Int]) -> String {
            "[" + values.map(String.init).joined(separator: ", ") + "]"
        }
        var fields = [
            "\"kind\": \(JSON.string(layer.kind))", "\"input\": \(ints(layer.input))",
            "\"kernel\": \(ints(layer.kernel))", "\"stride\": \(ints(layer.stride))",
            "\"padding\": [\(layer.padding.map { "[\($0.before), \($0.after)]" }.joined(separator: ", "))]",
            "\"dilation\": \(ints(layer.dilation))",
        ]
        if let outputPadding = layer.outputPadding {
            fields.append("\"output_padding\": \(ints(outputPadding))")
        }
        fields += [
            "\"output\": \(ints(layer.output))", "\"in_channels\": \(layer.inChannels)",
            "\"out_channels\": \(layer.outChannels)", "\"groups\": \(layer.groups)",
        ]
        if let mode = layer.paddingMode {
            fields.append("\"padding_mode\": \(JSON.string(mode.rawValue))")
        }
        fields += ["\"flip\": \(layer.flip)", "\"weight_shape\": \(ints(layer.weightShape))"]
        return "{" + fields.joined(separator: ", ") + "}"
    }
}

/// The bits of JSON syntax the exporters need (RFC 8259).
public enum JSON {
    /// `text` as a JSON string literal (``ConvMatrixCore/JSONString``).
    public static func string(_ text: String) -> String { JSONString.literal(text) }

    /// A finite `Double` as a JSON number (shortest round-trip form; `1.0`, `-0.5`, `1e-05`).
    /// Non-finite values cannot occur (parsing refuses them) and are written as `null`.
    public static func number(_ value: Double) -> String {
        value.isFinite ? "\(value)" : "null"
    }
}
