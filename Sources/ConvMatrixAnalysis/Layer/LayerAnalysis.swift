import ConvMatrixCore
import ConvMatrixNumeric

/// Everything `convmatrix analyze` says about a layer, each claim computed on the layer's
/// matrix (or checked against it).
public struct LayerAnalysis: Sendable {
    /// What to compute beyond the pattern.
    public struct Options: Sendable {
        /// Kernel values; without them only pattern facts (fans, overlap, structural rank,
        /// structure) are computed.
        public var kernelValues: KernelValues?
        /// Require the exact rank (throw when it overflows instead of falling back to Double).
        public var requireExact: Bool
        /// The largest smaller side of a dense SVD or exact elimination.
        public var svdLimit: Int
        /// Require the dense SVD (throw past the limit instead of skipping it).
        public var requireSVD: Bool
        /// Where the long parts (singular values, exact rank) report their progress.
        public var progress: ProgressSink = .silent
        /// Memory budgets for the matrix.
        public var limits: ResourceLimits

        /// Options.
        public init(
            kernelValues: KernelValues? = nil, requireExact: Bool = false,
            svdLimit: Int = SingularValues.defaultLimit, requireSVD: Bool = false,
            limits: ResourceLimits = .default
        ) {
            self.kernelValues = kernelValues
            self.requireExact = requireExact
            self.svdLimit = svdLimit
            self.requireSVD = requireSVD
            self.limits = limits
        }
    }

    /// The rank at the given kernel values.
    public struct ValueRank: Hashable, Sendable {
        /// The rank.
        public let value: Int
        /// `exact` (over ℚ) or `double` (from the singular values).
        public let method: String
        /// The tolerance below which a singular value counts as zero (nil when exact).
        public let tolerance: Double?
        /// Why the exact rank was not used, when the rank is in Double.
        public let exactNote: String?
    }

    /// The layer.
    public let layer: Layer
    /// Rows (outputs) of the matrix.
    public let rows: Int
    /// Columns (inputs).
    public let columns: Int
    /// Stored entries (a sum of taps counts once per tap).
    public let storedEntries: Int
    /// Distinct non-zero positions.
    public let positions: Int
    /// Fan-in and fan-out.
    public let fans: FanCounts
    /// Inputs that reach no output, flat.
    public let unreachedInputs: [Int]
    /// Whether ``unreachedInputs`` agrees with the per-axis arithmetic of the geometry (nil
    /// when the arithmetic does not apply: padding modes other than zeros, transposed layers).
    public let unreachedMatchesGeometry: Bool?
    /// The overlap of the transposed layer.
    public let overlap: TransposedOverlap
    /// The structural rank.
    public let structuralRank: Int
    /// The rank at the kernel values.
    public let valueRank: ValueRank?
    /// The structures found.
    public let structure: [MatrixStructure]
    /// Whether the structure checks ran (false past ``MatrixStructure/checkLimit``).
    public let structureChecked: Bool
    /// Singular values from the dense Jacobi SVD, descending.
    public let singularValues: [Double]?
    /// Singular values from the DFT rule (circular stride-1 layers), descending.
    public let dftSingularValues: [Double]?
    /// The largest difference between the two lists, relative to `σ_max`.
    public let spectrumDisagreement: Double?
    /// Why the SVD was not computed, when it was not.
    public let svdNote: String?
    /// The operator norm by power iteration.
    public let operatorNorm: OperatorNorm?

    /// `stored / (rows·columns)` of distinct positions.
    public var density: Double {
        Double(positions) / (Double(rows) * Double(columns))
    }

