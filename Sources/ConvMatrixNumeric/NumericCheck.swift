import ConvMatrixCore
import ConvMatrixSymbols
import Symbolic

/// The outcome of ``Convolution/numericCheck(_:exact:limits:)``: one line per identity, with
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

    /// Whether the arithmetic was exact (``Rational``) rather than `Double`.
    public let exact: Bool
    /// The identities, in the order they were checked.
    public let lines: [Line]

    /// Whether every identity held.
    public var passed: Bool { lines.allSatisfy(\.passed) }
}

/// The numbers a check runs on: the kernel, an input `x`, an output-shaped `y` for the
/// transposed products, and an upstream gradient `δ` (output-shaped) for the backward pass.
public struct NumericCheckValues: Hashable, Sendable {
    /// The kernel in PyTorch's weight order.
    public let kernel: KernelValues
    /// The input `x`, shape `(C, n…)`.
    public let input: TensorValues
    /// An output-shaped vector `y`, shape `(M, m…)`.
    public let output: TensorValues
    /// The upstream gradient `δ = ∂E/∂y`, shape `(M, m…)`.
    public let delta: TensorValues

    /// Gathers the values; `output` and `delta` must have the layer's output shape.
    public init(
        kernel: KernelValues, input: TensorValues, output: TensorValues, delta: TensorValues
    ) {
        self.kernel = kernel
        self.input = input
        self.output = output
        self.delta = delta
    }
}

extension Convolution {
    /// The largest number of coordinates a finite-difference check perturbs; beyond it, this many
    /// evenly spaced coordinates are checked (each costs two direct convolutions).
    public static let finiteDifferenceSample = 256

    /// The multiply-adds the finite differences of one gradient line may cost: each coordinate
    /// costs two direct convolutions of about as many multiply-adds as U stores taps, so a large
    /// layer checks fewer coordinates (at least ``finiteDifferenceMinimumSample``) and the whole
    /// check stays linear in the size of U instead of `inputs × outputs`.
    public static let finiteDifferenceWork = 1 << 23

    /// The fewest coordinates a gradient line checks (when the vector has that many).
    public static let finiteDifferenceMinimumSample = 4

    /// How many evenly spaced coordinates of `count` a gradient line perturbs when one
    /// evaluation of `E` costs `cost` multiply-adds: all of them when that fits, otherwise as
    /// many as ``finiteDifferenceWork`` allows, between ``finiteDifferenceMinimumSample`` and
    /// ``finiteDifferenceSample``.
    public static func finiteDifferenceSampleCount(coordinates count: Int, cost: Int) -> Int {
        let perCoordinate = max(1, cost).multipliedReportingOverflow(by: 2)
        let affordable =
            perCoordinate.overflow ? 0 : finiteDifferenceWork / perCoordinate.partialValue
        let sample = min(finiteDifferenceSample, max(finiteDifferenceMinimumSample, affordable))
        return min(count, sample)
    }

    /// The bytes ``numericCheck(_:exact:limits:)`` needs, estimated before any value is drawn
    /// or parsed: the parsed values of the kernel, `x`, `y` and `δ` (``NumericValue``), their
    /// `Double` (and in exact mode ``Rational``) copies, and two sparse matrices of at most
    /// `outputs·(C/g)·Πk` entries (U and M(x)); `nil` when the count overflows `Int`.
    public func numericCheckBytes(exact: Bool) -> Int? {
        func product(_ factors: [Int]) -> Int? {
            var total = 1
            for factor in factors {
                let (value, overflow) = total.multipliedReportingOverflow(by: factor)
                if overflow { return nil }
                total = value
            }
            return total
        }
        func sum(_ terms: [Int?]) -> Int? {
            var total = 0
            for term in terms {
                guard let term else { return nil }
                let (value, overflow) = total.addingReportingOverflow(term)
                if overflow { return nil }
                total = value
            }
            return total
        }
        guard let inputs = product([inChannels, inputExtents.count]),
            let outputs = product([outChannels, outputExtents.count]),
            let weights = product([outChannels, inChannelsPerGroup, kernelExtents.count]),
            let values = sum([inputs, outputs, outputs, weights])
        else { return nil }
        let perValue =
            MemoryLayout<NumericValue>.stride + MemoryLayout<Double>.stride
            + (exact ? MemoryLayout<Rational>.stride : 0)
        let entries = product([outputs, inChannelsPerGroup, kernelExtents.count])
        let matrix = sum([entries.flatMap { product([$0, 8]) }, product([outputs, 8]), 8])
        return sum([product([values, perValue]), matrix.flatMap { product([$0, 2]) }])
    }

