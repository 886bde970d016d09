import ConvMatrixCore

/// Everything `convmatrix compose` says about a stack: receptive field, effective stride and
/// padding, every output's window — from the formulas for forward stacks, read from the
/// composed matrix otherwise — each checked against the support of the composed matrix.
public struct StackAnalysis: Sendable {
    /// One axis of the stack's geometry.
    public struct Axis: Hashable, Sendable {
        /// Receptive field (unclipped).
        public let receptiveField: Int
        /// Effective stride (a fraction such as 0.5 after a transposed layer).
        public let effectiveStride: Double
        /// Effective padding before.
        public let effectivePadding: Double
        /// The recurrences, for forward-only stacks.
        public let formula: ReceptiveField?
    }

    /// The stack.
    public let stack: LayerStack
    /// The layers' matrices.
    public let matrices: [TapMatrix]
    /// Per axis.
    public let axes: [Axis]
    /// The support of every output.
    public let support: StackSupport
    /// Whether the numbers come from the formulas (forward stacks) or were read from the
    /// matrix (stacks with a transposed layer).
    public let fromFormulas: Bool
    /// Outputs whose clipped window differs from their support (forward stacks), flat.
    public let windowMismatches: [Int]
    /// The composed symbolic matrix, when it fits (see ``ComposedMatrix``).
    public let composed: ComposedMatrix?
    /// Why the composed matrix was not built, one line naming no option (the limit's
    /// description, or "not asked for").
    public let composedNote: String?
    /// The limit the composed matrix would pass, when that is why it was not built.
    public let composedLimit: ComposedLimit?
    /// The single convolution the stack resembles, compared with it.
    public let single: SingleConvolution?

    /// Analyses `stack`; the composed symbolic matrix is built when `symbolic` and its
    /// products have at most `maxTerms` terms (else ``composedNote`` says why not, and the
    /// supports, found from the patterns, still check every window).
    ///
    /// - Throws: ``ConvMatrixCore/SpecificationError`` when a layer's matrix exceeds the budget,
    ///   ``AnalysisError`` when the support does.
    public init(
        _ stack: LayerStack, letters: [String] = ComposedMatrix.defaultLetters,
        limits: ResourceLimits = .default, symbolic: Bool = true, maxTerms: Int = 2_000_000
    ) throws {
        self.stack = stack
        var matrices: [TapMatrix] = []
        for layer in stack.layers { matrices.append(try layer.matrix(limits: limits)) }
        self.matrices = matrices
        let support = try StackSupport(
            matrices: matrices, inputExtents: stack.inputExtents, limits: limits)
        self.support = support
        let rank = stack.inputExtents.rank
        let outputs = stack.outputExtents
        let spatial = outputs.count
        if stack.isForwardOnly {
            fromFormulas = true
            let fields = (0..<rank).map { t in
                ReceptiveField(stack.layers.map { $0.axes[t] })
            }
            axes = fields.map {
                Axis(
                    receptiveField: $0?.size ?? 0, effectiveStride: Double($0?.stride ?? 0),
                    effectivePadding: Double($0?.padding ?? 0), formula: $0)
            }
            var mismatches: [Int] = []
            let n = stack.inputExtents.sizes
            for r in 0..<support.ranges.count {
                let i = outputs.multiIndex(r % spatial)
                let expected: [ClosedRange<Int>]? = {
                    var result: [ClosedRange<Int>] = []
                    for t in 0..<rank {
                        guard let field = fields[t] else { return nil }
                        let w = field.window(i[t])
                        let low = max(0, w.lowerBound)
                        let high = min(n[t] - 1, w.upperBound)
                        guard low <= high else { return nil }
                        result.append(low...high)
                    }
                    return result
                }()
                if expected != support.ranges[r] { mismatches.append(r) }
            }
            windowMismatches = mismatches
        } else {
            fromFormulas = false
            windowMismatches = []
            axes = (0..<rank).map { t in
                Self.readAxis(
                    t, support: support, outputs: outputs, inputSize: stack.inputExtents.sizes[t])
            }
        }
        var composed: ComposedMatrix?
        var note: String?
        var limit: ComposedLimit?
        if symbolic {
            do {
                composed = try ComposedMatrix(
                    stack, matrices: matrices, letters: letters, limits: limits,
                    maxTerms: maxTerms)
            } catch {
                if case .composedTooLarge(let passed) = error { limit = passed }
                note = error.description
            }
        } else {
            note = "not asked for"
        }
        self.composed = composed
        composedNote = note
        composedLimit = limit
        single = composed.flatMap { SingleConvolution(stack, composed: $0) }
    }

    /// Reads axis `t`'s receptive field, stride and padding off the matrix: along a line of
    /// outputs through the middle of the other axes, the widest support is the receptive
    /// field; the stride is the ratio of the sizes `n/m` (the matrix's columns over its rows,
    /// per axis: ½ for a layer that doubles the size), and the padding `P = a·S − first(a)`
    /// for the first output `a` whose support is the widest (not clipped by the border).
    static func readAxis(_ t: Int, support: StackSupport, outputs: Extents, inputSize: Int) -> Axis
    {
        let middle = outputs.sizes.map { $0 / 2 }
        func range(_ i: Int) -> ClosedRange<Int>? {
            var index = middle
            index[t] = i
            return support.ranges[outputs.flatIndex(index)]?[t]
        }
        let m = outputs.sizes[t]
        let widths = (0..<m).map { range($0)?.count ?? 0 }
        let widest = widths.max() ?? 0
        let stride = Double(inputSize) / Double(m)
        guard let a = widths.firstIndex(of: widest), let first = range(a) else {
            return Axis(
                receptiveField: widest, effectiveStride: stride, effectivePadding: 0, formula: nil)
        }
        return Axis(
            receptiveField: widest, effectiveStride: stride,
            effectivePadding: Double(a) * stride - Double(first.lowerBound), formula: nil)
    }
}
