import ConvMatrixCore

/// A layer given in one framework, translated into all five, and each translation proven: its
/// matrix is rebuilt from the TARGET framework's own rules (on the padded input, then cropped)
/// and compared entry by entry with the matrix of the source framework's own rules.
///
/// The PyTorch translation is also compared with ConvMatrix's own unrolled matrix
/// (`Convolution.unrolled()` / `TransposedConvolution.unrolled()`), which follows PyTorch's
/// definition independently of the frameworks module.
public struct FrameworkComparison: Sendable {
    /// The outcome of one entry-by-entry comparison.
    public enum Check: Sendable, Equatable {
        /// Equal: the matrix has this many rows, columns and non-zero entries.
        case equal(rows: Int, columns: Int, entries: Int)
        /// Different, at this first difference.
        case differs(TapMatrixDifference)
        /// The target framework's rules refuse its own translation (a bug if it happens).
        case refused(String)

        /// Whether the matrices are equal.
        public var holds: Bool { if case .equal = self { return true } else { return false } }
    }

    /// One framework's answer.
    public struct Entry: Sendable {
        /// The framework.
        public let framework: Framework
        /// Its translation of the layer.
        public let translation: FrameworkTranslation
        /// The comparison of its matrix with the source's (nil when inexpressible).
        public let check: Check?
    }

    /// The layer as given in a framework's words, or nil when it was given as axes (ConvMatrix's
    /// own layer flags).
    public let source: FrameworkLayer?
    /// Its axes by its own framework's rules.
    public let geometry: FrameworkGeometry
    /// One entry per framework, in the order of `Framework.allCases`.
    public let entries: [Entry]
    /// The PyTorch translation's matrix against ConvMatrix's own unrolling (nil when PyTorch
    /// can't express the layer).
    public let reference: Check?

    /// Whether every comparison holds.
    public var holds: Bool {
        entries.allSatisfy { $0.check?.holds ?? true } && (reference?.holds ?? true)
    }

    /// Translates `source` (on `input` positions with a `kernel`) into every framework and
    /// compares the matrices. Throws the source's broken rule, or a budget error.
    ///
    /// Reports each matrix rebuilt and compared to `progress`.
    public init(
        _ source: FrameworkLayer, input: [Int], kernel: [Int], limits: ResourceLimits = .default,
        progress: ProgressSink = .silent
    ) throws(FrameworkComparisonError) {
        let geometry: FrameworkGeometry
        do {
            geometry = try source.geometry(input: input, kernel: kernel)
        } catch {
            throw .rule(error)
        }
        try self.init(geometry, source: source, limits: limits, progress: progress)
    }

    /// Translates the layer of `geometry` (ConvMatrix's own layer, given by its axes) into every
    /// framework and compares the matrices. Throws a budget error. Reports each matrix rebuilt
    /// and compared to `progress`.
    public init(
        _ geometry: FrameworkGeometry, limits: ResourceLimits = .default,
        progress: ProgressSink = .silent
    ) throws(FrameworkComparisonError) {
        do {
            try ParameterCheck.spans(
                input: geometry.inputSize, kernel: geometry.kernelSize, stride: geometry.stride,
                dilation: geometry.dilation)
        } catch {
            throw .rule(error)
        }
        try self.init(geometry, source: nil, limits: limits, progress: progress)
    }

    private init(
        _ geometry: FrameworkGeometry, source: FrameworkLayer?, limits: ResourceLimits,
        progress: ProgressSink
    ) throws(FrameworkComparisonError) {
        // The layer's matrix, then one per framework and PyTorch's against convmatrix's own.
        var counter = progress.counter(
            "proving the translations", unit: "matrices", total: Framework.allCases.count + 2)
        defer { counter.finish() }
        let matrix: TapMatrix
        do {
            matrix = try geometry.unrolled(limits: limits)
        } catch {
            throw .budget(error)
        }
        counter.advance()
        var entries: [Entry] = []
        var reference: Check?
        for framework in Framework.allCases {
            defer { counter.advance() }
            // The source framework answers with the layer as given (its matrix is still rebuilt
            // and compared); the others translate.
            let translation: FrameworkTranslation
            if let source, framework == source.framework {
                translation = .expressed(source, .none(rank: geometry.rank))
            } else {
                translation = FrameworkTranslation.translating(geometry, to: framework)
            }
            guard case .expressed(let layer, let extras) = translation else {
                entries.append(Entry(framework: framework, translation: translation, check: nil))
                continue
            }
            let check: Check
            do {
                check = try FrameworkComparison.check(
                    layer, extras, against: matrix, geometry, limits: limits)
                if framework == .pytorch, case .pytorch(let torch) = layer {
                    reference = try FrameworkComparison.reference(
                        torch, extras, against: matrix, geometry, limits: limits)
                    counter.advance()
                }
            } catch {
                throw .budget(error)
            }
            entries.append(Entry(framework: framework, translation: translation, check: check))
        }
        self.source = source
        self.geometry = geometry
        self.entries = entries
        self.reference = reference
    }

