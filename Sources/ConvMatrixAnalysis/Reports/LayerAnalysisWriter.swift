import ConvMatrixCore
import ConvMatrixRendering

/// `convmatrix analyze` as text for a terminal or as Markdown for notes: the same sentences,
/// headings and code blocks in Markdown.
public struct LayerAnalysisWriter: Sendable {
    /// Markdown instead of text.
    public var markdown: Bool
    /// Plain ASCII.
    public var ascii: Bool

    /// A writer.
    public init(markdown: Bool = false, ascii: Bool = false) {
        self.markdown = markdown
        self.ascii = ascii
    }

    /// The report.
    public func write(_ a: LayerAnalysis) -> String {
        let style = TextStyle(ascii: ascii)
        let x = style.times
        var out: [String] = []
        let name = a.layer.isTransposed ? "T" : "U"
        let description: String
        switch a.layer {
        case .convolution(let c):
            description = "convolution: " + LayerDescription.describe(c, style: style)
        case .transposed(let t):
            description = "transposed convolution: " + LayerDescription.describe(t, style: style)
        }
        out.append(
            markdown ? "## Analysis of the \(description)" : "Analysis of the \(description)")
        out.append("")
        out.append(
            "\(name) is \(a.rows)\(x)\(a.columns) (rows = outputs, columns = inputs, channel first then row-major), \(a.storedEntries) stored entries, \(a.positions) non-zero positions, density \(percent(a.density))."
        )
        section("Fan-in and fan-out", &out)
        let outExtents = a.layer.outputSide.extents
        let inExtents = a.layer.inputSide.extents
        out.append(
            "Fan-in (inputs each output depends on): min \(a.fans.fanIn.min), max \(a.fans.fanIn.max); histogram \(histogram(a.fans.fanIn))."
        )
        if a.layer.isTransposed {
            out.append(
                "(Its map is the overlap map below: the fan-in of an output of a transposed layer is its overlap.)"
            )
        } else {
            map(a.fans.fanIn.counts, extents: outExtents, caption: "fan-in, output channel 0", &out)
        }
        out.append(
            "Fan-out (outputs each input reaches): min \(a.fans.fanOut.min), max \(a.fans.fanOut.max); histogram \(histogram(a.fans.fanOut))."
        )
        if a.layer.isTransposed {
            map(a.fans.fanOut.counts, extents: inExtents, caption: "fan-out, input channel 0", &out)
        } else {
            out.append(
                "(Its map is the overlap map below: an input's fan-out in U is the number of inputs of the transposed layer that reach it.)"
            )
        }
        if a.unreachedInputs.isEmpty {
            out.append("Every input reaches some output.")
        } else {
            let shown = a.unreachedInputs.prefix(20).map(String.init).joined(separator: ", ")
            let more = a.unreachedInputs.count > 20 ? ", …" : ""
            out.append(
                "Unreached inputs (no output depends on them): \(a.unreachedInputs.count) (flat indices \(shown)\(more))."
            )
        }
        if let agrees = a.unreachedMatchesGeometry {
            out.append(
                agrees
                    ? "The per-axis arithmetic of the windows finds the same unreached inputs."
                    : "The per-axis arithmetic of the windows DISAGREES with the matrix on the unreached inputs."
            )
        }
        overlapSection(a, &out)
        section("Rank", &out)
        let full = min(a.rows, a.columns)
        out.append(
            "Structural (generic) rank: \(a.structuralRank) of min(rows, columns) = \(full) (maximum matching of the pattern)\(a.structuralRank == full ? ": full for generic taps" : "")."
        )
        if let rank = a.valueRank {
            let how =
                rank.method == "exact"
                ? "exact, Gaussian elimination over the rationals"
                : "in Double, singular values above \(SignificantDigits.format(rank.tolerance ?? 0, digits: 3)) = σ_max·max(rows, columns)·2^-52"
            out.append("Rank at the kernel values: \(rank.value) (\(how)).")
            if let note = rank.exactNote { out.append("The exact rank was not used: \(note).") }
        } else if let note = a.svdNote {
            out.append("Rank at the kernel values: not computed (\(note)).")
        }
        section("Structure", &out)
        if !a.structureChecked {
            out.append("Not checked: more than \(MatrixStructure.checkLimit) stored entries.")
        } else if a.structure.isEmpty {
            out.append("None of Toeplitz, circulant or block-diagonal holds on this matrix.")
        } else {
            for s in a.structure {
                out.append("- \(name) is \(s.phrase) (checked on every entry).")
            }
        }
        spectrumSection(a, &out)
        return out.joined(separator: "\n") + "\n"
    }

