import ConvMatrixTestSupport
import Testing

@testable import ConvMatrixCore
@testable import ConvMatrixPictures

/// The project's GIF encoder: LZW that a decoder written from the GIF89a specification reads
/// back, and files with the right structure (frames, size, loop, delays).
@Suite("GIF writer")
struct GIFWriterTests {
    /// A GIF LZW decoder (specification appendix F), independent of the encoder.
    static func decode(_ data: [UInt8], minimumCodeSize: Int) -> [UInt8]? {
        let clear = 1 << minimumCodeSize
        let end = clear + 1
        var table: [[UInt8]] = []
        func reset() { table = (0..<clear).map { [UInt8($0)] } + [[], []] }
        reset()
        var size = minimumCodeSize + 1
        var bitPosition = 0
        var out: [UInt8] = []
        var previous: [UInt8]?
        while true {
            guard bitPosition + size <= data.count * 8 else { return nil }
            var code = 0
            for b in 0..<size {
                let bit = bitPosition + b
                if data[bit / 8] & (1 << (bit % 8)) != 0 { code |= 1 << b }
            }
            bitPosition += size
            if code == clear {
                reset()
                size = minimumCodeSize + 1
                previous = nil
                continue
            }
            if code == end { return out }
            var entry: [UInt8]
            if code < table.count {
                entry = table[code]
            } else if code == table.count, let previous {
                entry = previous + [previous[0]]
            } else {
                return nil
            }
            out += entry
            if let previous, table.count < 4096 {
                table.append(previous + [entry[0]])
                if table.count == 1 << size && size < 12 { size += 1 }
            }
            previous = entry
        }
    }

    @Test("LZW round trip", arguments: [2, 3, 5, 8])
    func roundTrip(bits: Int) {
        var rng = SeededGenerator(seed: UInt64(bits))
        var encoder = LZWEncoder()
        for length in [0, 1, 2, 100, 5000, 70000] {
            // Runs and noise: long runs fill the table, noise forces clears.
            var data: [UInt8] = []
            while data.count < length {
                let value = UInt8.random(in: 0...UInt8((1 << bits) - 1), using: &rng)
                let run = Bool.random(using: &rng) ? Int.random(in: 1...40, using: &rng) : 1
                data += Array(repeating: value, count: min(run, length - data.count))
            }
            let encoded = encoder.encode(data, minimumCodeSize: max(2, bits))
            #expect(Self.decode(encoded, minimumCodeSize: max(2, bits)) == data, "length \(length)")
        }
    }

    /// Image descriptors of a GIF: (left, top, width, height), and the delays.
    static func structure(_ gif: [UInt8]) -> (
        width: Int, height: Int, frames: [[Int]], delays: [Int], loops: Bool
    )? {
        guard gif.count > 13, Array(gif[0..<6]) == Array("GIF89a".utf8) else { return nil }
        func u16(_ i: Int) -> Int { Int(gif[i]) | Int(gif[i + 1]) << 8 }
        let width = u16(6)
        let height = u16(8)
        var i = 13
        if gif[10] & 0x80 != 0 { i += 3 * (1 << (Int(gif[10] & 7) + 1)) }
        var frames: [[Int]] = []
        var delays: [Int] = []
        var loops = false
        while i < gif.count {
            switch gif[i] {
            case 0x21:
                let label = gif[i + 1]
                if label == 0xF9 { delays.append(u16(i + 4)) }
                if label == 0xFF && Array(gif[(i + 3)..<(i + 14)]) == Array("NETSCAPE2.0".utf8) {
                    loops = true
                }
                i += 2
                while gif[i] != 0 { i += Int(gif[i]) + 1 }
                i += 1
            case 0x2C:
                frames.append([u16(i + 1), u16(i + 3), u16(i + 5), u16(i + 7)])
                i += 10
                i += 1  // minimum code size
                while gif[i] != 0 { i += Int(gif[i]) + 1 }
                i += 1
            case 0x3B:
                return (width, height, frames, delays, loops)
            default:
                return nil
            }
        }
        return nil
    }

    @Test("the sliding GIF of the 5×5 / 3×3 / stride 2 layer: 4 frames, looping, the delay asked")
    func slidingGIF() throws {
        let model = try SlidingModel(ConvolutionSpec.input5x5Kernel3x3Stride2.validated())
        let picture = SlidingPicture.picture(model)
        let gif = GIFWriter.gif(picture, frameMilliseconds: 500)
        let s = try #require(Self.structure(gif))
        #expect(s.frames.count == 4)
        #expect(s.delays == [50, 50, 50, 50])
        #expect(s.loops)
        #expect(s.width == Int((picture.width * 2).rounded(.up)))
        #expect(s.frames[0] == [0, 0, s.width, s.height])
        for frame in s.frames {
            #expect(frame[0] + frame[2] <= s.width && frame[1] + frame[3] <= s.height)
        }
    }

    @Test("a 28×28 input and a 5×5 kernel: 576 frames in at most 2 MB")
    func largeGIF() throws {
        let conv = try ConvolutionSpec(inputSize: [28, 28], kernelSize: [5, 5]).validated()
        let gif = GIFWriter.gif(
            SlidingPicture.picture(try SlidingModel(conv)), frameMilliseconds: 100)
        let s = try #require(Self.structure(gif))
        #expect(s.frames.count == 576)
        #expect(gif.count <= 2_000_000)
    }
}
