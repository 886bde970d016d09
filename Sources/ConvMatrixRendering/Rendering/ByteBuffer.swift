/// A growable byte buffer that flushes to a text stream in large chunks: the back end of the
/// fast matrix writers.
///
/// Appending bytes to a preallocated array and converting a chunk at a time to `String` is
/// several times faster than writing many small strings, and keeps memory bounded by the chunk.
/// The chunk is 64 KiB: larger chunks were no faster, and every fresh megabyte costs a process
/// some 250 page faults, a measurable share of a short run such as the MNIST example's.
struct ByteBuffer {
    /// The bytes are `storage[0 ..< count]`; the rest is room to append into.
    private var storage: [UInt8]
    /// How many bytes are buffered.
    private(set) var count = 0
    private let chunk: Int

    init(chunk: Int = 1 << 16) {
        self.chunk = chunk
        storage = [UInt8](repeating: 0, count: chunk + 4096)
    }

    /// The buffered bytes.
    var bytes: ArraySlice<UInt8> { storage[0..<count] }

    /// Copies `source` in. Every other `append` comes here: one bounds check and one copy, with
    /// no per-call growth logic — the writers append a few bytes at a time, millions of times.
    mutating func append(_ source: UnsafeBufferPointer<UInt8>) {
        guard let from = source.baseAddress, source.count > 0 else { return }
        if count + source.count > storage.count {
            storage.append(
                contentsOf: repeatElement(0, count: max(storage.count, count + source.count)))
        }
        let at = count
        storage.withUnsafeMutableBufferPointer { target in
            if let base = target.baseAddress { (base + at).update(from: from, count: source.count) }
        }
        count += source.count
    }

    mutating func append(_ other: [UInt8]) { other.withUnsafeBufferPointer { append($0) } }

    mutating func append(_ slice: ArraySlice<UInt8>) {
        slice.withUnsafeBufferPointer { append($0) }
    }

    mutating func append(_ string: String) {
        var string = string
        string.withUTF8 { append($0) }
    }

    mutating func append(spaces count: Int) {
        if count > 0 { append([UInt8](repeating: UInt8(ascii: " "), count: count)) }
    }

    /// Appends the decimal digits of `value` (≥ 0).
    mutating func appendDecimal(_ value: Int) {
        // At most 19 digits: written straight into the room after `count`.
        if count + 20 > storage.count {
            storage.append(contentsOf: repeatElement(0, count: storage.count))
        }
        if value < 10 {
            storage[count] = UInt8(ascii: "0") + UInt8(value)
            count += 1
            return
        }
        var digits = 0
        var rest = value
        while rest > 0 {
            digits += 1
            rest /= 10
        }
        rest = value
        for k in stride(from: count + digits - 1, through: count, by: -1) {
            storage[k] = UInt8(ascii: "0") + UInt8(rest % 10)
            rest /= 10
        }
        count += digits
    }

    /// Flushes when the chunk is full.
    mutating func flushIfFull(to output: inout some TextOutputStream) {
        if count >= chunk { flush(to: &output) }
    }

    /// Writes everything buffered.
    mutating func flush(to output: inout some TextOutputStream) {
        if count == 0 { return }
        output.write(String(decoding: storage[0..<count], as: UTF8.self))
        count = 0
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
