import ConvMatrixCore

/// The letters used for the input, the kernel and the output.
///
/// The unrolling notes write the input `I`, the kernel `k` and the output `O` (the default); the numpy lab on a conv layer writes
/// `x`, `w` and `y`. The roles stay fixed when a transposed convolution is shown: its input is
/// the forward convolution's output (written with ``output``) and its output lives in the
/// forward input's space.
public struct SymbolNames: Hashable, Sendable, CustomStringConvertible {
    /// The input's letter (`I`).
    public let input: String
    /// The kernel's letter (`k`).
    public let kernel: String
    /// The output's letter (`O`).
    public let output: String
    /// The first index of every axis and channel in printed symbols: 0 (PyTorch and NumPy, the
    /// default: `I₀₀`) or 1 (the numpy lab and most course notes: `x₁₁`). Only the printing
    /// changes; positions in tensors stay 0-based.
    public private(set) var indexBase: Int = 0

    /// `I`, `k`, `O`: input, kernel, output.
    public static let ikO = SymbolNames(validatedInput: "I", kernel: "k", output: "O")
    /// `x`, `w`, `y`: input, weights, output.
    public static let xwy = SymbolNames(validatedInput: "x", kernel: "w", output: "y")

    private init(validatedInput input: String, kernel: String, output: String) {
        self.input = input
        self.kernel = kernel
        self.output = output
    }

    /// Names from `input,kernel,output` (for example `x,w,y`): three distinct names, each a
    /// letter followed by letters or digits, or a LaTeX command such as `\xi`.
    public init(parsing text: String) throws(SpecificationError) {
        let parts = text.split(separator: ",", omittingEmptySubsequences: false).map {
            String($0).trimmingSpaces
        }
        guard parts.count == 3 else {
            throw SpecificationError(
                .names, "expected three names input,kernel,output such as x,w,y, got '\(text)'")
        }
        for name in parts where !SymbolNames.isValidName(name) {
            throw SpecificationError(
                .names,
                "'\(name)' is not a name: use a letter then letters or digits, or a Greek letter such as \\xi"
            )
        }
        guard Set(parts).count == 3 else {
            throw SpecificationError(.names, "the three names must differ, got '\(text)'")
        }
        self.init(validatedInput: parts[0], kernel: parts[1], output: parts[2])
    }

    /// These letters with indices starting at `base` (0 or 1).
    ///
    /// - Throws: ``SpecificationError`` about ``SpecificationField/indexBase`` for any other base.
    public func withIndexBase(_ base: Int) throws(SpecificationError) -> SymbolNames {
        guard base == 0 || base == 1 else {
            throw SpecificationError(
                .indexBase, "must be 0 (PyTorch, NumPy) or 1 (x₁₁ as in course notes), got \(base)")
        }
        var copy = self
        copy.indexBase = base
        return copy
    }

    /// `I,k,O`.
    public var description: String { "\(input),\(kernel),\(output)" }

    private static func isValidName(_ name: String) -> Bool {
        if name.hasPrefix("\\") { return greekLetters.contains(String(name.dropFirst())) }
        guard let first = name.first, first.isASCII, first.isLetter else { return false }
        return name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) }
    }

    /// The LaTeX commands accepted as names: Greek letters (and their variants), which every
    /// engine — pdflatex, KaTeX, MathJax — renders as a symbol. Any other command could be
    /// structural (`\end`, `\left`) and break the document.
    static let greekLetters: Set<String> = [
        "alpha", "beta", "gamma", "delta", "epsilon", "varepsilon", "zeta", "eta", "theta",
        "vartheta", "iota", "kappa", "lambda", "mu", "nu", "xi", "pi", "varpi", "rho", "varrho",
        "sigma", "varsigma", "tau", "upsilon", "phi", "varphi", "chi", "psi", "omega", "Gamma",
        "Delta", "Theta", "Lambda", "Xi", "Pi", "Sigma", "Upsilon", "Phi", "Psi", "Omega",
    ]
}

extension String {
    /// The string without leading and trailing spaces.
    package var trimmingSpaces: String {
        var view = Substring(self)
        while view.first == " " { view = view.dropFirst() }
        while view.last == " " { view = view.dropLast() }
        return String(view)
    }
}
