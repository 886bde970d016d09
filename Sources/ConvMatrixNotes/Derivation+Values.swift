import ConvMatrixCore
import ConvMatrixNumeric
import ConvMatrixRendering

/// The forward pass in numbers, shown beside the symbolic one when a derivation is given
/// values (``DerivationOptions/values``): `O = X·U + b` computed exactly when every value is
/// exact, from the definition of the convolution
/// (`evaluateDirect(values:direction:)`), without U.
enum NumericForwardBlocks {
    /// A paragraph and one displayed grid per 2-D slice of the output, at most
    /// `options.maxPlacements` of them, each cut to `options.maxRows × options.maxColumns`
    /// as the symbolic matrices are (``ElidedMatrix``); nothing without values.
    static func blocks(_ conv: Convolution, options: DerivationOptions)
        throws(SpecificationError) -> [Derivation.Block]
    {
        guard let values = options.values else { return [] }
        let result: ValueTensor
        do {
            result = try conv.evaluateDirect(values: values)
        } catch {
            throw SpecificationError(.inputValues, "\(error)")
        }
        let layout = GridSlices.layout(channels: conv.outChannels, extents: conv.outputExtents)
        let slices = layout.labels.count
        let rows = ElidedMatrix.kept(layout.rows, limit: options.maxRows)
        let columns = ElidedMatrix.kept(layout.columns, limit: options.maxColumns)
        let name = options.names.output
        var blocks: [Derivation.Block] = [
            .paragraph(.numericForward(exact: result.isExact, bias: values.bias != nil))
        ]
        for slice in 0..<min(slices, max(options.maxPlacements, 1)) {
            let base = slice * layout.rows * layout.columns
            let latexRows: [String] = rows.map { i in
                columns.map { j in
                    cell(result, i.map { base + $0 * layout.columns }, j, latex: true, ascii: false)
                }.joined(separator: " & ")
            }
            let textRows: [[String]] = rows.map { i in
                columns.map { j in
                    cell(
                        result, i.map { base + $0 * layout.columns }, j, latex: false,
                        ascii: options.ascii)
                }
            }
            let widths = columns.indices.map { j in textRows.map { $0[j].count }.max() ?? 1 }
            let lines: [String] = textRows.map { row in
                let padded: [String] = row.enumerated().map { j, text in
                    String(repeating: " ", count: widths[j] - text.count) + text
                }
                return "[ " + padded.joined(separator: "  ") + " ]"
            }
            let label = slices > 1 ? "\(name)[\(slice + options.names.indexBase)]" : name
            let latexLabel = slices > 1 ? "\(name)_{[\(slice + options.names.indexBase)]}" : name
            blocks.append(
                .formula(
                    MathText(
                        latex:
                            "\(latexLabel) = \\begin{bmatrix}\(latexRows.joined(separator: "\\\\"))\\end{bmatrix}",
                        text: lines.enumerated().map { k, line in
                            let prefix =
                                k == lines.count / 2
                                ? "\(label) = " : String(repeating: " ", count: label.count + 3)
                            return prefix + line
                        }.joined(separator: "\n"))))
        }
        if slices > max(options.maxPlacements, 1) {
            blocks.append(
                .paragraph(.slicesShown(shown: max(options.maxPlacements, 1), total: slices)))
        }
        return blocks
    }

    /// The cell at flat `row + column` of `tensor`, or the elision's dots where `row` or
    /// `column` is left out (`nil`).
    private static func cell(
        _ tensor: ValueTensor, _ row: Int?, _ column: Int?, latex: Bool, ascii: Bool
    ) -> String {
        switch (row, column) {
        case (nil, nil): latex ? "\\ddots" : ascii ? "." : "⋱"
        case (nil, _): latex ? "\\vdots" : ascii ? ":" : "⋮"
        case (_, nil): latex ? "\\cdots" : ascii ? "..." : "⋯"
        case (let row?, let column?):
            latex
                ? ValueTensorPrinting.latexCell(tensor, at: row + column)
                : ValueTensorPrinting.textCell(tensor, at: row + column, ascii: ascii)
        }
    }
}
