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
    /// In `Double`, differences are central with step `h = 2⁻¹⁰`; since `E` is linear, they are
    /// the derivative up to rounding, and the tolerance is `10⁻⁶·(1 + max|E|)`; the other lines
    /// allow `10⁻⁹·(1 + max|value|)`. In exact mode (``Rational``) every line demands equality,
    /// and the differences are `E(v + eᵢ) − E(v)`: exact for a linear function.
    ///
    /// - Throws: ``SpecificationError`` when U does not fit in `limits`, a value has no exact
    ///   fraction in exact mode, or exact arithmetic overflows (reported on the kernel values).
    public func numericCheck(
        _ values: NumericCheckValues, exact: Bool, limits: ResourceLimits = .default
    ) throws(SpecificationError) -> NumericCheckReport {
        let u = try unrolled(limits: limits)
        let m = weightMatrix(u)
        do {
            if exact {
                return NumericCheckReport(
                    exact: true,
                    lines: try checkLines(
                        u: u, m: m, kernel: try values.kernel.rationals(),
                        x: try values.input.rationals(),
                        y: try values.output.rationals(field: .inputValues),
                        delta: try values.delta.rationals(field: .inputValues), exact: true))
            }
            return NumericCheckReport(
                exact: false,
                lines: try checkLines(
                    u: u, m: m, kernel: values.kernel.doubles, x: values.input.doubles,
                    y: values.output.doubles, delta: values.delta.doubles, exact: false))
        } catch let error as NumericError {
            throw SpecificationError(.kernelValues, error.message)
        } catch let error as SpecificationError {
            throw error
        } catch {
            throw SpecificationError(.kernelValues, "\(error)")
        }
    }

    private func checkLines<S: NumericScalar>(
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
                largest = max(largest, abs(try S.difference(a[i], b[i]).doubleValue))
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

        let step: S = exact ? S.one : try S.ratio(1, 1024)
        let energy = { (input: Tensor<S>, weights: [S]) throws -> S in
            try delta.values.dot(try self.apply(to: input, kernel: weights).values)
        }
        let inputGradient = try inputGradient(u, delta: delta.values, kernel: kernel)
        let inputDifferences = try Convolution.differences(
            at: x.values, step: step, exact: exact
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
            at: kernel, step: step, exact: exact
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
    /// `(f(v + h·eᵢ) − f(v − h·eᵢ)) / 2h`, or exactly `f(v + eᵢ) − f(v)` in exact mode.
    private static func differences<S: NumericScalar>(
        at point: [S], step: S, exact: Bool, _ f: ([S]) throws -> S
    ) throws -> (indices: [Int], values: [S]) {
        let count = point.count
        let sample = finiteDifferenceSample
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
                // Dividing by 2h = 2⁻⁹ is a multiplication by 512: exact in binary.
                values.append(try S.product(delta, S(integer: 512)))
            }
        }
        return (indices, values)
    }
}
