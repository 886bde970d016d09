import ConvMatrixRendering
import Symbolic

/// `convmatrix compose` as text or Markdown.
public struct StackAnalysisWriter: Sendable {
    /// Markdown instead of text.
    public var markdown: Bool
    /// Plain ASCII.
    public var ascii: Bool
    /// The largest composed matrix printed, in cells.
    public var maxCells: Int
    /// What the caller adds to the report's notes.
    public var hints: Hints

    /// What a program adds to the report's notes: how to see more with its own options. The
    /// library names no option; without hints a note ends where its facts do.
    public struct Hints: Equatable, Sendable {
        /// Where the supports of the composed matrix's rows are written, after the note that the
        /// numbers are read from them (the command line: `the supports are in --format json`).
        public var supports: String?
        /// How to print a composed matrix larger than ``StackAnalysisWriter/maxCells`` (the
        /// command line: `raise --max-cells`).
        public var largeMatrix: String?
        /// How to build a composed matrix over the memory budget (the command line: `raise
        /// --max-memory or choose a smaller input`).
        public var memoryBudget: String?

        /// Hints; nil adds none.
        public init(
            supports: String? = nil, largeMatrix: String? = nil, memoryBudget: String? = nil
        ) {
            self.supports = supports
            self.largeMatrix = largeMatrix
            self.memoryBudget = memoryBudget
        }
    }

    /// A writer.
    public init(
        markdown: Bool = false, ascii: Bool = false, maxCells: Int = 400, hints: Hints = Hints()
    ) {
        self.markdown = markdown
        self.ascii = ascii
        self.maxCells = maxCells
        self.hints = hints
    }

    /// `; hint`, or nothing.
    private func then(_ hint: String?) -> String { hint.map { "; " + $0 } ?? "" }

