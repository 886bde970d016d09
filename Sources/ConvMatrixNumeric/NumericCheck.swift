import ConvMatrixCore
import Symbolic

extension Convolution {
    /// Checks the unrolled matrix U against independent computations at the given values:
    ///
    /// 1. the layer's definition (``apply(to:kernel:)``, gather form) equals `U·x`;
    /// 2. the definition's adjoint (``applyTransposed(to:kernel:)``, scatter form) equals `Uᵀ·y`;
    /// 3. the adjoint identity `⟨U·x, y⟩ = ⟨x, Uᵀ·y⟩`;
    /// 4. `∂E/∂x = Uᵀ·δ` for `E(x) = ⟨δ, conv(x)⟩`, against finite differences of `E` computed
    ///    with the definition;
    /// 5. `∂E/∂k = M(x)ᵀ·δ` (``weightMatrix(_:)``) against finite differences in the weights.
    ///
    /// Up to ``fullCheckEntries`` entries the whole of U is built and every output compared.
    /// A larger layer is checked matrix-free: the ``checkedRows`` (evenly spaced outputs) of U are
    /// built alone (``unrolledRows(_:limits:)``) and every identity is restricted to them — the
    /// definition evaluated only at those outputs (``outputs(_:of:kernel:)``), `y` and `δ` zero
    /// elsewhere (so `Uᵀ·y` is the scatter from those outputs, ``scatter(_:from:kernel:)``), and
    /// the finite differences taken along the inputs and weights those rows reach.
    ///
    /// In `Double`, differences are central, with a power-of-two step `h` as large as the
    /// largest coordinate of the vector perturbed (at least 1; see
    /// `Swift/Double/centralDifferenceStep(for:)`): `E` is linear in each coordinate, so any
    /// step gives the derivative up to rounding. Each line allows an absolute error of
    /// `s·(1 + max|value|)`, the maximum over the numbers compared on that line: `s = 10⁻⁶` for
    /// the two gradient lines, `10⁻⁹` for the others. A NaN error fails. In exact mode
    /// (``Symbolic/Rational``) every line demands equality, and the differences are `E(v + eᵢ) − E(v)`.
    ///
    /// - Throws: ``ConvMatrixNumeric/NumericCheckError/specification(_:)`` when the matrices do not fit in
    ///   `limits`, ``ConvMatrixNumeric/NumericCheckError/inexact(_:)`` when a value has no exact fraction in exact
    ///   mode, and ``ConvMatrixNumeric/NumericCheckError/exactOverflow(_:)`` when exact arithmetic overflows.
    ///
    /// Reports its steps to `progress`: the four products with U and M(x), then every
    /// evaluation of `E` for the differences (the bulk of the work on a large layer).
    public func numericCheck(
        _ values: NumericCheckValues, exact: Bool, limits: ResourceLimits = .default,
        progress: ProgressSink = .silent
    ) throws(NumericCheckError) -> NumericCheckReport {
        let rows = checkedRows
        let u: TapMatrix
        do {
            if let rows {
                u = try unrolledRows(rows, limits: limits)
            } else {
                u = try unrolled(limits: limits)
            }
        } catch {
            throw .specification(error)
        }
        let lines: [NumericCheckReport.Line]
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
                throw .inexact(error)
            }
            do {
                lines = try checkLines(
                    u: u, rows: rows, kernel: kernel, x: x, y: y, delta: delta, exact: true,
                    progress: progress)
            } catch {
                throw .exactOverflow(error)
            }
        } else {
            do {
                lines = try checkLines(
                    u: u, rows: rows, kernel: values.kernel.doubles, x: values.input.doubles,
                    y: values.output.doubles, delta: values.delta.doubles, exact: false,
                    progress: progress)
            } catch {
                throw .exactOverflow(error)
            }
        }
        return NumericCheckReport(exact: exact, lines: lines)
    }

    /// The five lines at scalar type `S`; `u` is U, or its `rows` when the check is sampled.
    func checkLines<S: NumericScalar>(
        u: TapMatrix, rows: [Int]?, kernel: [S], x: Tensor<S>, y: Tensor<S>, delta: Tensor<S>,
        exact: Bool, progress: ProgressSink = .silent
    ) throws(NumericError) -> [NumericCheckReport.Line] {
        let compare = NumericCheckLine<S>(exact: exact)
        // The outputs compared and the definition restricted to them.
        let forward: ([S], [S]) throws(NumericError) -> [S]
        let adjoint: ([S], [S]) throws(NumericError) -> [S]
        let yc: [S]
        let deltac: [S]
        let outputsCompared: String
        let cost: Int
        if let rows {
            forward = { input, weights throws(NumericError) in
                try self.outputs(rows, of: input, kernel: weights)
            }
            adjoint = { values, weights throws(NumericError) in
                try self.scatter(values, from: rows, kernel: weights)
            }
            yc = rows.map { y.values[$0] }
            deltac = rows.map { delta.values[$0] }
            outputsCompared = "\(rows.count) of \(outputCount) outputs, sampled rows of U"
            cost = rows.count * inChannelsPerGroup * kernelExtents.count
        } else {
            forward = { input, weights throws(NumericError) in
                try self.apply(
                    to: Tensor(unchecked: x.channels, extents: x.extents, values: input),
                    kernel: weights
                ).values
            }
            adjoint = { values, weights throws(NumericError) in
                try self.applyTransposed(
                    to: Tensor(unchecked: y.channels, extents: y.extents, values: values),
                    kernel: weights
                ).values
            }
            yc = y.values
            deltac = delta.values
            outputsCompared = "\(outputCount) outputs"
            cost = u.taps.count
        }
        let method = exact ? "exact unit differences" : "finite differences"
        let sample = { (candidates: [Int]) in
            Convolution.evenlySpaced(
                candidates,
                sample: Convolution.finiteDifferenceSampleCount(
                    coordinates: candidates.count, cost: cost))
        }
        // Inputs: those the compared rows reach (all of them in a full check).
        let inputIndices = sample(rows == nil ? Array(0..<inputCount) : Self.reached(u.columns))
        let weightIndices = sample(rows == nil ? Array(0..<weightCount) : Self.reached(u.taps))
        // Four products, then E at every difference: once per coordinate and once at the
        // point itself when exact, twice per coordinate (±h) in Double.
        let evaluations =
            (inputIndices.count + weightIndices.count) * (exact ? 1 : 2) + (exact ? 2 : 0)
        var counter = progress.counter(
            "checking U numerically", unit: "steps", total: 4 + evaluations)
        var lines: [NumericCheckReport.Line] = []
        let ux = try u.product(x.values, tapValues: kernel)
        counter.advance()
        lines.append(
            try compare(
                "direct convolution vs U·x", try forward(x.values, kernel), ux,
                compared: outputsCompared))
        let uty = try u.transposedProduct(yc, tapValues: kernel)
        counter.advance()
        lines.append(
            try compare(
                "direct transposed convolution vs Uᵀ·y", try adjoint(yc, kernel), uty,
                compared: "\(inputCount) inputs"))
        lines.append(
            try compare(
                "adjoint ⟨U·x, y⟩ = ⟨x, Uᵀ·y⟩", [try ux.dot(yc)], [try x.values.dot(uty)],
                compared: "1 inner product"))

        let inputGradient = try u.transposedProduct(deltac, tapValues: kernel)
        counter.advance()
        let inputDifferences = try Convolution.differences(
            at: x.values, indices: inputIndices, exact: exact
        ) { input throws(NumericError) in
            defer { counter.advance() }
            return try deltac.dot(try forward(input, kernel))
        }
        lines.append(
            try compare(
                "dE/dx = Uᵀ·δ vs \(method)", inputIndices.map { inputGradient[$0] },
                inputDifferences,
                compared: Self.coordinates(inputIndices.count, of: inputCount), scale: 1e-6))

        let m = weightMatrix(u)
        let weightGradient = try m.transposedProduct(deltac, tapValues: x.values)
        counter.advance()
        let weightDifferences = try Convolution.differences(
            at: kernel, indices: weightIndices, exact: exact
        ) { weights throws(NumericError) in
            defer { counter.advance() }
            return try deltac.dot(try forward(x.values, weights))
        }
        lines.append(
            try compare(
                "dE/dw = M(x)ᵀ·δ vs \(method)", weightIndices.map { weightGradient[$0] },
                weightDifferences,
                compared: Self.coordinates(weightIndices.count, of: weightCount), scale: 1e-6))
        counter.finish()
        return lines
    }

    /// The distinct values of `indices`, increasing.
    private static func reached(_ indices: [Int32]) -> [Int] {
        Array(Set(indices.map(Int.init))).sorted()
    }

    /// `12 of 4096 coordinates`, or `9 coordinates`.
    private static func coordinates(_ checked: Int, of total: Int) -> String {
        checked == total ? "\(total) coordinates" : "\(checked) of \(total) coordinates"
    }
}

