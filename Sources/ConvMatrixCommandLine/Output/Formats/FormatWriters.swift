import ConvMatrix

// One writer per output format — TextFormat, LaTeXFormat, MTXFormat, JSONFormat, CSVFormat — each
// conforming to the kinds of result its format can hold. A command declares the formats it takes
// (`static let formats`, checked when RenderOptions reads `--format`) and asks the options for the
// writer of the result it has; it never asks which format was chosen.

/// Writes U or T for people: a title and the aligned matrix, or LaTeX.
protocol MatrixWriter {
    /// Writes `matrix` under `title`; `blocks` are the channel blocks (rows, columns) of a
    /// channelled matrix. Returns warnings for standard error.
    func write(
        _ matrix: SymbolicTapMatrix, title: [String], blocks: (rows: Int, columns: Int)?,
        to output: inout some TextOutputStream
    ) -> [String]
}

/// Writes U or T for other programs, every stored entry: Matrix Market, JSON or CSV.
protocol ExportWriter {
    /// Writes `matrix`, its taps printed as `kernel` or valued by `values`, reporting the rows
    /// written to `progress` (a large U takes seconds).
    func write(
        _ matrix: TapMatrix, kernel: [Symbol], values: KernelValues?, header: MatrixExportHeader,
        to output: inout some TextOutputStream, progress: ProgressSink)
}

extension ExportWriter {
    /// Writes `matrix` without reporting progress.
    func write(
        _ matrix: TapMatrix, kernel: [Symbol], values: KernelValues?, header: MatrixExportHeader,
        to output: inout some TextOutputStream
    ) {
        write(
            matrix, kernel: kernel, values: values, header: header, to: &output, progress: .silent)
    }
}

/// Writes a tensor as a stack of 2-D grids: the symbolic tensors, the placements, `apply`'s
/// outputs.
protocol GridWriter {
    /// The bytes this format keeps per printed product before writing a grid of sums (the
    /// memory budget counts them).
    var bytesPerSumTerm: Int { get }

    /// Writes `grids` under `title`.
    func write(_ grids: ExpressionGrids, title: [String], to output: inout some TextOutputStream)

    /// Writes a `(channels, extents…)` grid of sums of products, each cell printed by `cells`
    /// with the format's own ``ProductSums`` (no expressions are built).
    func write(
        sums cells: (ProductSums) -> [String], channels: Int, extents: Extents, title: [String],
        to output: inout some TextOutputStream)
}

/// Writes numbers: `apply --input-values`, `apply --max-pool`.
protocol ValueWriter {
    /// Writes `tensor`, flattened as `channels` grids of `extents`, under `title`.
    func write(
        _ tensor: ValueTensor, channels: Int, extents: Extents, title: [String],
        to output: inout some TextOutputStream)

    /// Writes max pooling's selection matrix S (y = S·x, `extents` its outputs × inputs) after
    /// the output: `lead` says what it is, `note` how ties were broken.
    func write(
        selection: MaxPoolSelection, extents: Extents, lead: String, note: String,
        to output: inout some TextOutputStream)
}

extension RenderOptions {
    /// The format's one writer; what it can write is the protocols it conforms to
    /// (``MatrixWriter``, ``ExportWriter``, ``GridWriter``, ``ValueWriter``).
    private var writer: Any {
        switch format {
        case .text: TextFormat(options: self)
        case .latex: LaTeXFormat(options: self)
        case .mtx: MTXFormat()
        case .json: JSONFormat()
        case .csv: CSVFormat(options: self)
        }
    }

    /// The writer of U or T for people, or nil for the export formats.
    var matrixWriter: (any MatrixWriter)? { writer as? any MatrixWriter }

    /// The export writer, or nil for text and LaTeX.
    var exportWriter: (any ExportWriter)? { writer as? any ExportWriter }

    /// The writer of grids, or nil for the formats that hold one matrix (mtx, json).
    var gridWriter: (any GridWriter)? { writer as? any GridWriter }

    /// The writer of numbers, or nil for the matrix exports (mtx, csv).
    var valueWriter: (any ValueWriter)? { writer as? any ValueWriter }
}