    private func overlapSection(_ a: LayerAnalysis, _ out: inout [String]) {
        section("Overlap of the transposed layer (the checkerboard)", &out)
        let o = a.overlap
        let subject =
            a.layer.isTransposed
            ? "this layer" : "the transposed layer (matrix U\(ascii ? "^T" : "ᵀ"))"
        out.append(
            "For every output of \(subject), how many inputs reach it: min \(o.counts.min), max \(o.counts.max)."
        )
        for (t, axis) in o.axes.enumerated() {
            let s = axis.axis.stride
            let k = axis.axis.kernel
            let d = axis.axis.dilation
            var line = "Axis \(t): k = \(k), s = \(s), d = \(d), gcd(d, s) = \(axis.gcd); "
            let period = axis.interiorPeriod.map(String.init).joined(separator: ", ")
            if axis.interiorUniform {
                line +=
                    "\(s == 1 ? "stride 1" : "the stride divides the kernel size") and gcd = 1, so the interior is uniform: \(axis.interiorPeriod[0]) per output."
            } else {
                line += "interior counts repeat with period \(s): \(period) — uneven overlap."
            }
            out.append(line)
        }
        let factor = o.channelFactor > 1 ? "\(o.channelFactor)\(ascii ? "*" : "·")" : ""
        if o.axes.count > 1 {
            out.append(
                "In \(o.axes.count)-D the per-axis counts multiply: count = \(factor)\(ascii ? "prod" : "Π")_t count_t(o_t)."
            )
        } else if !factor.isEmpty {
            out.append(
                "Each count is multiplied by \(o.channelFactor), the input channels of the group.")
        }
        if a.layer.paddingMode == .zeros {
            out.append(
                o.matchesMatrix
                    ? "The rule (borders included) agrees with the matrix at all \(o.counts.counts.count) outputs."
                    : "The rule DISAGREES with the matrix at some outputs.")
        } else {
            out.append(
                "The rule is for zero padding; with \(a.layer.paddingMode.rawValue) padding the counts are read from the matrix only."
            )
        }
        out.append(
            o.uniform
                ? "Uniform overlap away from the borders: no checkerboard from the geometry."
                : "Non-uniform overlap away from the borders: the checkerboard pattern of Odena, Dumoulin & Olah (Distill 2016)."
        )
        let outExtents = Extents(o.axes.map(\.axis.outputs))
        if let outExtents {
            map(o.counts.counts, extents: outExtents, caption: "overlap, channel 0", &out)
        }
    }

    private func spectrumSection(_ a: LayerAnalysis, _ out: inout [String]) {
        section("Spectrum", &out)
        if let svd = a.singularValues {
            out.append("Singular values (one-sided Jacobi SVD, \(svd.count)): \(list(svd)).")
        } else if let note = a.svdNote {
            out.append("Dense SVD: not computed (\(note)).")
        }
        if let dft = a.dftSingularValues {
            out.append(
                "Singular values by the DFT rule of Sedghi, Gupta & Long (circular, stride 1; per frequency, the singular values of the C_out\(ascii ? "x" : "×")C_in matrix of the kernel's DFT): \(list(dft))."
            )
            if let gap = a.spectrumDisagreement {
                out.append(
                    "The two agree to \(SignificantDigits.format(gap, digits: 2)) of σ_max.")
            }
        }
        if let norm = a.operatorNorm {
            let power = a.layer.isTransposed ? "TᵀT" : "UᵀU"
            let state = norm.converged ? "settled" : "NOT settled"
            out.append(
                "Operator norm ‖\(a.layer.isTransposed ? "T" : "U")‖₂ = \(SignificantDigits.format(norm.value, digits: 6)) (power iteration on \(power), \(norm.iterations) steps from the layer's symbol, then Lanczos on its Krylov space, \(norm.krylovIterations) steps, \(state))."
            )
        }
    }

    private func list(_ values: [Double]) -> String {
        let shown = values.prefix(12).map { SignificantDigits.format($0, digits: 6) }
        return shown.joined(separator: ", ")
            + (values.count > 12 ? ", … (\(values.count) in all)" : "")
    }

    private func section(_ title: String, _ out: inout [String]) {
        out.append("")
        out.append(markdown ? "### \(title)" : "\(title):")
    }

    private func map(_ counts: [Int], extents: Extents, caption: String, _ out: inout [String]) {
        out.append(
            markdown ? "" : "  \(caption) (\(GridMap.caption(extents: extents, ascii: ascii))):")
        if markdown {
            out.append(
                "Map of the \(caption) (\(GridMap.caption(extents: extents, ascii: ascii))):")
            out.append("")
            out.append("```")
        }
        for line in GridMap.lines(counts, extents: extents) {
            out.append(markdown ? line : "    " + line)
        }
        if markdown {
            out.append("```")
            out.append("")
        }
    }

    private func histogram(_ s: CountSummary) -> String {
        s.histogram.map { "\($0.value) (\($0.positions)\(ascii ? "x" : "×"))" }.joined(
            separator: ", ")
    }

    private func percent(_ x: Double) -> String {
        SignificantDigits.format(x * 100, digits: 3) + "%"
    }
}
