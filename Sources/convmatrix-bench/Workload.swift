import ConvMatrix
import Foundation
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
    /// The number of stored entries of the U it builds, when it builds one: the JSON then
    /// carries time and memory per entry.
    var entries: Int? = nil
}

enum Workloads {
    static let sympyLaTeX = MatrixLaTeXPrinter(
        style: .sympy, expressionPrinter: LaTeXPrinter(termOrder: .sympy))

    /// U in the row convention and its SymPy-style LaTeX; with `c`, also C = O·T and its LaTeX.
    static func unrollAndRender(_ spec: ConvolutionSpec, withC: Bool) throws -> String {
        let conv = try spec.validated()
        let u = try conv.unrolled()
        let symbols = LayerSymbols(conv)
        var sink = CountingSink()
        TapMatrixLaTeXWriter(printer: sympyLaTeX)
            .write(SymbolicTapMatrix(u.transposed(), kernel: symbols.kernel), to: &sink)
        var note =
            "U \(conv.inputCount)x\(conv.outputCount), \(u.storedCount) entries, LaTeX \(sink.bytes) B"
        if withC {
            let cells = conv.symbolicTransposedOutputText(
                u, symbols: symbols, sums: ProductSums(latex: sympyLaTeX.expressionPrinter))
            var cSink = CountingSink()
            LaTeXGridWriter(printer: sympyLaTeX).write(
                cells: cells, channels: conv.inChannels, extents: conv.inputExtents, to: &cSink)
            note += ", C LaTeX \(cSink.bytes) B"
        }
        return note
    }

    /// Every workload: the fixed ones, the size sweep, the pictures, analyze and compose, then
    /// the commands that print large layers elided, on ResNet-50's first layer.
    static let all: [Workload] = fixed + sweeps + pictures + analysis + realLayers

