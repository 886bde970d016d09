/// The proof, symbolic and entry by entry, that a transposed convolution is the transpose of its
/// forward convolution.
///
/// Three statements are checked on exact tap matrices (an entry is a sum of kernel symbols, so
/// equal tap lists mean equal symbolic entries):
/// 1. the matrix T of the transposed convolution, built from its scatter definition, equals Uᵀ of
///    the forward convolution (restricted to its first `m` outputs when an output padding reaches
///    the stride);
/// 2. the equivalent direct convolution (zero insertion, padding `d·(k − 1) − p`, stride 1,
///    rotated kernel, channels swapped) has the same matrix;
/// 3. the connectivity — which input feeds which output through which taps — of the transposed
///    convolution is the forward one's with every edge reversed.
public struct TransposeVerification: Sendable {
    /// One checked statement.
    public struct Check: Sendable {
        /// What is claimed.
        public let statement: String
        /// Where the two sides first differ, or nil when they are equal.
        public let difference: TapMatrixDifference?
        /// A note, e.g. how a degenerate case was handled.
        public let note: String?

        /// Whether the statement holds.
        public var holds: Bool { difference == nil }
    }

    /// The transposed convolution checked.
    public let transposed: TransposedConvolution
    /// The equivalent direct convolution, when it exists.
    public let equivalent: EquivalentConvolution?
    /// The three checks, in order.
    public let checks: [Check]

    /// Whether every statement holds.
    public var holds: Bool { checks.allSatisfy { $0.holds } }

    /// T of `transposed` (from its scatter definition) and Uᵀ of its forward convolution,
    /// restricted to the forward outputs the transposed layer has (all of them unless an output
    /// padding reaches the stride): the two sides of the first statement, both in the column
    /// convention of the transposed layer.
    public static func matrices(
        _ transposed: TransposedConvolution, limits: ResourceLimits = .default
    )
        throws(SpecificationError) -> (t: TapMatrix, forwardTransposed: TapMatrix)
    {
        let t = try transposed.unrolled(limits: limits)
        let u = try transposed.forward.unrolled(limits: limits)
        let uT =
            transposed.forwardHasExtraOutputs
            ? u.transposed().keepingColumns(transposed.forwardOutputsKept) : u.transposed()
        return (t, uT)
    }

    /// Runs the three checks.
    public init(_ transposed: TransposedConvolution, limits: ResourceLimits = .default)
        throws(SpecificationError)
    {
        self.transposed = transposed
        let (t, uT) = try TransposeVerification.matrices(transposed, limits: limits)
        var checks = [
            Check(
                statement: "T (scatter definition) = U\u{1D40} of the forward convolution",
                difference: t.firstDifference(from: uT),
                note: transposed.forwardHasExtraOutputs
                    ? "U restricted to the forward outputs the transposed layer has" : nil)
        ]
        let equivalent = try? EquivalentConvolution(transposed)
        self.equivalent = equivalent
        if let equivalent {
            checks.append(
                Check(
                    statement: "the equivalent direct convolution has the matrix T",
                    difference: try equivalent.composedMatrix(limits: limits).firstDifference(
                        from: t),
                    note: nil))
        } else {
            // The cropping removes the whole zero-inserted input: the layer only sees padding,
            // so T must have no entries at all.
            let empty = TapMatrix(
                rowCount: t.rowCount, columnCount: t.columnCount, tapCount: t.tapCount, triplets: []
            )
            checks.append(
                Check(
                    statement: "the equivalent direct convolution has the matrix T",
                    difference: empty.firstDifference(from: t),
                    note:
                        "degenerate: the cropping removes the whole zero-inserted input, so T is zero"
                ))
        }
        let forwardEdges = Set(Connectivity(uT.transposed()).edges.map { $0.reversed })
        let transposedEdges = Connectivity(t).edges
        let connectivityDifference: TapMatrixDifference? =
            forwardEdges == transposedEdges
            ? nil
            : (t.firstDifference(from: uT)
                ?? .shape(self: (t.rowCount, t.columnCount), other: (uT.rowCount, uT.columnCount)))
        checks.append(
            Check(
                statement:
                    "every input→output link of the transposed convolution is a forward output→input link reversed, through the same taps",
                difference: connectivityDifference, note: "\(transposedEdges.count) links"))
        self.checks = checks
    }
}