    /// Throws the `--max-memory` error unless ``numericCheckBytes(exact:)`` fits in `limits`.
    public func checkNumericCheckMemory(exact: Bool, limits: ResourceLimits)
        throws(SpecificationError)
    {
        try limits.checkMemory(numericCheckBytes(exact: exact), for: "the numeric check")
    }

    /// Checks the unrolled matrix U against independent computations at the given values:
    ///
    /// 1. the direct convolution (``apply(to:kernel:)``, gather form) equals `U·x`;
    /// 2. the direct transposed convolution (``applyTransposed(to:kernel:)``, scatter form)
    ///    equals `Uᵀ·y`;
    /// 3. the adjoint identity `⟨U·x, y⟩ = ⟨x, Uᵀ·y⟩`;
    /// 4. `∂E/∂x = Uᵀ·δ` for `E(x) = ⟨δ, conv(x)⟩`, against finite differences of `E` computed
    ///    with the direct convolution;
    /// 5. `∂E/∂k = M(x)ᵀ·δ` (``weightMatrix(_:)``) against finite differences in the weights.
    ///
    /// In `Double`, differences are central, with a power-of-two step `h` as large as the
    /// largest coordinate of the vector perturbed (at least 1; see
    /// ``Swift/Double/centralDifferenceStep(for:)``): `E` is linear in each coordinate, so any
    /// step gives the derivative up to rounding, and a step of the size of the values keeps
    /// `v ± h` distinct from `v` and the rounding of `E` (about `ε·max|v|·…`) small against
    /// `2h`. Each line allows an absolute error of `s·(1 + max|value|)`, the maximum over the
    /// numbers compared on that line: `s = 10⁻⁶` for the two gradient lines (rounding of the
    /// differences), `10⁻⁹` for the others. A NaN error fails. In exact mode (``Rational``)
    /// every line demands equality, and the differences are `E(v + eᵢ) − E(v)`: exact for a
    /// linear function.
    ///
    /// - Throws: ``NumericCheckError/specification(_:)`` when U does not fit in `limits`,
    ///   ``NumericCheckError/inexact(_:)`` when a value has no exact fraction in exact mode, and
    ///   ``NumericCheckError/exactOverflow(_:)`` when exact arithmetic overflows.
    public func numericCheck(
        _ values: NumericCheckValues, exact: Bool, limits: ResourceLimits = .default
    ) throws(NumericCheckError) -> NumericCheckReport {
        let u: TapMatrix
        do { u = try unrolled(limits: limits) } catch { throw .specification(error) }
        let m = weightMatrix(u)
        do {
            if exact {
                let kernel: [Rational]
                let x: Tensor<Rational>
                let y: Tensor<Rational>
                let delta: Tensor<Rational>
                do {
                    kernel = try values.kernel.rationals()
                    x = try values.input.rationals()
                    y = try values.output.rationals(field: .inputValues)
                    delta = try values.delta.rationals(field: .inputValues)
                } catch {
                    throw NumericCheckError.inexact(error)
                }
                return NumericCheckReport(
                    exact: true,
                    lines: try checkLines(
                        u: u, m: m, kernel: kernel, x: x, y: y, delta: delta, exact: true))
            }
            return NumericCheckReport(
                exact: false,
                lines: try checkLines(
                    u: u, m: m, kernel: values.kernel.doubles, x: values.input.doubles,
                    y: values.output.doubles, delta: values.delta.doubles, exact: false))
        } catch let error as NumericCheckError {
            throw error
        } catch let error as NumericError {
            throw .exactOverflow(error)
        } catch let error as SpecificationError {
            throw .specification(error)
        } catch {
            throw .exactOverflow(NumericError("\(error)"))
        }
    }

