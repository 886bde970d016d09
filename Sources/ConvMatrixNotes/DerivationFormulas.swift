import ConvMatrixCore

/// The formulas of a derivation with the numbers of one axis filled in, in LaTeX and text.
enum DerivationFormulas {
    /// `m_t = ⌊(n + p_b + p_a − d·(k − 1) − 1) / s⌋ + 1 = …` for axis `t`.
    static func outputSize(_ axis: ConvolutionAxis, index t: Int, ascii: Bool) -> MathText {
        let n = axis.inputSize
        let k = axis.kernelSize
        let d = axis.dilation
        let s = axis.stride
        let pb = axis.padding.before
        let pa = axis.padding.after
        let latex =
            "m_{\(t)} = \\left\\lfloor \\frac{\(n) + \(pb) + \(pa) - \(d) \\cdot (\(k) - 1) - 1}{\(s)} \\right\\rfloor + 1 = \(axis.outputSize)"
        let minus = ascii ? "-" : "−"
        let dot = ascii ? "*" : "·"
        let body = "(\(n) + \(pb) + \(pa) \(minus) \(d)\(dot)(\(k) \(minus) 1) \(minus) 1) / \(s)"
        let floored = ascii ? "floor(\(body))" : "⌊\(body)⌋"
        let text = "\(subscripted("m", t, ascii: ascii)) = \(floored) + 1 = \(axis.outputSize)"
        return MathText(latex: latex, text: text)
    }

    /// `n_t = (m − 1)·s − p_b − p_a + d·(k − 1) + a + 1 = …` for axis `t`.
    static func transposedSize(_ axis: TransposedConvolutionAxis, index t: Int, ascii: Bool)
        -> MathText
    {
        let m = axis.inputSize
        let s = axis.stride
        let pb = axis.padding.before
        let pa = axis.padding.after
        let d = axis.dilation
        let k = axis.kernelSize
        let a = axis.outputPadding
        let latex =
            "n_{\(t)} = (\(m) - 1) \\cdot \(s) - \(pb) - \(pa) + \(d) \\cdot (\(k) - 1) + \(a) + 1 = \(axis.outputSize)"
        let minus = ascii ? "-" : "−"
        let dot = ascii ? "*" : "·"
        let text =
            "\(subscripted("n", t, ascii: ascii)) = (\(m) \(minus) 1)\(dot)\(s) \(minus) \(pb) \(minus) \(pa) + \(d)\(dot)(\(k) \(minus) 1) + \(a) + 1 = \(axis.outputSize)"
        return MathText(latex: latex, text: text)
    }

    /// The shapes of a product: `(1, f)·(f, u) = (1, u)`.
    static func shapes(
        _ left: String, _ matrix: String, _ result: String, f: Int, u: Int, ascii: Bool
    )
        -> MathText
    {
        let dot = ascii ? "*" : "·"
        return MathText(
            latex:
                "\(left) \\cdot \(matrix) = \(result), \\qquad (1, \(f)) \\cdot (\(f), \(u)) = (1, \(u))",
            text:
                "\(left)\(dot)\(matrix) = \(result),   (1, \(f))\(dot)(\(f), \(u)) = (1, \(u))")
    }

    /// `x_t` as `x₀` or `x_0`.
    static func subscripted(_ name: String, _ index: Int, ascii: Bool) -> String {
        if ascii { return "\(name)_\(index)" }
        let digits: [Character] = ["₀", "₁", "₂", "₃", "₄", "₅", "₆", "₇", "₈", "₉"]
        return name + String(String(index).compactMap { $0.wholeNumberValue.map { digits[$0] } })
    }
}
