import ConvMatrixCore

/// The explorer's answer as 32-bit little-endian words, the form the page reads out of the
/// WebAssembly memory. Every count was bounded by validation (sizes ≤ 2³¹ − 1) and by
/// ``TapMatrix``'s 32-bit index check, so each value fits in an `Int32`.
///
/// Layout (word offsets):
/// - `[0]` status: 1 for a layer, 0 for an error.
/// - error: `[1]` the byte length `L` of the UTF-8 error line, then its bytes from word 2.
/// - layer: `[1]` the total number of words; `[2]` kind (0 convolution, 1 transposed);
///   `[3]` rank; `[4]` input channels; `[5]` output channels; `[6]` groups; `[7]` padding mode
///   (0 zeros, 1 reflect, 2 replicate, 3 circular); `[8]` orientation (0 cross-correlation,
///   1 convolution); `[9]`, `[10]` the weight's two channel axes; `[11]` rows (outputs);
///   `[12]` columns (inputs); `[13]` taps; `[14]` stored entries `E`;
///   then per axis: input, kernel, stride, dilation, padding before, padding after, output
///   padding, output size, the count `S` of same-input output sizes and `S` pairs
///   (output size, output padding);
///   then the CSR matrix: `rows + 1` row starts, `E` columns, `E` taps;
///   then `rows` output term counts and `columns` input term counts.
public enum ExplorerEncoding {
    /// The words of `model`.
    public static func words(_ model: ExplorerModel) -> [Int32] {
        let m = model.matrix
        var words: [Int32] = []
        words.reserveCapacity(32 + 2 * m.rowCount + 2 * m.columns.count + m.columnCount)
        func put(_ value: Int) { words.append(Int32(truncatingIfNeeded: value)) }
        let layout = model.layer.kernelLayout
        let (inChannels, _) = model.layer.input
        let (outChannels, _) = model.layer.output
        var mode = 0
        var orientation = KernelOrientation.crossCorrelation
        switch model.layer {
        case .forward(let conv):
            mode = PaddingMode.allCases.firstIndex(of: conv.paddingMode) ?? 0
            orientation = conv.orientation
        case .transposed(let layer):
            orientation = layer.orientation
        }
        put(1)
        put(0)  // total, patched below
        put(model.layer.isTransposed ? 1 : 0)
        put(model.axes.count)
        put(inChannels)
        put(outChannels)
        put(model.layer.groups)
        put(mode)
        put(orientation == .convolution ? 1 : 0)
        put(layout.outerChannels)
        put(layout.innerChannels)
        put(m.rowCount)
        put(m.columnCount)
        put(m.tapCount)
        put(m.columns.count)
        for axis in model.axes {
            put(axis.inputSize)
            put(axis.kernelSize)
            put(axis.stride)
            put(axis.dilation)
            put(axis.padding.before)
            put(axis.padding.after)
            put(axis.outputPadding)
            put(axis.outputSize)
            put(axis.sameInputSizes.count)
            for size in axis.sameInputSizes {
                put(size.outputSize)
                put(size.outputPadding)
            }
        }
        for start in m.rowStart { put(start) }
        words.append(contentsOf: m.columns)
        words.append(contentsOf: m.taps)
        for count in model.outputTermCounts { put(count) }
        for count in model.inputTermCounts { put(count) }
        words[1] = Int32(truncatingIfNeeded: words.count)
        return words
    }

    /// The words of `error`: status 0, the byte length, the UTF-8 bytes packed four to a word.
    public static func words(_ error: ExplorerError) -> [Int32] {
        let bytes = Array(error.line.utf8)
        var words: [Int32] = [0, Int32(truncatingIfNeeded: bytes.count)]
        var index = 0
        while index < bytes.count {
            var word: UInt32 = 0
            for b in 0..<4 where index + b < bytes.count {
                word |= UInt32(bytes[index + b]) << (8 * UInt32(b))
            }
            words.append(Int32(bitPattern: word))
            index += 4
        }
        return words
    }

    /// The answer for the flags of a request: a layer's words or an error's.
    public static func answer(_ flags: ExplorerFlags) -> [Int32] {
        do {
            return words(try ExplorerModel(flags: flags))
        } catch {
            return words(error)
        }
    }

    /// The name–value pairs of a request: for each pair, a 32-bit little-endian byte length and
    /// the UTF-8 bytes of the name, then the same for the value. Returns nil when the bytes end
    /// inside a pair.
    public static func pairs(_ bytes: UnsafeBufferPointer<UInt8>) -> [(
        name: String, value: String
    )]? {
        var pairs: [(name: String, value: String)] = []
        var offset = 0
        func text() -> String? {
            guard bytes.count - offset >= 4 else { return nil }
            var length = 0
            for b in 0..<4 { length |= Int(bytes[offset + b]) << (8 * b) }
            offset += 4
            guard length <= bytes.count - offset else { return nil }
            let slice = UnsafeBufferPointer(rebasing: bytes[offset..<offset + length])
            offset += length
            return String(decoding: slice, as: UTF8.self)
        }
        while offset < bytes.count {
            guard let name = text(), let value = text() else { return nil }
            pairs.append((name, value))
        }
        return pairs
    }
}
