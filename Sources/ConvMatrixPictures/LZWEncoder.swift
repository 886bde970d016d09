/// The variable-length LZW compression of GIF (GIF89a specification, appendix F): codes start at
/// `minimumCodeSize + 1` bits and grow to 12; a clear code starts over when the table is full.
/// Codes are packed least-significant bit first.
struct LZWEncoder {
    /// `child[prefix · 256 + byte]`: the code of string prefix+byte, or 0 when absent (code 0 is
    /// a single pixel, never the code of a longer string, so 0 can mean "none").
    private var child = [UInt16](repeating: 0, count: 4096 * 256)
    /// Entries of `child` set since the last clear, to reset them cheaply.
    private var used: [Int] = []

    /// The compressed bytes of `indices`, each below `1 << minimumCodeSize`.
    mutating func encode(_ indices: [UInt8], minimumCodeSize: Int) -> [UInt8] {
        let clear = 1 << minimumCodeSize
        let end = clear + 1
        var out: [UInt8] = []
        out.reserveCapacity(indices.count / 2 + 16)
        var bitBuffer = 0
        var bitCount = 0
        var codeSize = minimumCodeSize + 1
        var next = end + 1
        func emit(_ code: Int, _ size: Int) {
            bitBuffer |= code << bitCount
            bitCount += size
            while bitCount >= 8 {
                out.append(UInt8(truncatingIfNeeded: bitBuffer))
                bitBuffer >>= 8
                bitCount -= 8
            }
        }
        reset()
        emit(clear, codeSize)
        guard let first = indices.first else {
            emit(end, codeSize)
            if bitCount > 0 { out.append(UInt8(truncatingIfNeeded: bitBuffer)) }
            return out
        }
        var prefix = Int(first)
        child.withUnsafeMutableBufferPointer { table in
            for k in 1..<max(1, indices.count) where indices.count > 1 {
                let byte = Int(indices[k])
                let key = prefix << 8 | byte
                let found = Int(table[key])
                if found != 0 {
                    prefix = found
                    continue
                }
                emit(prefix, codeSize)
                if next < 4096 {
                    table[key] = UInt16(next)
                    used.append(key)
                    if next == 1 << codeSize && codeSize < 12 { codeSize += 1 }
                    next += 1
                } else {
                    emit(clear, codeSize)
                    for u in used { table[u] = 0 }
                    used.removeAll(keepingCapacity: true)
                    codeSize = minimumCodeSize + 1
                    next = end + 1
                }
                prefix = byte
            }
        }
        emit(prefix, codeSize)
        emit(end, codeSize)
        if bitCount > 0 { out.append(UInt8(truncatingIfNeeded: bitBuffer)) }
        return out
    }

    private mutating func reset() {
        for u in used { child[u] = 0 }
        used.removeAll(keepingCapacity: true)
    }
}
