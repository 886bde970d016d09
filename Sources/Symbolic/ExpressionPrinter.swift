/// Something that turns symbols and polynomials into text in one notation.
///
/// Expressions do not print themselves: a printer walks their canonical terms (like SymPy's
/// printing package), so new notations can be added without touching the algebra.
/// Printing never fails: every ``Expression`` and ``Symbol`` has a rendering.
public protocol ExpressionPrinter: Sendable {
    /// The rendering of `expression`; the zero polynomial prints as `0`.
    func string(for expression: Expression) -> String
    /// The rendering of a single variable, with its superscript and subscript indices.
    func string(for symbol: Symbol) -> String
}

/// Helpers shared by the printers.
enum PrintingSupport {
    /// The indices written one after the other (`02`), or separated by `separator` when any
    /// index is negative or has two or more digits (`0,10`). `digit` maps each index text.
    static func indexList(
        _ values: [Int], separator: String, transform: (String) -> String = { $0 }
    ) -> String {
        let parts = values.map { transform(String($0)) }
        return parts.joined(separator: Symbol.needsIndexSeparator(values) ? separator : "")
    }

    /// Unicode subscript form of a decimal integer text (`-12` → `₋₁₂`).
    static func subscripted(_ text: String) -> String {
        String(text.map { subscriptDigits[$0] ?? $0 })
    }

    /// Unicode superscript form of a decimal integer text (`-12` → `⁻¹²`).
    static func superscripted(_ text: String) -> String {
        String(text.map { superscriptDigits[$0] ?? $0 })
    }

    private static let subscriptDigits: [Character: Character] = [
        "0": "₀", "1": "₁", "2": "₂", "3": "₃", "4": "₄", "5": "₅", "6": "₆", "7": "₇",
        "8": "₈", "9": "₉", "-": "₋",
    ]

    private static let superscriptDigits: [Character: Character] = [
        "0": "⁰", "1": "¹", "2": "²", "3": "³", "4": "⁴", "5": "⁵", "6": "⁶", "7": "⁷",
        "8": "⁸", "9": "⁹", "-": "⁻",
    ]

    /// `true` when `a` sorts before `b` by Unicode code points (Python's `str` order),
    /// which is how SymPy orders symbol names.
    ///
    /// Compares the UTF-8 bytes: UTF-8 was designed so that byte order is code-point order,
    /// and bytes are much cheaper to walk than decoded scalars (a hot loop of the printers).
    static func codePointLess(_ a: String, _ b: String) -> Bool {
        a.utf8.lexicographicallyPrecedes(b.utf8)
    }
}