/// One line of a check: the largest difference between two vectors against a tolerance.
struct NumericCheckLine<S: NumericScalar> {
    /// Whether equality is demanded (exact arithmetic).
    let exact: Bool

    /// The line `name` comparing `a` with `b`: the largest `|aᵢ − bᵢ|` against
    /// `scale·(1 + max|value|)` (`scale` 10⁻⁹ unless given), or equality in exact mode.
    func callAsFunction(
        _ name: String, _ a: [S], _ b: [S], compared: String, scale: Double? = nil
    ) throws(NumericError) -> NumericCheckReport.Line {
        var largest = 0.0
        var magnitude = 0.0
        var equal = a.count == b.count
        for i in a.indices where i < b.count {
            let error = abs(try S.difference(a[i], b[i]).doubleValue)
            largest = error.isNaN ? .infinity : max(largest, error)
            magnitude = max(magnitude, abs(a[i].doubleValue), abs(b[i].doubleValue))
            equal = equal && a[i] == b[i]
        }
        let tolerance = exact ? nil : (scale ?? 1e-9) * (1 + magnitude)
        let passed = exact ? equal : largest <= (tolerance ?? 0) && a.count == b.count
        return NumericCheckReport.Line(
            name: name, largestError: largest, tolerance: tolerance, compared: compared,
            passed: passed)
    }
}
