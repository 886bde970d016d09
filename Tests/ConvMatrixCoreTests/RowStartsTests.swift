import Testing

@testable import ConvMatrixCore

/// U's row offsets are stored as compactly as the layer allows: no table for rows of equal
/// length, 32-bit offsets below 2³² entries, 64-bit beyond — and read the same either way.
@Suite("Row offsets")
struct RowStartsTests {
    @Test("equal rows keep no table; others 32-bit offsets; past 2³², 64-bit")
    func storage() {
        let uniform = RowStarts([0, 3, 6, 9])
        #expect(uniform.storage == .uniform(step: 3))
        #expect(Array(uniform) == [0, 3, 6, 9] && uniform.storedBytes == 0)
        let ragged = RowStarts([0, 2, 5, 9])
        #expect(ragged.storage == .narrow([0, 2, 5, 9]))
        #expect(Array(ragged) == [0, 2, 5, 9] && ragged.storedBytes == 16)
        let huge = RowStarts([0, 1, 5_000_000_000])
        #expect(huge.storage == .wide([0, 1, 5_000_000_000]))
        #expect(huge[2] == 5_000_000_000 && huge.storedBytes == 24)
        #expect(RowStarts([0]).count == 1 && RowStarts([0])[0] == 0)
        #expect(RowStarts(rows: 3, step: 2) == RowStarts(narrow: [0, 2, 4, 6]))
        #expect(RowStarts([0, 2, 4]) != RowStarts([0, 1, 4]))
    }

    @Test(
        "U's bytes per entry: 8 for equal rows, 8 + 4/n for rows of n entries",
        arguments: [
            // input, kernel, padding, in channels, the storage expected
            ([8, 8], [1, 1], 0, 1, "uniform"), ([8, 8], [1, 1], 1, 1, "narrow"),
            ([9], [3], 0, 1, "uniform"), ([9], [3], 1, 1, "narrow"),
            ([16, 16], [3, 3], 1, 4, "narrow"), ([6, 6], [3, 3], 0, 2, "uniform"),
        ])
    func layers(input: [Int], kernel: [Int], padding: Int, channels: Int, expected: String) throws {
        let conv = try ConvolutionSpec(
            inputSize: input, kernelSize: kernel, padding: .explicit([AxisPadding(padding)]),
            inChannels: channels
        ).validated()
        let u = try conv.unrolled()
        let kind: String
        switch u.rowStart.storage {
        case .uniform: kind = "uniform"
        case .narrow: kind = "narrow"
        case .wide: kind = "wide"
        }
        #expect(kind == expected)
        let bytes = u.columns.count * 4 + u.taps.count * 4 + u.rowStart.storedBytes
        let perEntry = Double(bytes) / Double(u.storedCount)
        // At most 10 bytes an entry whenever rows hold 2 entries or more on average, and exactly
        // 8 when no table is kept; the offsets read back as the rows' lengths.
        if kind == "uniform" { #expect(perEntry == 8) }
        if u.storedCount >= 2 * u.rowCount { #expect(perEntry <= 10) }
        let lengths = (0..<u.rowCount).map { u.rowStart[$0 + 1] - u.rowStart[$0] }
        #expect(lengths.reduce(0, +) == u.storedCount)
        #expect(lengths.allSatisfy { $0 >= 0 })
    }
}
