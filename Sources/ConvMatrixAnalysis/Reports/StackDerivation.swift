import ConvMatrixCore
import ConvMatrixRendering
import Symbolic

/// `convmatrix derive --layer … --layer …`: the derivation of a stack as a document — each
/// layer's matrix with its own symbols, their product, the receptive-field recurrences with the
/// stack's numbers substituted, the windows, and the single convolution the stack folds into.
///
/// Text, Markdown (math in `$…$`) or a LaTeX fragment/document. Matrices larger than
/// `maxRows × maxColumns` are described by their size instead of printed.
public struct StackDerivation: Sendable {
    /// The output formats.
    public enum Format: String, Sendable {
        case text, markdown, latex
    }

    /// The format.
    public var format: Format
    /// A complete LaTeX document instead of a fragment.
    public var standalone: Bool
    /// The largest matrix printed.
    public var maxRows: Int
    /// The largest matrix printed.
    public var maxColumns: Int

    /// A writer.
    public init(format: Format, standalone: Bool = false, maxRows: Int = 12, maxColumns: Int = 12) {
        self.format = format
        self.standalone = standalone
        self.maxRows = maxRows
        self.maxColumns = maxColumns
    }

    /// The document for `analysis`, whose layers' letters are `letters`.
    public func render(_ analysis: StackAnalysis, letters: [String]) -> String {
        var out: [String] = []
        let stack = analysis.stack
        let count = stack.layers.count
        if format == .latex && standalone {
            out += [
                "\\documentclass{article}", "\\usepackage{amsmath}",
                "\\setcounter{MaxMatrixCols}{\(max(maxColumns, 10))}",
                "\\begin{document}",
            ]
        }
        heading("A stack of \(count) layers", level: 1, &out)
        paragraph(
            "The input \(sizes(stack.inputExtents.sizes)) goes through \(count) layers, the first applied first; layer l's matrix \(math("U_l")) maps its input, flattened channel first and row-major, to its output (\(math("y = U_l x"))).",
            &out)
        for (l, layer) in stack.layers.enumerated() {
            let description: String
            // LaTeX gets the ASCII description (x, ->) with the arrow as math.
            let style = TextStyle(ascii: format == .latex)
            switch layer {
            case .convolution(let c): description = LayerDescription.describe(c, style: style)
            case .transposed(let t):
                description = "transposed: " + LayerDescription.describe(t, style: style)
            }
            heading("Layer \(l + 1)", level: 2, &out)
            let letter = l < letters.count ? letters[l] : "k\(l + 1)"
            paragraph(
                "\(description). Its taps are written \(math(letter)); \(math("U_{\(l + 1)}")) is \(analysis.matrices[l].rowCount)\(times)\(analysis.matrices[l].columnCount):",
                &out)
            if let single = try? LayerStack([layer]),
                let u = try? ComposedMatrix(
                    single, matrices: [analysis.matrices[l]], letters: [letter])
            {
                matrix(u, name: "U_{\(l + 1)}", &out)
            }
        }
        heading("The composed matrix", level: 2, &out)
        let product = (1...count).reversed().map { "U_{\($0)}" }.joined(separator: " ")
        if let composed = analysis.composed {
            paragraph(
                "\(math("U = " + product)) is \(composed.rowCount)\(times)\(composed.columnCount); each entry sums, over the paths from an input to an output, the product of one tap of every layer (\(composed.termCount) terms in all):",
                &out)
            matrix(composed, name: "U", &out)
        } else if let note = analysis.composedNote {
            paragraph("\(math("U = " + product)) is not built: \(note).", &out)
        }
        heading("Receptive field, stride and padding", level: 2, &out)
        if analysis.fromFormulas {
            paragraph(
                "By the recurrences of Araujo, Norris and Sim (Distill 2019), with the dilated span \(math("d(k-1)+1")) in place of \(math("k")): \(math("r_0 = \\sum_l (k_l - 1)\\prod_{i<l} s_i + 1")), \(math("S = \\prod_l s_l")), \(math("P_{l-1} = s_l P_l + p_l")). For this stack:",
                &out)
            for (t, axis) in analysis.axes.enumerated() {
                let geometry = stack.layers.map { $0.axisGeometry[t] }
                var stridesSoFar = 1
                var rTerms: [String] = []
                var pTerms: [String] = []
                for g in geometry {
                    rTerms.append(
                        stridesSoFar == 1 ? "\(g.span - 1)" : "\(g.span - 1)\\cdot \(stridesSoFar)")
                    pTerms.append(
                        stridesSoFar == 1
                            ? "\(g.paddingBefore)" : "\(g.paddingBefore)\\cdot \(stridesSoFar)")
                    stridesSoFar *= g.stride
                }
                let s = geometry.map { "\($0.stride)" }.joined(separator: "\\cdot ")
                item(
                    "axis \(t): \(math("r_0 = " + rTerms.joined(separator: " + ") + " + 1 = \(axis.receptiveField)")), \(math("S = " + s + " = \(Int(axis.effectiveStride))")), \(math("P_0 = " + pTerms.joined(separator: " + ") + " = \(Int(axis.effectivePadding))"))",
                    &out)
            }
            out.append("")
            paragraph(
                "Output \(math("i")) sees the input window \(math("[iS - P_0,\\ iS - P_0 + r_0 - 1]")). "
                    + (analysis.windowMismatches.isEmpty
                        ? "Clipped to the input, every window is exactly the support of its row of \(math("U")) (\(analysis.support.ranges.count) outputs checked)."
                        : "Clipped to the input, the window differs from the support of its row of \(math("U")) at \(analysis.windowMismatches.count) outputs (gaps of dilation or stride at the border)."),
                &out)
        } else {
            paragraph(
                "A transposed layer has a fractional stride, so the recurrences do not apply; read from \(math("U")): "
                    + analysis.axes.enumerated().map {
                        "axis \($0.offset): receptive field \($0.element.receptiveField), stride \(number($0.element.effectiveStride)), padding \(number($0.element.effectivePadding))"
                    }.joined(separator: "; ") + ".",
                &out)
        }
        heading("One convolution?", level: 2, &out)
        if let single = analysis.single {
            let c = single.convolution
            paragraph(
                "Folding the layers (kernel \(math("w_1 \\ast w_2")) upsampled by \(math("s_1")), span \(math("(k_1-1) + (k_2-1)s_1 + 1")), stride \(math("s_1 s_2")), padding \(math("p_1 + s_1 p_2")), layer by layer) gives a convolution with kernel \(sizes(c.axes.map(\.kernelSize))), stride \(sizes(c.axes.map(\.stride))) and padding \(sizes(c.axes.map(\.padding.before))). "
                    + (single.isEqual
                        ? "The stack equals it: every row of \(math("U")) matches, term by term."
                        : "It differs from the stack on \(single.differingRows.count) of \(analysis.support.ranges.count) rows, where an intermediate layer's zero padding cuts paths the single convolution takes: rows \(single.differingRows.prefix(16).map(String.init).joined(separator: ", "))\(single.differingRows.count > 16 ? ", …" : "")."),
                &out)
        } else {
            paragraph(
                "The stack is not compared with a single convolution (a transposed layer, a padding mode other than zeros, or no composed matrix).",
                &out)
        }
        if format == .latex && standalone { out.append("\\end{document}") }
        return out.joined(separator: "\n") + "\n"
    }