    static let fixed: [Workload] = [
        Workload(
            name: "example-5x5-3x3-s2",
            summary: "5×5 input, 3×3 kernel, stride 2: U + LaTeX + C = O·T",
            repeats: 200,
            run: { try unrollAndRender(.input5x5Kernel3x3Stride2, withC: true) }),
        Workload(
            name: "mnist",
            summary: "28×28 input, 5×5 kernel: U + LaTeX (SymPy style) + C = O·T + LaTeX",
            repeats: 30,
            run: {
                try unrollAndRender(
                    ConvolutionSpec(inputSize: [28, 28], kernelSize: [5, 5]), withC: true)
            }),
        Workload(
            name: "64x64_p1", summary: "64×64 input, 3×3 kernel, padding 1: U + LaTeX (67 MB)",
            repeats: 10,
            run: {
                try unrollAndRender(
                    ConvolutionSpec(
                        inputSize: [64, 64], kernelSize: [3, 3],
                        padding: .explicit([AxisPadding(1)])),
                    withC: false)
            }),
        Workload(
            name: "lenet_conv2", summary: "LeNet conv2: 6×14×14 → 16 channels, 5×5: U + LaTeX",
            repeats: 10,
            run: {
                try unrollAndRender(
                    ConvolutionSpec(
                        inputSize: [14, 14], kernelSize: [5, 5], inChannels: 6, outChannels: 16),
                    withC: false)
            }),
        Workload(
            name: "render_latex",
            summary: "LaTeX rendering throughput: U of 64×64, 3×3, padding 1 (67 MB), U prebuilt",
            repeats: 10,
            run: { try render(latex: true) }),
        Workload(
            name: "render_text",
            summary: "Plain-text rendering throughput: the same U as aligned Unicode text (84 MB)",
            repeats: 10,
            run: { try render(latex: false) }),
        Workload(
            name: "resnet50_conv1",
            summary: "ResNet-50 conv1: 3×224×224 → 64, 7×7, stride 2, padding 3: build U",
            repeats: 3,
            run: {
                let conv = try resnet()
                let u = try conv.unrolled()
                let bytes = u.columns.count * 4 + u.taps.count * 4 + u.rowStart.storedBytes
                return
                    "U \(u.rowCount)x\(u.columnCount), \(u.storedCount) entries, \(bytes) B (\(String(format2: Double(bytes) / Double(u.storedCount))) B/entry)"
            },
            entries: 116_214_528),
        Workload(
            name: "resnet50_conv1_direct",
            summary: "ResNet-50 conv1: direct convolution in Double (2 threads)",
            repeats: 9,
            run: {
                let conv = try resnet()
                let (input, kernel) = values(conv)
                let y = try conv.applyFast(input: input, kernel: kernel)
                return
                    "output \(y.count) values, \(conv.outputCount * conv.inChannelsPerGroup * conv.kernelExtents.count) multiply-adds"
            }),
        Workload(
            name: "resnet50_conv1_check",
            summary:
                "ResNet-50 conv1: U built, U·x and Uᵀ·y sparse, compared with the direct convolution, adjoint identity",
            repeats: 1,
            run: {
                let conv = try resnet()
                let (input, kernel) = values(conv)
                let clock = ContinuousClock()
                var start = clock.now
                let u = try conv.unrolled()
                let build = clock.now - start
                start = clock.now
                let ux = try u.product(input, tapValues: kernel)
                let product = clock.now - start
                start = clock.now
                let direct = try conv.applyFast(input: input, kernel: kernel)
                let directTime = clock.now - start
                var generator = SeededNumbers(seed: 2)
                let y = (0..<conv.outputCount).map { _ in generator.next() }
                start = clock.now
                let uty = try u.transposedProduct(y, tapValues: kernel)
                let transposedTime = clock.now - start
                let largest = zip(ux, direct).map { abs($0 - $1) }.max() ?? 0
                let left = zip(ux, y).reduce(0) { $0 + $1.0 * $1.1 }
                let right = zip(input, uty).reduce(0) { $0 + $1.0 * $1.1 }
                guard largest <= 1e-9, abs(left - right) <= 1e-9 * max(abs(left), 1) else {
                    throw BenchmarkFailure(
                        "mismatch: |U·x − direct| = \(largest), adjoint \(left) vs \(right)")
                }
                return
                    "U \(ms(build)), U·x \(ms(product)), direct \(ms(directTime)), Uᵀ·y \(ms(transposedTime)); max |U·x − direct| \(largest), adjoint gap \(abs(left - right))"
            }),
        Workload(
            name: "resnet50_conv1_mtx",
            summary: "ResNet-50 conv1: U evaluated and written as Matrix Market to a file",
            repeats: 1,
            run: {
                let conv = try resnet()
                let (_, kernel) = values(conv)
                let u = try conv.unrolled()
                let path = FileManager.default.temporaryDirectory.appendingPathComponent(
                    "convmatrix-bench-\(getpid()).mtx"
                ).path
                defer { try? FileManager.default.removeItem(atPath: path) }
                guard var output = FileOutput(path: path) else {
                    throw BenchmarkFailure("cannot write \(path)")
                }
                MatrixMarketWriter.write(u, values: kernel, comments: ["benchmark"], to: &output)
                output.close()
                let size =
                    (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
                return "\(u.storedCount) entries, \(size / 1_000_000) MB written"
            }),
    ]

    /// The size sweep: U of an `n×n` input, a 3×3 kernel, padding 1, with one input channel
    /// and `outChannels` output channels — the build alone, so that time and memory per entry
    /// can be compared across sizes (they should not grow with the number of outputs).
    static func sweep(size n: Int, outChannels: Int) -> Workload {
        // Every output reads 3 taps an axis except at the two borders, which read 2.
        build(
            name: "sweep_\(n)sq_out\(outChannels)",
            summary: "U of \(n)×\(n), 3×3, padding 1, 1 → \(outChannels) channels",
            repeats: n >= 1024 || (outChannels > 1 && n >= 256) ? 3 : 7,
            spec: ConvolutionSpec(
                inputSize: [n, n], kernelSize: [3, 3], padding: .explicit([AxisPadding(1)]),
                outChannels: outChannels),
            entries: outChannels * (3 * n - 2) * (3 * n - 2))
    }

    /// The sweep's sizes: one channel from 128² to 2048², and 64 output channels while U fits
    /// the default 4 GB budget (512²: 151 million entries, 1.2 GB); then layers of one channel
    /// whose rows hold few entries, where the row offsets weigh most (none are kept when every
    /// row holds as many entries).
    static let sweeps: [Workload] =
        [128, 256, 512, 1024, 2048].map { sweep(size: $0, outChannels: 1) }
        + [128, 256, 512].map { sweep(size: $0, outChannels: 64) }
        + [
            build(
                name: "sweep_rows_1x1", summary: "U of 2048×2048, kernel 1×1", repeats: 3,
                spec: ConvolutionSpec(inputSize: [2048, 2048], kernelSize: [1, 1]),
                entries: 2048 * 2048),
            build(
                name: "sweep_rows_1x1_pad1", summary: "U of 2048×2048, kernel 1×1, padding 1",
                repeats: 3,
                spec: ConvolutionSpec(
                    inputSize: [2048, 2048], kernelSize: [1, 1],
                    padding: .explicit([AxisPadding(1)])),
                entries: 2048 * 2048),
            build(
                name: "sweep_rows_1d_k3",
                summary: "U of a 4,194,304-sample signal, kernel 3, padding 1",
                repeats: 3,
                spec: ConvolutionSpec(
                    inputSize: [4_194_304], kernelSize: [3], padding: .explicit([AxisPadding(1)])),
                entries: 3 * 4_194_304 - 2),
        ]

    /// U's build for `spec`, checked to store `entries` entries; the note gives the rows and
    /// the bytes kept per entry.
    static func build(
        name: String, summary: String, repeats: Int, spec: ConvolutionSpec, entries: Int
    ) -> Workload {
        Workload(
            name: name, summary: summary, repeats: repeats,
            run: {
                let u = try spec.validated().unrolled()
                guard u.storedCount == entries else {
                    throw BenchmarkFailure("\(u.storedCount) entries, expected \(entries)")
                }
                let bytes = u.columns.count * 4 + u.taps.count * 4 + u.rowStart.storedBytes
                return
                    "\(u.storedCount) entries in \(u.rowCount) rows, \(String(format2: Double(bytes) / Double(u.storedCount))) B/entry kept"
            },
            entries: entries)
    }

    /// Renders a prebuilt U and reports the throughput of this run (the median time is the
    /// workload's; the note's rate is of the last run).
    static func render(latex: Bool) throws -> String {
        let conv = try ConvolutionSpec(
            inputSize: [64, 64], kernelSize: [3, 3], padding: .explicit([AxisPadding(1)])
        ).validated()
        let u = try conv.unrolled().transposed()
        // The checked values are made before the clock starts: this measures the writers.
        let symbolic = SymbolicTapMatrix(u, kernel: LayerSymbols(conv).kernel)
        var sink = CountingSink()
        let clock = ContinuousClock()
        let start = clock.now
        if latex {
            TapMatrixLaTeXWriter(printer: sympyLaTeX).write(symbolic, to: &sink)
        } else {
            TapMatrixTextWriter(printer: MatrixPlainTextPrinter()).write(symbolic, to: &sink)
        }
        let elapsed = clock.now - start
        let seconds =
            Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
        return "\(sink.bytes) B in \(ms(elapsed)): \(Int(Double(sink.bytes) / seconds / 1e6)) MB/s"
    }

    static func resnet() throws -> Convolution {
        try ConvolutionSpec(
            inputSize: [224, 224], kernelSize: [7, 7], stride: [2],
            padding: .explicit([AxisPadding(3)]),
            inChannels: 3, outChannels: 64
        ).validated()
    }

    /// Deterministic input and kernel values in [−1, 1).
    static func values(_ conv: Convolution) -> ([Double], [Double]) {
        var generator = SeededNumbers(seed: 1)
        return (
            (0..<conv.inputCount).map { _ in generator.next() },
            (0..<conv.weightCount).map { _ in generator.next() }
        )
    }

    static func ms(_ d: Duration) -> String {
        let s = Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18
        return "\(Int((s * 1000).rounded())) ms"
    }
}

/// Uniform numbers in [−1, 1) from SplitMix64.
struct SeededNumbers {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> Double {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        z ^= z >> 31
        return Double(z >> 11) / Double(1 << 52) - 1
    }
}

struct BenchmarkFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

extension String {
    /// `x` with two decimals.
    init(format2 x: Double) {
        let hundredths = Int((x * 100).rounded())
        self = "\(hundredths / 100).\(hundredths % 100 < 10 ? "0" : "")\(hundredths % 100)"
    }
}

/// A file written through `FileHandle`, one chunk per `write` (the writers send megabyte chunks).
struct FileOutput: TextOutputStream {
    let handle: FileHandle

    init?(path: String) {
        guard FileManager.default.createFile(atPath: path, contents: nil),
            let handle = FileHandle(forWritingAtPath: path)
        else { return nil }
        self.handle = handle
    }

    mutating func write(_ string: String) { handle.write(Data(string.utf8)) }

    func close() { try? handle.close() }
}
