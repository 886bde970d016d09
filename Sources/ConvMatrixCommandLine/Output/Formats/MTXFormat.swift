import ConvMatrix

/// Matrix Market coordinate format: every stored entry with its value, 1-based, under comments
/// that say which command wrote it and what the rows and columns are.
struct MTXFormat: ExportWriter {
    func write(
        _ matrix: TapMatrix, kernel: [Symbol], values: KernelValues?, header: MatrixExportHeader,
        to output: inout some TextOutputStream, progress: ProgressSink
    ) {
        MatrixMarketWriter.write(
            matrix, values: values?.doubles,
            comments: [
                header.command,
                "\(header.matrix): \(header.product) (\(header.convention) convention)",
                "rows: \(header.rows)", "columns: \(header.columns)", "indices are 1-based",
            ], to: &output, progress: progress)
    }
}