    private func math(_ tex: String) -> String {
        switch format {
        case .text: return Self.plain(tex)
        case .markdown, .latex: return "$\(tex)$"
        }
    }

    /// A readable plain form of the small LaTeX used here.
    static func plain(_ tex: String) -> String {
        var s = tex
        for (from, to) in [
            ("\\sum_l ", "Σ_l "), ("\\prod_{i<l} ", "Π_{i<l} "), ("\\prod_l ", "Π_l "),
            ("\\cdot ", "·"),
            ("\\ast ", "∗ "), ("\\ ", " "), ("{", ""), ("}", ""),
        ] {
            s = s.replacingOccurrences(of: from, with: to)
        }
        return s
    }

    /// `×`, or `$\times$` in LaTeX.
    private var times: String { format == .latex ? "$\\times$" : "×" }

    private func sizes(_ values: [Int]) -> String {
        values.map(String.init).joined(separator: times)
    }

    private func number(_ x: Double) -> String {
        x == x.rounded() ? String(Int(x)) : SignificantDigits.format(x, digits: 6)
    }

    private func heading(_ text: String, level: Int, _ out: inout [String]) {
        if !out.isEmpty && out.last != "" { out.append("") }
        switch format {
        case .text: out += [text, String(repeating: level == 1 ? "=" : "-", count: text.count)]
        case .markdown: out.append(String(repeating: "#", count: level) + " " + text)
        case .latex: out.append(level == 1 ? "\\section*{\(text)}" : "\\subsection*{\(text)}")
        }
        out.append("")
    }

    private func paragraph(_ text: String, _ out: inout [String]) {
        out.append(text)
        out.append("")
    }

    private func item(_ text: String, _ out: inout [String]) {
        out.append(format == .latex ? "\\noindent " + text + "\\\\" : "- " + text)
    }

    private func matrix(_ m: ComposedMatrix, name: String, _ out: inout [String]) {
        guard m.rowCount <= maxRows, m.columnCount <= maxColumns else {
            paragraph(
                "(\(m.rowCount)\(times)\(m.columnCount): larger than \(maxRows)\(times)\(maxColumns), not printed.)",
                &out)
            return
        }
        var text = ""
        switch format {
        case .text, .markdown:
            MatrixPlainTextPrinter().write(m, to: &text)
            out +=
                ["```"]
                + text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) + [
                    "```", "",
                ]
        case .latex:
            if m.columnCount > 10 && !standalone {
                out.append(
                    "% this matrix has \(m.columnCount) columns: needs \\setcounter{MaxMatrixCols}{\(m.columnCount)}"
                )
            }
            MatrixLaTeXPrinter(style: .bmatrix).write(m, to: &text)
            out += ["\\[", "\(name) = " + text, "\\]", ""]
        }
    }
}

extension String {
    /// `self` with every `target` replaced (no Foundation).
    fileprivate func replacingOccurrences(of target: String, with replacement: String) -> String {
        guard !target.isEmpty else { return self }
        var result = ""
        var rest = Substring(self)
        while let range = rest.firstRange(of: target) {
            result += rest[..<range.lowerBound]
            result += replacement
            rest = rest[range.upperBound...]
        }
        return result + rest
    }
}
