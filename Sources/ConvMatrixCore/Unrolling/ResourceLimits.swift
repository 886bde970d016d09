/// Budgets that refuse, before anything is allocated, work that would not fit.
///
/// The defaults suit a laptop and this project's 24 GiB CI machine: 4 GiB for a sparse matrix
/// (ResNet-50's first layer needs about 0.87 GiB) and 50 million cells for a dense rendering
/// (a 64×64 input with a 3×3 kernel has a 4096×4096 U, 16.8 million cells).
public struct ResourceLimits: Hashable, Sendable {
    /// Bytes a sparse matrix or a numeric tensor may take.
    public var maxMemoryBytes: Int
    /// Cells a dense rendering (text, LaTeX, CSV) may print, zeros included.
    public var maxDenseCells: Int

    /// Creates budgets.
    public init(
        maxMemoryBytes: Int = Int(clamping: ResourceLimits.defaultMemoryBytes),
        maxDenseCells: Int = 50_000_000
    ) {
        self.maxMemoryBytes = maxMemoryBytes
        self.maxDenseCells = maxDenseCells
    }

    /// 4 GiB and 50 million cells.
    public static let `default` = ResourceLimits()

    /// The default memory budget, 4 GiB, as a 64-bit count: a 32-bit host (the explorer's
    /// WebAssembly core) cannot hold it in an `Int`, yet words its refusals with it.
    public static let defaultMemoryBytes: Int64 = 4 << 30

    /// Throws unless `bytes` (nil meaning "overflows Int") fits in ``maxMemoryBytes``: the `Int64`
    /// overload with `bytes` widened.
    public func checkMemory(_ bytes: Int?, for what: String) throws(SpecificationError) {
        try checkMemory(bytes.map { Int64($0) }, for: what)
    }

    /// Throws unless `bytes` (nil meaning "overflows Int64") fits in ``maxMemoryBytes``. The error
    /// (field ``SpecificationField/memory``) says what was needed and the budget; how to change
    /// the budget is for the caller to say.
    public func checkMemory(_ bytes: Int64?, for what: String) throws(SpecificationError) {
        try Self.checkMemory(bytes, budget: Int64(maxMemoryBytes), for: what)
    }

    /// Throws unless `bytes` (nil meaning "overflows Int64") fits in `budget`. The arithmetic is
    /// 64-bit on every host, so a 32-bit host (the explorer's WebAssembly core) words a refusal
    /// as the command line does.
    public static func checkMemory(_ bytes: Int64?, budget: Int64, for what: String)
        throws(SpecificationError)
    {
        guard let bytes, bytes <= budget else {
            let needed = bytes.map(ByteCount.format) ?? "more than 8 EiB"
            throw SpecificationError(
                .memory,
                "\(what) needs \(needed), over the budget of \(ByteCount.format(budget))",
                rule: .memoryBudget(
                    needed: bytes.flatMap { Int(exactly: $0) }, budget: Int(clamping: budget)))
        }
    }

    /// Throws unless a dense `rows × columns` rendering fits in ``maxDenseCells`` (field
    /// ``SpecificationField/size``).
    public func checkDense(rows: Int, columns: Int, what: String) throws(SpecificationError) {
        let cells = CheckedArithmetic.multiply(rows, columns)
        guard let cells, cells <= maxDenseCells else {
            let count = cells.map { "\($0)" } ?? "more than 9.2e18"
            throw SpecificationError(
                .size,
                "\(what) would be a dense \(rows)×\(columns) matrix (\(count) cells), over the limit of \(maxDenseCells)",
                rule: .denseCellLimit(rows: rows, columns: columns, limit: maxDenseCells))
        }
    }
}

/// Human-readable byte counts in binary units (KiB, MiB, GiB: powers of 1024), the units of
/// the default budget (`4 << 30` bytes prints as `4.0 GiB`) and of `--max-memory`'s help.
enum ByteCount {
    /// `512 B`, `1.5 KiB`, `944.1 MiB`, `12.0 GiB`.
    static func format(_ bytes: Int64) -> String {
        let units = ["B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"]
        var value = Double(bytes)
        var unit = 0
        while value >= 1024 && unit < units.count - 1 {
            value /= 1024
            unit += 1
        }
        if unit == 0 { return "\(bytes) B" }
        var tenths = Int(value * 10 + 0.5)
        // 1023.96 KiB rounds to 1024.0 KiB: say 1.0 MiB instead.
        if tenths >= 10240 && unit < units.count - 1 {
            unit += 1
            tenths = 10
        }
        return "\(tenths / 10).\(tenths % 10) \(units[unit])"
    }
}
