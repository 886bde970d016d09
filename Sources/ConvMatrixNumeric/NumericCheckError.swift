import ConvMatrixCore

/// Why ``ConvMatrixCore/Convolution/numericCheck(_:exact:limits:progress:)`` could not run.
public enum NumericCheckError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The layer or its budget: U does not fit in the limits.
    case specification(SpecificationError)
    /// In exact mode, a value has no exact 64-bit fraction (the error names the field).
    case inexact(SpecificationError)
    /// In exact mode, a sum or product left 64-bit fractions.
    case exactOverflow(NumericError)

    /// One line.
    public var description: String {
        switch self {
        case .specification(let error), .inexact(let error): "\(error)"
        case .exactOverflow(let error): "exact arithmetic overflows (\(error.message))"
        }
    }
}