    func checkLines<S: NumericScalar>(
        u: TapMatrix, m: TapMatrix, kernel: [S], x: Tensor<S>, y: Tensor<S>, delta: Tensor<S>,
        exact: Bool
    ) throws -> [NumericCheckReport.Line] {
        var lines: [NumericCheckReport.Line] = []
        func line(_ name: String, _ a: [S], _ b: [S], compared: String, scale: Double? = nil)
            throws -> NumericCheckReport.Line
        {
            var largest = 0.0
            var magnitude = 0.0
            var equal = true
            for i in a.indices {
                let error = abs(try S.difference(a[i], b[i]).doubleValue)
                largest = error.isNaN ? .infinity : max(largest, error)
                magnitude = max(magnitude, abs(a[i].doubleValue), abs(b[i].doubleValue))
                equal = equal && a[i] == b[i]
            }
            let tolerance = exact ? nil : (scale ?? 1e-9) * (1 + magnitude)
            let passed = exact ? equal : largest <= (tolerance ?? 0)
            return NumericCheckReport.Line(
                name: name, largestError: largest, tolerance: tolerance, compared: compared,
                passed: passed)
        }

        let direct = try apply(to: x, kernel: kernel).values
        let ux = try u.product(x.values, tapValues: kernel)
        lines.append(
            try line("direct convolution vs U·x", direct, ux, compared: "\(outputCount) outputs"))

        let scattered = try applyTransposed(to: y, kernel: kernel).values
        let uty = try u.transposedProduct(y.values, tapValues: kernel)
        lines.append(
            try line(
                "direct transposed convolution vs Uᵀ·y", scattered, uty,
                compared: "\(inputCount) inputs"))

        lines.append(
            try line(
                "adjoint ⟨U·x, y⟩ = ⟨x, Uᵀ·y⟩", [try ux.dot(y.values)], [try x.values.dot(uty)],
                compared: "1 inner product"))

        let energy = { (input: Tensor<S>, weights: [S]) throws -> S in
            try delta.values.dot(try self.apply(to: input, kernel: weights).values)
        }
        let inputGradient = try inputGradient(u, delta: delta.values, kernel: kernel)
        let cost = u.taps.count
        let inputDifferences = try Convolution.differences(
            at: x.values, exact: exact, cost: cost
        ) { values in
            try energy(Tensor(unchecked: x.channels, extents: x.extents, values: values), kernel)
        }
        let method = exact ? "exact unit differences" : "finite differences"
        lines.append(
            try line(
                "dE/dx = Uᵀ·δ vs \(method)", inputDifferences.indices.map { inputGradient[$0] },
                inputDifferences.values,
                compared: Convolution.coordinates(inputDifferences.indices.count, of: inputCount),
                scale: 1e-6))

        let weightGradient = try weightGradient(m, delta: delta.values, input: x.values)
        let weightDifferences = try Convolution.differences(
            at: kernel, exact: exact, cost: cost
        ) { weights in try energy(x, weights) }
        lines.append(
            try line(
                "dE/dw = M(x)ᵀ·δ vs \(method)",
                weightDifferences.indices.map { weightGradient[$0] }, weightDifferences.values,
                compared: Convolution.coordinates(weightDifferences.indices.count, of: weightCount),
                scale: 1e-6))
        return lines
    }

    /// `12 of 4096 inputs`, or `9 coordinates`.
    private static func coordinates(_ checked: Int, of total: Int) -> String {
        checked == total ? "\(total) coordinates" : "\(checked) of \(total) coordinates"
    }

    /// The derivative of `f` along each sampled coordinate of `point`: central differences
    /// `(f(v + h·eᵢ) − f(v − h·eᵢ)) / 2h` with ``NumericScalar/centralDifferenceStep(for:)``,
    /// or exactly `f(v + eᵢ) − f(v)` in exact mode.
    private static func differences<S: NumericScalar>(
        at point: [S], exact: Bool, cost: Int, _ f: ([S]) throws -> S
    ) throws -> (indices: [Int], values: [S]) {
        let (step, inverseTwoSteps) =
            exact ? (S.one, S.one) : S.centralDifferenceStep(for: point)
        let count = point.count
        let sample = finiteDifferenceSampleCount(coordinates: count, cost: cost)
        let indices =
            count <= sample ? Array(0..<count) : (0..<sample).map { $0 * count / sample }
        let base = exact ? try f(point) : S.zero
        var values: [S] = []
        for i in indices {
            var plus = point
            plus[i] = try S.sum(point[i], step)
            if exact {
                values.append(try S.difference(try f(plus), base))
            } else {
                var minus = point
                minus[i] = try S.difference(point[i], step)
                let delta = try S.difference(try f(plus), try f(minus))
                // Dividing by 2h, a power of two, is an exact multiplication by 1/2h.
                values.append(try S.product(delta, inverseTwoSteps))
            }
        }
        return (indices, values)
    }
}

/// Why ``Convolution/numericCheck(_:exact:limits:)`` could not run.
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