    /// Analyses `layer`.
    ///
    /// - Throws: ``ConvMatrixCore/SpecificationError`` when the matrix exceeds the memory budget or the
    ///   values do not fit the layer; ``AnalysisError`` when a required SVD is too large or a
    ///   required exact rank overflows.
    public init(_ layer: Layer, options: Options = Options()) throws {
        self.layer = layer
        // Budget the analysis's own arrays before anything is built: about six Ints per row
        // and per column (fans, overlap, matching, layers), one per position of each axis.
        let axisPositions = layer.scatterAxes.reduce(0) { $0 &+ $1.outputs &+ $1.inputs }
        let perIndex = layer.outputSide.count.addingReportingOverflow(layer.inputSide.count)
        let words = perIndex.partialValue.multipliedReportingOverflow(by: 6)
        let bytes = words.partialValue.addingReportingOverflow(axisPositions)
            .partialValue.multipliedReportingOverflow(by: 8)
        try options.limits.checkMemory(
            perIndex.overflow || words.overflow || bytes.overflow ? nil : bytes.partialValue,
            for: "the analysis of a \(layer.outputSide.count)×\(layer.inputSide.count) matrix")
        let matrix = try layer.matrix(limits: options.limits)
        rows = matrix.rowCount
        columns = matrix.columnCount
        storedEntries = matrix.storedCount
        positions = matrix.entryCount
        let fans = FanCounts(matrix)
        self.fans = fans
        unreachedInputs = fans.unreachedInputs
        if case .convolution(let conv) = layer, conv.paddingMode == .zeros,
            conv.axes.allSatisfy(\.unreachedInputsAreComplete)
        {
            unreachedMatchesGeometry = unreachedInputs == Self.unreachedByGeometry(conv)
        } else {
            unreachedMatchesGeometry = nil
        }
        overlap = TransposedOverlap(layer: layer, fans: fans)
        structuralRank = StructuralRank.of(matrix)
        structureChecked = matrix.storedCount <= MatrixStructure.checkLimit
        structure = MatrixStructure.detect(layer: layer, matrix: matrix)

        guard let values = options.kernelValues else {
            valueRank = nil
            singularValues = nil
            dftSingularValues = nil
            spectrumDisagreement = nil
            svdNote = "no kernel values were given"
            operatorNorm = nil
            return
        }
        let doubles = values.doubles
        guard doubles.count == matrix.tapCount else {
            throw SpecificationError(
                .kernelValues, "expected \(matrix.tapCount) values, got \(doubles.count)")
        }
        var start: [Double]?
        if case .convolution(let conv) = layer {
            start = ConvolutionSymbol.startVector(conv, tapValues: doubles)
        }
        // A few power steps from the symbol's start, then Lanczos on their Krylov space.
        operatorNorm = try OperatorNorm(
            matrix, tapValues: doubles, start: start, tolerance: 1e-6, maxIterations: 100,
            krylovSteps: 30, krylovTolerance: 1e-13)
        var svd: [Double]?
        var note: String?
        do {
            try SingularValues.check(rows: rows, columns: columns, limit: options.svdLimit)
            svd = SingularValues.of(
                DenseMatrix(matrix, tapValues: doubles), progress: options.progress)
        } catch {
            if options.requireSVD || options.requireExact { throw error }
            note = error.description
        }
        singularValues = svd
        svdNote = note
        if case .convolution(let conv) = layer, CircularSpectrum.applies(to: conv),
            CircularSpectrum.isAffordable(conv)
        {
            let dft = CircularSpectrum.singularValues(conv, tapValues: doubles)
            dftSingularValues = dft
            if let svd, svd.count == dft.count {
                let scale = max(svd.first ?? 0, Double.leastNormalMagnitude)
                spectrumDisagreement =
                    zip(svd, dft).map { abs($0 - $1) }.max().map { $0 / scale } ?? 0
            } else {
                spectrumDisagreement = nil
            }
        } else {
            dftSingularValues = nil
            spectrumDisagreement = nil
        }
        // The rank at the values: exact when the values are exact fractions and it fits,
        // else from the singular values with NumPy's tolerance.
        var rank: ValueRank?
        var exactNote: String?
        if svd != nil || options.requireExact, let rationals = try? values.rationals() {
            do {
                rank = ValueRank(
                    value: try ExactRank.of(
                        matrix, tapValues: rationals, progress: options.progress),
                    method: "exact",
                    tolerance: nil, exactNote: nil)
            } catch {
                if options.requireExact { throw error }
                exactNote = error.description
            }
        } else if options.requireExact {
            throw AnalysisError.exactOverflow("the kernel values are not exact 64-bit fractions")
        } else {
            exactNote = "the kernel values are not exact 64-bit fractions"
        }
        if rank == nil, let svd {
            let (r, tolerance) = SingularValues.rank(svd, rows: rows, columns: columns)
            rank = ValueRank(value: r, method: "double", tolerance: tolerance, exactNote: exactNote)
        }
        valueRank = rank
    }

    /// The unreached inputs by the per-axis arithmetic: an input is unreached when its
    /// position on some axis is (every channel is read by some output channel).
    static func unreachedByGeometry(_ conv: Convolution) -> [Int] {
        let perAxis = conv.axes.map { axis -> Set<Int> in
            Set(axis.unreachedInputRanges.flatMap { Array($0) })
        }
        let spatial = conv.inputExtents.count
        var result: [Int] = []
        for c in 0..<conv.inChannels {
            for flat in 0..<spatial {
                let q = conv.inputExtents.multiIndex(flat)
                if q.indices.contains(where: { perAxis[$0].contains(q[$0]) }) {
                    result.append(c * spatial + flat)
                }
            }
        }
        return result
    }
}
