import ConvMatrix
import Symbolic

/// A text stream that counts what it is given and keeps nothing: rendering is measured without
/// the disk.
struct CountingSink: TextOutputStream {
    private(set) var bytes = 0
    mutating func write(_ string: String) { bytes += string.utf8.count }
}

/// One benchmark workload: a name, a description, how often to repeat it, and the work.
struct Workload: Sendable {
    let name: String
    let summary: String
    let repeats: Int
    /// Runs once and returns a note (sizes, bytes written).
    let run: @Sendable () throws -> String
}

enum Workloads {
    static let sympyLaTeX = MatrixLaTeXPrinter(style: .sympy, expressionPrinter: LaTeXPrinter(termOrder: .sympy))

    /// U in the row convention and its SymPy-style LaTeX; with `c`, also C = O·T and its LaTeX.
    static func unrollAndRender(_ spec: ConvolutionSpec, withC: Bool) throws -> String {
        let conv = try spec.validated()
        let u = try conv.unrolled()
        let symbols = LayerSymbols(conv)
        var sink = CountingSink()
        TapMatrixLaTeXWriter(printer: sympyLaTeX, tapValues: symbols.kernel.map { Expression($0) })
            .write(u.transposed(), to: &sink)
        var note = "U \(conv.inputCount)x\(conv.outputCount), \(u.storedCount) entries, LaTeX \(sink.bytes) B"
        if withC {
            let cells = conv.symbolicTransposedOutputLaTeX(u, symbols: symbols, printer: sympyLaTeX.expressionPrinter)
            var cSink = CountingSink()
            LaTeXGridWriter(printer: sympyLaTeX).write(
                cells: cells, channels: conv.inChannels, extents: conv.inputExtents, to: &cSink)
            note += ", C LaTeX \(cSink.bytes) B"
        }
        return note
    }

    static let all: [Workload] = [
        Workload(
            name: "seed004", summary: "5×5 input, 3×3 kernel, stride 2: U + LaTeX + C = O·T", repeats: 200,
            run: { try unrollAndRender(.seed004, withC: true) }),
        Workload(
            name: "mnist", summary: "28×28 input, 5×5 kernel: U + LaTeX (SymPy style) + C = O·T + LaTeX", repeats: 30,
            run: { try unrollAndRender(ConvolutionSpec(inputSize: [28, 28], kernelSize: [5, 5]), withC: true) }),
        Workload(
            name: "64x64_p1", summary: "64×64 input, 3×3 kernel, padding 1: U + LaTeX (67 MB)", repeats: 10,
            run: {
                try unrollAndRender(
                    ConvolutionSpec(inputSize: [64, 64], kernelSize: [3, 3], padding: .explicit([AxisPadding(1)])),
                    withC: false)
            }),
        Workload(
            name: "lenet_conv2", summary: "LeNet conv2: 6×14×14 → 16 channels, 5×5: U + LaTeX", repeats: 10,
            run: {
                try unrollAndRender(
                    ConvolutionSpec(inputSize: [14, 14], kernelSize: [5, 5], inChannels: 6, outChannels: 16),
                    withC: false)
            }),
        Workload(
            name: "resnet50_conv1", summary: "ResNet-50 conv1: 3×224×224 → 64, 7×7, stride 2, padding 3: build U",
            repeats: 3,
            run: {
                let conv = try ConvolutionSpec(
                    inputSize: [224, 224], kernelSize: [7, 7], stride: [2], padding: .explicit([AxisPadding(3)]),
                    inChannels: 3, outChannels: 64
                ).validated()
                let u = try conv.unrolled()
                let bytes = u.columns.count * 4 + u.taps.count * 4 + u.rowStart.count * 8
                return "U \(u.rowCount)x\(u.columnCount), \(u.storedCount) entries, \(bytes) B (\(String(format2: Double(bytes) / Double(u.storedCount))) B/entry)"
            }),
    ]
}

extension String {
    /// `x` with two decimals.
    init(format2 x: Double) {
        let hundredths = Int((x * 100).rounded())
        self = "\(hundredths / 100).\(hundredths % 100 < 10 ? "0" : "")\(hundredths % 100)"
    }
}
