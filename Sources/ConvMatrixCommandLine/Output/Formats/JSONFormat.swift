import ConvMatrix

/// JSON: a matrix as the layer, its convention and every non-zero (docs/formats.md); numbers as
/// `{"shape": […], "values": […]}` in PyTorch's layout.
struct JSONFormat: ExportWriter, ValueWriter {
    func write(
        _ matrix: TapMatrix, kernel: [Symbol], values: KernelValues?, header: MatrixExportHeader,
        to output: inout some TextOutputStream, progress: ProgressSink
    ) {
        MatrixJSONWriter.write(
            matrix, kernel: kernel, values: values?.doubles, header: header, to: &output,
            progress: progress)
    }

    func write(
        _ tensor: ValueTensor, channels: Int, extents: Extents, title: [String],
        to output: inout some TextOutputStream
    ) {
        output.write(ValueTensorPrinting.json(tensor) + "\n")
    }

    /// JSON holds the output values alone: max pooling's selection is not written.
    func write(
        selection: MaxPoolSelection, extents: Extents, lead: String, note: String,
        to output: inout some TextOutputStream
    ) {}
}
