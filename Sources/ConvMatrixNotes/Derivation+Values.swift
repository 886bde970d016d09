import ConvMatrixCore
import ConvMatrixNumeric
import ConvMatrixRendering

/// The forward pass in numbers, shown beside the symbolic one when a derivation is given
/// values (``DerivationOptions/values``): `O = X·U + b` computed exactly when every value is
/// exact (``Convolution/evaluate(_:values:direction:)``).
enum NumericForwardBlocks {
    /// A paragraph and one displayed grid per 2-D slice of the output, at most
    /// `options.maxPlacements` of them; nothing without values.
    static func blocks(_ conv: Convolution, u: TapMatrix, options: DerivationOptions)
        throws(SpecificationError) -> [Derivation.Block]
    {
        guard let values = options.values else { return [] }
        let result: ValueTensor
        do {
            result = try conv.evaluate(u, values: values)
        } catch {
            throw SpecificationError(.inputValues, "\(error)")
        }
        let latexCells = ValueTensorPrinting.latexCells(result)
        let textCells = ValueTensorPrinting.textCells(result, ascii: options.ascii)
        let sizes = conv.outputExtents.sizes
        let columns = sizes.last ?? 1
        let rows = sizes.count >= 2 ? sizes[sizes.count - 2] : 1
        let perSlice = max(rows * columns, 1)
        let slices = latexCells.count / perSlice
        let name = options.names.output
        var blocks: [Derivation.Block] = [
            .paragraph(.numericForward(exact: result.isExact, bias: values.bias != nil))
        ]
        for slice in 0..<min(slices, max(options.maxPlacements, 1)) {
            let base = slice * perSlice
            let latexRows = (0..<rows).map { i in
                (0..<columns).map { latexCells[base + i * columns + $0] }.joined(separator: " & ")
            }
            let textRows = (0..<rows).map { i in
                (0..<columns).map { textCells[base + i * columns + $0] }
            }
            let widths = (0..<columns).map { j in textRows.map { $0[j].count }.max() ?? 1 }
            let lines = textRows.map { row in
                "[ "
                    + row.enumerated().map {
                        String(repeating: " ", count: widths[$0.offset] - $0.element.count)
                            + $0.element
                    }.joined(separator: "  ") + " ]"
            }
            let label = slices > 1 ? "\(name)[\(slice + options.names.indexBase)]" : name
            let latexLabel = slices > 1 ? "\(name)_{[\(slice + options.names.indexBase)]}" : name
            blocks.append(
                .formula(
                    MathText(
                        latex:
                            "\(latexLabel) = \\begin{bmatrix}\(latexRows.joined(separator: "\\\\"))\\end{bmatrix}",
                        text: lines.enumerated().map {
                            ($0.offset == lines.count / 2
                                ? "\(label) = " : String(repeating: " ", count: label.count + 3))
                                + $0.element
                        }.joined(separator: "\n"))))
        }
        if slices > max(options.maxPlacements, 1) {
            blocks.append(
                .paragraph(.slicesShown(shown: max(options.maxPlacements, 1), total: slices)))
        }
        return blocks
    }
}
