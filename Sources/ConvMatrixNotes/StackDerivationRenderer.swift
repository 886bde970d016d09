import ConvMatrixAnalysis
import ConvMatrixRendering
import Symbolic

/// The derivation of a stack of layers as a document — each layer's matrix with its own
/// symbols, their product, the receptive-field recurrences with the stack's numbers substituted,
/// the windows, and the single convolution the stack folds into — written from a
/// ``ConvMatrixAnalysis/StackAnalysis``: Analysis finds the facts, this writes them.
///
/// Text, Markdown (math in `$…$`) or a LaTeX fragment/document, in English or Spanish
/// (`StackWords`). Matrices larger than `maxRows × maxColumns` are described by their size
/// instead of printed.
public struct StackDerivationRenderer: Sendable {
    /// The format (the formats of a layer's derivation).
    public var format: DerivationRenderer.Format
    /// A complete LaTeX document instead of a fragment.
    public var standalone: Bool
    /// The largest matrix printed.
    public var maxRows: Int
    /// The largest matrix printed.
    public var maxColumns: Int
    /// The language of the prose.
    public var language: NotesLanguage
    /// What the caller adds when the composed matrix is over the memory budget: how to raise it,
    /// in the caller's terms (the command line: `raise --max-memory or choose a smaller input`);
    /// nil adds nothing.
    public var memoryBudgetHint: String?

    /// A writer.
    public init(
        format: DerivationRenderer.Format, standalone: Bool = false, maxRows: Int = 12,
        maxColumns: Int = 12, language: NotesLanguage = .en
    ) {
        self.format = format
        self.standalone = standalone
        self.maxRows = maxRows
        self.maxColumns = maxColumns
        self.language = language
    }

    private var words: StackWords { StackWords(language: language, math: math, times: times) }

    /// The document for `analysis`, whose layers' letters are `letters`.
    public func render(_ analysis: StackAnalysis, letters: [String]) -> String {
        var out: [String] = []
        let stack = analysis.stack
        let count = stack.layers.count
        if format == .latex && standalone {
            out += [
                "\\documentclass{article}", "\\usepackage[utf8]{inputenc}",
                "\\usepackage[T1]{fontenc}", "\\usepackage{amsmath}",
                "\\setcounter{MaxMatrixCols}{\(max(maxColumns, 10))}",
                "\\begin{document}",
            ]
        }
        let words = self.words
        heading(words.title(layers: count), level: 1, &out)
        paragraph(words.introduction(input: stack.inputExtents.sizes, layers: count), &out)
        for (l, layer) in stack.layers.enumerated() {
            heading(words.layerHeading(l + 1), level: 2, &out)
            let letter = l < letters.count ? letters[l] : "k\(l + 1)"
            // LaTeX gets the ASCII description (x, ->) with the arrow as math.
            paragraph(
                words.layer(
                    layer, letter: letter, number: l + 1, rows: analysis.matrices[l].rowCount,
                    columns: analysis.matrices[l].columnCount, ascii: format == .latex),
                &out)
            if let single = try? LayerStack([layer]),
                let u = try? ComposedMatrix(
                    single, matrices: [analysis.matrices[l]], letters: [letter])
            {
                matrix(u, name: "U_{\(l + 1)}", &out)
            }
        }
        heading(words.composedHeading(), level: 2, &out)
        let product = (1...count).reversed().map { "U_{\($0)}" }.joined(separator: " ")
        if let composed = analysis.composed {
            paragraph(
                words.composed(
                    product: product, rows: composed.rowCount, columns: composed.columnCount,
                    terms: composed.termCount), &out)
            matrix(composed, name: "U", &out)
        } else if var note = analysis.composedNote {
            if analysis.composedLimit?.isMemoryBudget == true, let hint = memoryBudgetHint {
                note += "; " + hint
            }
            paragraph(words.composedNotBuilt(product: product, note: note), &out)
        }
        heading(words.fieldHeading(), level: 2, &out)
        let rank = stack.inputExtents.sizes.count
        if analysis.fromFormulas {
            paragraph(words.recurrences(), &out)
            for (t, axis) in analysis.axes.enumerated() {
                let geometry = stack.layers.map { $0.axes[t] }
                var stridesSoFar = 1
                var rTerms: [String] = []
                var pTerms: [String] = []
                for g in geometry {
                    rTerms.append(
                        stridesSoFar == 1
                            ? "\(g.dilatedKernelSize - 1)"
                            : "\(g.dilatedKernelSize - 1)\\cdot \(stridesSoFar)")
                    pTerms.append(
                        stridesSoFar == 1
                            ? "\(g.padding.before)" : "\(g.padding.before)\\cdot \(stridesSoFar)")
                    stridesSoFar *= g.stride
                }
                let s = geometry.map { "\($0.stride)" }.joined(separator: "\\cdot ")
                item(
                    "\(words.axis(t, rank: rank)): \(math("r_0 = " + rTerms.joined(separator: " + ") + " + 1 = \(axis.receptiveField)")), \(math("S = " + s + " = \(Int(axis.effectiveStride))")), \(math("P_0 = " + pTerms.joined(separator: " + ") + " = \(Int(axis.effectivePadding))"))",
                    &out)
            }
            out.append("")
            paragraph(
                words.windows(
                    checked: analysis.support.ranges.count,
                    mismatches: analysis.windowMismatches.count), &out)
        } else {
            paragraph(
                words.fromMatrix(
                    analysis.axes.enumerated().map {
                        (
                            words.axis($0.offset, rank: rank), $0.element.receptiveField,
                            number($0.element.effectiveStride), number($0.element.effectivePadding)
                        )
                    }), &out)
        }
        heading(words.singleHeading(), level: 2, &out)
        if let single = analysis.single {
            let c = single.convolution
            paragraph(
                words.folded(
                    kernel: c.axes.map(\.kernelSize), stride: c.axes.map(\.stride),
                    padding: c.axes.map(\.padding.before))
                    + (single.isEqual
                        ? words.foldedEqual()
                        : words.foldedDiffers(
                            rows: single.differingRows, of: analysis.support.ranges.count)),
                &out)
        } else {
            paragraph(words.notCompared(), &out)
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
                words.notPrinted(
                    rows: m.rowCount, columns: m.columnCount, maxRows: maxRows,
                    maxColumns: maxColumns), &out)
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
