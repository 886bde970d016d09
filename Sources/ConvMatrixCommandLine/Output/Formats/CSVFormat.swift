import ConvMatrix

/// CSV: `row,column,value` for every non-zero, 0-based; grids one after the other.
struct CSVFormat: ExportWriter, GridWriter {
    let options: RenderOptions

    /// A symbol product and its separator, about 48 bytes.
    var bytesPerSumTerm: Int { 48 }

    func write(
        _ matrix: TapMatrix, kernel: [Symbol], values: KernelValues?, header: MatrixExportHeader,
        to output: inout some TextOutputStream, progress: ProgressSink
    ) {
        let numbers = values?.doubles
        let source = SymbolicTapMatrix(matrix, kernel: kernel)
        MatrixCSVWriter.write(
            rowCount: matrix.rowCount, columnCount: matrix.columnCount,
            row: { r in
                guard let numbers else {
                    return source.nonZeroEntries(inRow: r).map {
                        ($0.column, options.expressionPrinter.string(for: $0.value))
                    }
                }
                return matrix.columnGroups(inRow: r).map { entry in
                    let total = entry.positions.reduce(0.0) { $0 + numbers[Int(matrix.taps[$1])] }
                    return (entry.column, JSON.number(total))
                }
            }, to: &output, progress: progress)
    }

    func write(_ grids: ExpressionGrids, title: [String], to output: inout some TextOutputStream) {
        let printer = options.expressionPrinter
        for k in 0..<grids.count {
            MatrixCSVWriter.write(
                rowCount: grids.rows, columnCount: grids.columns,
                row: { r in
                    (0..<grids.columns).compactMap { c in
                        let value = grids.cell(k, r, c)
                        return value.isZero ? nil : (c, printer.string(for: value))
                    }
                }, to: &output)
        }
    }

    func write(
        sums cells: (ProductSums) -> [String], channels: Int, extents: Extents, title: [String],
        to output: inout some TextOutputStream
    ) {
        let text = cells(ProductSums(plain: options.expressionPrinter))
        let layout = GridSlices.layout(channels: channels, extents: extents)
        let size = layout.rows * layout.columns
        for k in layout.labels.indices {
            MatrixCSVWriter.write(
                rowCount: layout.rows, columnCount: layout.columns,
                row: { r in
                    (0..<layout.columns).compactMap { c in
                        let cell = text[k * size + r * layout.columns + c]
                        return cell == "0" ? nil : (c, cell)
                    }
                }, to: &output)
        }
    }
}