    /// The report.
    public func write(_ a: StackAnalysis) -> String {
        let style = TextStyle(ascii: ascii)
        var out: [String] = []
        let stack = a.stack
        out.append(
            markdown
                ? "## A stack of \(stack.layers.count) layers"
                : "A stack of \(stack.layers.count) layers, input \(channels(stack.inChannels))\(stack.inputExtents.formatted(ascii: ascii)) \(style.arrow) output \(channels(stack.outChannels))\(stack.outputExtents.formatted(ascii: ascii)):"
        )
        if markdown {
            out.append("")
            out.append(
                "Input \(channels(stack.inChannels))\(stack.inputExtents.formatted(ascii: ascii)) \(style.arrow) output \(channels(stack.outChannels))\(stack.outputExtents.formatted(ascii: ascii))."
            )
            out.append("")
        }
        for (l, layer) in stack.layers.enumerated() {
            let text: String
            switch layer {
            case .convolution(let c): text = LayerDescription.describe(c, style: style)
            case .transposed(let t):
                text = "transposed: " + LayerDescription.describe(t, style: style)
            }
            out.append("\(markdown ? "" : "  ")\(l + 1). \(text)")
        }
        section("Receptive field", &out)
        let source =
            a.fromFormulas
            ? "by the recurrences of Araujo, Norris & Sim (Distill 2019): r = Σ (k_l − 1)·Π_{i<l} s_i + 1 with k → d(k − 1) + 1, S = Π s_l, P_{l−1} = s_l·P_l + p_l"
            : "read from the composed matrix (a transposed layer has a fractional stride, so the recurrences do not apply): the widest support of a row, the ratio of the sizes as the stride, and the padding from the first window the border does not clip"
        out.append("Per axis, \(source):")
        for (t, axis) in a.axes.enumerated() {
            out.append(
                "\(markdown ? "- " : "  ")axis \(t): receptive field \(axis.receptiveField), effective stride \(number(axis.effectiveStride)), effective padding \(number(axis.effectivePadding))"
            )
        }
        if a.fromFormulas {
            let fields = a.axes.compactMap(\.formula)
            let total = a.support.ranges.count
            if a.windowMismatches.isEmpty {
                out.append(
                    "Every output's window [u, v] = [i·S − P, i·S − P + r − 1], clipped to the input, is exactly the support of its row in the composed matrix (\(total) outputs checked)."
                )
            } else {
                out.append(
                    "The clipped window differs from the composed matrix's support at \(a.windowMismatches.count) of \(total) outputs (first: \(a.windowMismatches.prefix(8).map(String.init).joined(separator: ", "))): gaps of dilation or stride, or intermediate padding, at the border."
                )
            }
            if fields.count == a.axes.count {
                out.append("")
                out.append(
                    markdown
                        ? "Windows along each axis (output i: [u, v], centre):"
                        : "Windows along each axis (output i: [u, v], centre):")
                for (t, field) in fields.enumerated() {
                    let m = stack.outputExtents.sizes[t]
                    let shown = (0..<min(m, 8)).map { i -> String in
                        let w = field.window(i)
                        return
                            "\(i): [\(w.lowerBound), \(w.upperBound)] c=\(number(field.centre(i)))"
                    }
                    out.append(
                        "\(markdown ? "- " : "  ")axis \(t): " + shown.joined(separator: "; ")
                            + (m > 8 ? "; …" : ""))
                }
            }
        } else {
            out.append(
                "(These are read from the supports of the composed matrix's rows\(then(hints.supports)).)"
            )
        }
        section("Composed matrix", &out)
        if let composed = a.composed {
            let letters = a.composed.map { c in c.symbols.map { $0.first?.name ?? "?" } } ?? []
            out.append(
                "U_\(stack.layers.count)\(ascii ? "*" : "·")…\(ascii ? "*" : "·")U_1 is \(composed.rowCount)\(style.times)\(composed.columnCount) with \(composed.termCount) terms; layer l's taps are the symbols \(letters.joined(separator: ", ")) (layers 1, 2, …)."
            )
            let cells = composed.rowCount.multipliedReportingOverflow(by: composed.columnCount)
            if !cells.overflow, cells.partialValue <= maxCells {
                var text = ""
                MatrixPlainTextPrinter(ascii: ascii).write(composed, to: &text)
                if markdown {
                    out.append("")
                    out.append("```")
                }
                out.append(
                    contentsOf: text.split(separator: "\n", omittingEmptySubsequences: false).map(
                        String.init))
                if markdown { out.append("```") }
            } else {
                out.append(
                    "(Larger than \(maxCells) cells: not printed\(then(hints.largeMatrix)).)")
            }
        } else if let note = a.composedNote {
            let hint = a.composedLimit?.isMemoryBudget == true ? hints.memoryBudget : nil
            out.append("Not built: \(note)\(then(hint)).")
        }
        section("A single convolution?", &out)
        if let single = a.single {
            let c = single.convolution
            out.append(
                "Folding the layers gives one convolution: kernel \(style.sizes(c.axes.map(\.kernelSize))), stride \(style.perAxis(c.axes.map(\.stride))), padding \(style.padding(c.axes.map(\.padding))) (kernel w₁ ⊛ w₂ upsampled by s₁, span (k₁ − 1) + (k₂ − 1)s₁ + 1, stride s₁s₂, padding p₁ + s₁p₂, folded layer by layer)."
            )
            if single.isEqual {
                out.append(
                    "The stack equals it: every row of the composed matrix matches, term by term.")
            } else {
                let rows = single.differingRows
                out.append(
                    "The stack differs from it on \(rows.count) of \(a.support.ranges.count) rows (the intermediate zero padding at the border): \(rows.prefix(16).map(String.init).joined(separator: ", "))\(rows.count > 16 ? ", …" : "")."
                )
            }
        } else {
            out.append(
                a.composed == nil
                    ? "Not compared: the composed matrix was not built."
                    : "Not a single convolution in this sense: the stack has a transposed layer, a padding mode other than zeros, or output sizes that the folded convolution does not reproduce."
            )
        }
        return out.joined(separator: "\n") + "\n"
    }

    private func channels(_ c: Int) -> String { c > 1 ? "\(c) channel(s) of " : "" }

    private func number(_ x: Double) -> String {
        x == x.rounded() ? String(Int(x)) : SignificantDigits.format(x, digits: 6)
    }

    private func section(_ title: String, _ out: inout [String]) {
        out.append("")
        out.append(markdown ? "### \(title)" : "\(title):")
    }
}
