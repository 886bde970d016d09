import Symbolic

/// The matrices of the course's 5×5 input, 3×3 kernel, stride 2 example, built by hand:
/// cross-correlation, 2×2 output.
enum Input5x5Kernel3x3Stride2 {
    static let inputSize = 5
    static let kernelSize = 3
    static let stride = 2
    static let outputSize = 2

    static func k(_ a: Int, _ b: Int) -> Expression { expr("k", a, b) }

    /// The kernel entry connecting input (i, j) to output (p, q), or zero.
    static func u(_ i: Int, _ j: Int, _ p: Int, _ q: Int) -> Expression {
        let a = i - stride * p
        let b = j - stride * q
        guard (0..<kernelSize).contains(a), (0..<kernelSize).contains(b) else { return .zero }
        return k(a, b)
    }

    static var outputs: [(Int, Int)] {
        (0..<outputSize).flatMap { p in (0..<outputSize).map { q in (p, q) } }
    }

    static var inputs: [(Int, Int)] {
        (0..<inputSize).flatMap { i in (0..<inputSize).map { j in (i, j) } }
    }

    /// U: 25×4, row (i, j) row-major, column (p, q) row-major.
    static func unrolled() throws -> SymbolicMatrix {
        try SymbolicMatrix(inputs.map { i, j in outputs.map { p, q in u(i, j, p, q) } })
    }

    /// C[i][j] = Σ_{p,q} O_{pq} · U[(i,j),(p,q)], built with the fast sum of products.
    static func contributions() throws -> SymbolicMatrix {
        try SymbolicMatrix(
            (0..<inputSize).map { i in
                (0..<inputSize).map { j in
                    Expression.sum(
                        outputs.compactMap { p, q in
                            let entry = u(i, j, p, q)
                            guard let kernel = entry.singleSymbol else { return nil }
                            return Monomial([Symbol("O", indices: [p, q]), kernel])
                        })
                }
            })
    }

    static func input() throws -> SymbolicMatrix {
        try SymbolicMatrix(
            (0..<inputSize).map { i in (0..<inputSize).map { j in expr("I", i, j) } })
    }

    static func output() throws -> SymbolicMatrix {
        try SymbolicMatrix(
            (0..<outputSize).map { p in (0..<outputSize).map { q in expr("O", p, q) } })
    }

    /// X: the input flattened into one row of 25.
    static func flattened() throws -> SymbolicMatrix {
        try SymbolicMatrix([inputs.map { i, j in expr("I", i, j) }])
    }

    /// Where the kernel lands on the input for each output position.
    static func placements() throws -> [SymbolicMatrix] {
        try outputs.map { p, q in
            try SymbolicMatrix(
                (0..<inputSize).map { i in (0..<inputSize).map { j in u(i, j, p, q) } })
        }
    }
}
