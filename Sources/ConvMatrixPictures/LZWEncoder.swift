/// The variable-length LZW compression of GIF (GIF89a specification, appendix F): codes start at
/// `minimumCodeSize + 1` bits and grow to 12; a clear code starts over when the table is full.
/// Codes are packed least-significant bit first.
struct LZWEncoder {
    /// `child[byte · 4096 + prefix]`: the code of string prefix+byte, or 0 when absent (code 0 is
    /// a single pixel, never the code of a longer string, so 0 can mean "none").
    private var child = [UInt16](repeating: 0, count: 4096 * 256)
    /// Entries of `child` set since the last clear, to reset them cheaply.
    private var used: [Int] = []

    /// Bits not yet written out, least significant first.
    private struct BitWriter {
        var out: [UInt8] = []
        var buffer = 0
        var count = 0

        @inline(__always)
        mutating func emit(_ code: Int, _ size: Int) {
            buffer |= code << count
            count += size
            while count >= 8 {
                out.append(UInt8(truncatingIfNeeded: buffer))
                buffer >>= 8
                count -= 8
            }
        }

        mutating func finish() -> [UInt8] {
            if count > 0 { out.append(UInt8(truncatingIfNeeded: buffer)) }
            return out
        }
    }

    /// The compressed bytes of `indices`, each below `1 << minimumCodeSize`.
    mutating func encode(_ indices: [UInt8], minimumCodeSize: Int) -> [UInt8] {
        let clear = 1 << minimumCodeSize
        let end = clear + 1
        var writer = BitWriter()
        writer.out.reserveCapacity(indices.count / 2 + 16)
        var codeSize = minimumCodeSize + 1
        var next = end + 1
        reset()
        writer.emit(clear, codeSize)
        guard let first = indices.first else {
            writer.emit(end, codeSize)
            return writer.finish()
        }
        var prefix = Int(first)
        var used = self.used
        child.withUnsafeMutableBufferPointer { table in
            indices.withUnsafeBufferPointer { input in
                for k in 1..<input.count {
                    let byte = Int(input[k])
                    // Keyed by byte first: in a run of one colour the prefixes are consecutive
                    // codes, so the lookups stay within a few cache lines.
                    let key = byte << 12 | prefix
                    let found = Int(table[key])
                    if found != 0 {
                        prefix = found
                        continue
                    }
                    writer.emit(prefix, codeSize)
                    if next < 4096 {
                        table[key] = UInt16(next)
                        used.append(key)
                        if next == 1 << codeSize && codeSize < 12 { codeSize += 1 }
                        next += 1
                    } else {
                        writer.emit(clear, codeSize)
                        for u in used { table[u] = 0 }
                        used.removeAll(keepingCapacity: true)
                        codeSize = minimumCodeSize + 1
                        next = end + 1
                    }
                    prefix = byte
                }
            }
        }
        self.used = used
        writer.emit(prefix, codeSize)
        writer.emit(end, codeSize)
        return writer.finish()
    }

    private mutating func reset() {
        for u in used { child[u] = 0 }
        used.removeAll(keepingCapacity: true)
    }
}
