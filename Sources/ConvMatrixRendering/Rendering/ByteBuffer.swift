import ConvMatrixCore
import ConvMatrixNumeric
import ConvMatrixSymbols

/// A growable byte buffer that flushes to a text stream in large chunks: the back end of the
/// fast matrix writers.
///
/// Appending bytes to a preallocated array and converting a megabyte at a time to `String` is
/// several times faster than writing many small strings, and keeps memory bounded by the chunk.
struct ByteBuffer {
    private(set) var bytes: [UInt8] = []
    private let chunk: Int

    init(chunk: Int = 1 << 20) {
        self.chunk = chunk
        bytes.reserveCapacity(chunk + 4096)
    }

    mutating func append(_ other: [UInt8]) { bytes.append(contentsOf: other) }

    mutating func append(_ slice: ArraySlice<UInt8>) { bytes.append(contentsOf: slice) }

    mutating func append(_ string: String) { bytes.append(contentsOf: string.utf8) }

    mutating func append(spaces count: Int) {
        if count > 0 { bytes.append(contentsOf: repeatElement(UInt8(ascii: " "), count: count)) }
    }

    /// Appends the decimal digits of `value` (≥ 0).
    mutating func appendDecimal(_ value: Int) { DecimalText.append(value, to: &bytes) }

    /// Flushes when the chunk is full.
    mutating func flushIfFull(to output: inout some TextOutputStream) {
        if bytes.count >= chunk { flush(to: &output) }
    }

    /// Writes everything buffered.
    mutating func flush(to output: inout some TextOutputStream) {
        if bytes.isEmpty { return }
        output.write(String(decoding: bytes, as: UTF8.self))
        bytes.removeAll(keepingCapacity: true)
    }
}

/// Decimal digits of non-negative integers, without going through `String`.
enum DecimalText {
    /// Appends the digits of `value` (≥ 0) to `bytes`.
    static func append(_ value: Int, to bytes: inout [UInt8]) {
        if value < 10 {
            bytes.append(UInt8(ascii: "0") + UInt8(value))
            return
        }
        var digits:
            (
                UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8
            ) =
                (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var count = 0
        var rest = value
        withUnsafeMutableBytes(of: &digits) { buffer in
            while rest > 0 {
                buffer[count] = UInt8(ascii: "0") + UInt8(rest % 10)
                rest /= 10
                count += 1
            }
            for k in stride(from: count - 1, through: 0, by: -1) { bytes.append(buffer[k]) }
        }
    }
}