    /// The translated layer's matrix, by its own framework's rules on the padded input, cropped,
    /// against `matrix`.
    static func check(
        _ layer: FrameworkLayer, _ extras: ExtraOperations, against matrix: TapMatrix,
        _ geometry: FrameworkGeometry, limits: ResourceLimits
    ) throws(SpecificationError) -> Check {
        let padded = zip(geometry.inputSize, extras.prePad).map { $0 + $1.total }
        let own: FrameworkGeometry
        do {
            own = try layer.geometry(input: padded, kernel: geometry.kernelSize)
        } catch {
            return .refused(error.description)
        }
        let flipped = FrameworkGeometry(
            direction: own.direction, axes: own.axes,
            kernelFlipped: own.kernelFlipped != extras.flipKernel)
        let window = try FrameworkComparison.window(
            try flipped.unrolled(limits: limits), of: own, extras, geometry)
        return compare(window, matrix)
    }

    /// ConvMatrix's own unrolling of the PyTorch translation, cropped, against `matrix`.
    static func reference(
        _ torch: PyTorchLayer, _ extras: ExtraOperations, against matrix: TapMatrix,
        _ geometry: FrameworkGeometry, limits: ResourceLimits
    ) throws(SpecificationError) -> Check {
        let padded = zip(geometry.inputSize, extras.prePad).map { $0 + $1.total }
        let orientation: KernelOrientation = extras.flipKernel ? .convolution : .crossCorrelation
        let full: TapMatrix
        switch torch.direction {
        case .forward:
            let padding: PaddingSpec
            switch torch.padding {
            case .amounts(let p): padding = .explicit(p.map { AxisPadding($0) })
            case .valid: padding = .valid
            case .same: padding = .same
            }
            full = try ConvolutionSpec(
                inputSize: padded, kernelSize: geometry.kernelSize, stride: torch.stride,
                padding: padding, dilation: torch.dilation, orientation: orientation
            ).validated().unrolled(limits: limits)
        case .transposed:
            guard case .amounts(let p) = torch.padding else { return .refused("padding words") }
            full = try TransposedConvolutionSpec(
                inputSize: padded, kernelSize: geometry.kernelSize, stride: torch.stride,
                padding: .explicit(p.map { AxisPadding($0) }), dilation: torch.dilation,
                outputPadding: torch.outputPadding ?? [0], orientation: orientation
            ).validated().unrolled(limits: limits)
        }
        let own: FrameworkGeometry
        do {
            own = try torch.geometry(input: padded, kernel: geometry.kernelSize)
        } catch {
            return .refused(error.description)
        }
        return compare(try window(full, of: own, extras, geometry), matrix)
    }

    /// The rows kept by the crop and the columns of the unpadded input.
    static func window(
        _ full: TapMatrix, of own: FrameworkGeometry, _ extras: ExtraOperations,
        _ geometry: FrameworkGeometry
    ) throws(SpecificationError) -> TapMatrix {
        let rows = zip(own.outputSize, extras.postCrop).map { size, crop in
            min(crop.before, size)..<max(min(crop.before, size), size - crop.after)
        }
        let columns = zip(geometry.inputSize, extras.prePad).map { size, pad in
            pad.before..<(pad.before + size)
        }
        guard zip(columns, own.inputSize).allSatisfy({ $0.upperBound <= $1 }) else {
            throw SpecificationError(.input, "the padded input is smaller than the input")
        }
        return full.window(rows: rows, of: own.outputSize, columns: columns, of: own.inputSize)
    }

    static func compare(_ mine: TapMatrix, _ theirs: TapMatrix) -> Check {
        if let difference = mine.firstDifference(from: theirs) { return .differs(difference) }
        return .equal(rows: mine.rowCount, columns: mine.columnCount, entries: mine.storedCount)
    }
}

/// Why a comparison could not be made.
public enum FrameworkComparisonError: Error, Sendable, Equatable {
    /// The source layer breaks its own framework's rule.
    case rule(FrameworkError)
    /// A matrix would not fit the budget.
    case budget(SpecificationError)
}
