/// Where each row of a ``TapMatrix`` starts in its entry arrays: `rowCount + 1` offsets, the
/// first 0 and the last the number of stored entries, stored as compactly as the matrix allows.
///
/// - Rows that all hold the same number of entries `n` (a layer without padding, or with
///   padding that never leaves a window short, as reflect, replicate and circular padding) need
///   no table: row `r` starts at `r·n`.
/// - Otherwise the offsets are 32-bit when the matrix stores fewer than 2³² entries (every
///   layer within the default memory budget), and 64-bit beyond.
///
/// A matrix with rows of `n` entries thus keeps `8 + 4/n` bytes per entry at most (4 for the
/// column, 4 for the tap, 4 per row), and 8 when its rows are uniform.
public struct RowStarts: RandomAccessCollection, Hashable, Sendable {
    /// The storage: a rule, or a table.
    @usableFromInline
    enum Storage: Hashable, Sendable {
        /// Row `r` starts at `r · step`.
        case uniform(step: Int)
        /// 32-bit offsets.
        case narrow([UInt32])
        /// 64-bit offsets.
        case wide([Int])
    }

    @usableFromInline let storage: Storage
    /// The number of offsets (`rowCount + 1`).
    public let count: Int

    /// Offsets of rows of `step` entries each: `rows + 1` offsets.
    public init(rows: Int, step: Int) {
        storage = .uniform(step: step)
        count = rows + 1
    }

    /// `offsets` (non-decreasing, the first 0), stored as compactly as they allow.
    public init(_ offsets: [Int]) {
        count = offsets.count
        let rows = offsets.count - 1
        if rows >= 1 {
            let step = offsets[1] - offsets[0]
            var uniform = true
            for r in 0..<rows where offsets[r + 1] - offsets[r] != step {
                uniform = false
                break
            }
            if uniform && offsets[0] == 0 {
                storage = .uniform(step: step)
                return
            }
        }
        // (`UInt32(exactly:)`: on 32-bit platforms `Int(UInt32.max)` would not fit.)
        if let last = offsets.last, UInt32(exactly: last) == nil {
            storage = .wide(offsets)
        } else {
            storage = .narrow(offsets.map { UInt32(truncatingIfNeeded: $0) })
        }
    }

    /// 32-bit offsets built in place.
    init(narrow offsets: [UInt32]) {
        storage = .narrow(offsets)
        count = offsets.count
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { count }

    /// The offset of row `r` (`r == rowCount`: the number of stored entries).
    @inlinable public subscript(r: Int) -> Int {
        switch storage {
        case .uniform(let step): r * step
        case .narrow(let offsets): Int(offsets[r])
        case .wide(let offsets): offsets[r]
        }
    }

    /// The bytes the table keeps (0 for uniform rows).
    public var storedBytes: Int {
        switch storage {
        case .uniform: 0
        case .narrow(let offsets): offsets.count * 4
        case .wide(let offsets): offsets.count * 8
        }
    }

    /// Two tables are equal when they hold the same offsets, however they store them.
    public static func == (a: RowStarts, b: RowStarts) -> Bool {
        a.count == b.count && a.elementsEqual(b)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(count)
        if count > 0 { hasher.combine(self[count - 1]) }
    }
}
