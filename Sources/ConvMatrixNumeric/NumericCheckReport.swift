import ConvMatrixCore

/// The outcome of ``ConvMatrixCore/Convolution/numericCheck(_:exact:limits:progress:)``: one line per identity, with
/// the largest error met.
public struct NumericCheckReport: Hashable, Sendable {
    /// One identity checked.
    public struct Line: Hashable, Sendable {
        /// What was compared, e.g. `direct convolution vs U·x`.
        public let name: String
        /// The largest absolute difference, `max_i |aᵢ − bᵢ|` (0 when exactly equal).
        public let largestError: Double
        /// The tolerance the error had to stay within; `nil` in exact mode (equality required).
        public let tolerance: Double?
        /// How many numbers were compared, e.g. `9 outputs`.
        public let compared: String
        /// Whether the identity held.
        public let passed: Bool
    }

    /// Whether the arithmetic was exact (``Symbolic/Rational``) rather than `Double`.
    public let exact: Bool
    /// The identities, in the order they were checked.
    public let lines: [Line]

    /// Whether every identity held.
    public var passed: Bool { lines.allSatisfy(\.passed) }
}
