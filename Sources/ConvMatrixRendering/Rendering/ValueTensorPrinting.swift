import ConvMatrixCore
import ConvMatrixNumeric
import Symbolic

/// How a ``ConvMatrixNumeric/ValueTensor`` prints: exact values as exact rationals in text (`-1/9`, `−1/9` in
/// Unicode) and LaTeX (`-\frac{1}{9}`), floats as Swift's shortest round-trip decimal, and in
/// JSON always as numbers (`{"shape": [1, 3, 3], "values": [-4, 0, 4, …]}`).
public enum ValueTensorPrinting {
    /// One plain-text cell per entry.
    public static func textCells(_ tensor: ValueTensor, ascii: Bool) -> [String] {
        (0..<tensor.count).map { textCell(tensor, at: $0, ascii: ascii) }
    }

    /// The plain-text cell of entry `index` alone: elided text prints the few it shows.
    public static func textCell(_ tensor: ValueTensor, at index: Int, ascii: Bool) -> String {
        let text: String
        switch tensor.entries {
        case .exact(let values): text = values[index].description
        case .float(let values): text = number(values[index])
        }
        return text.hasPrefix("-") ? (ascii ? "-" : "−") + text.dropFirst() : text
    }

    /// One LaTeX cell per entry.
    public static func latexCells(_ tensor: ValueTensor) -> [String] {
        (0..<tensor.count).map { latexCell(tensor, at: $0) }
    }

    /// The LaTeX cell of entry `index` alone: `-\frac{1}{9}`, or a float as `1.5 \cdot 10^{-7}`.
    public static func latexCell(_ tensor: ValueTensor, at index: Int) -> String {
        switch tensor.entries {
        case .exact(let values):
            let value = values[index]
            if value.isInteger { return "\(value.numerator)" }
            let sign = value.isNegative ? "-" : ""
            return "\(sign)\\frac{\(value.numerator.magnitude)}{\(value.denominator)}"
        case .float(let values):
            let text = number(values[index])
            guard let e = text.firstIndex(of: "e") else { return text }
            let exponent = Int(text[text.index(after: e)...]) ?? 0
            return "\(text[..<e]) \\cdot 10^{\(exponent)}"
        }
    }

    /// `{"shape": […], "values": […]}`.
    public static func json(_ tensor: ValueTensor) -> String {
        "{\"shape\": [\(tensor.shape.map(String.init).joined(separator: ", "))], \"values\": [\(tensor.doubles.map(number).joined(separator: ", "))]}"
    }

    /// The three gradients of a layer in one JSON object:
    /// `{"input_gradient": {…}, "kernel_gradient": {…}, "bias_gradient": {…}}`, each as
    /// ``json(_:)`` writes a tensor, in PyTorch's shapes.
    public static func gradientsJSON(input: ValueTensor, kernel: ValueTensor, bias: ValueTensor)
        -> String
    {
        "{\"input_gradient\": \(json(input)), \"kernel_gradient\": \(json(kernel)), \"bias_gradient\": \(json(bias))}"
    }

    /// A JSON number: an integer without a decimal point, otherwise the shortest decimal that
    /// reads back as the same `Double`.
    public static func number(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 {
            return value == 0 ? "0" : String(Int(value))
        }
        return "\(value)"
    }
}
