import ConvMatrixCore

/// The explorer's answer as 32-bit little-endian words, the form the page reads out of the
/// WebAssembly memory. Every count was bounded by validation (sizes ≤ 2³¹ − 1) and by
/// ``ConvMatrixCore/TapMatrix``'s 32-bit index check, so each value fits in an `Int32`.
///
/// Layout (word offsets), declared by ``ExplorerStatus``, ``ExplorerErrorWord``,
/// ``ExplorerLayerWord`` and ``ExplorerAxisWord``, from which the page's
/// `js/generated/protocol.js` is generated (a test fails when it is stale):
/// - `[0]` status: 1 for a layer, 0 for an error.
/// - error: `[1]` the byte length `L` of the UTF-8 error line, then its bytes from word 2.
/// - layer: the ``ExplorerLayerWord`` header (status, total words, kind, rank, channels, groups,
///   padding mode, orientation, the weight's two channel axes, rows, columns, taps, stored
///   entries `E`); then per axis the ``ExplorerAxisWord`` words (input, kernel, stride,
///   dilation, padding before and after, output padding, output size, the count `S` of
///   same-input output sizes) and `S` pairs (output size, output padding);
///   then the CSR matrix: `rows + 1` row starts, `E` columns, `E` taps;
///   then `rows` output term counts and `columns` input term counts.
public enum ExplorerEncoding {
    /// The words of `model`.
    public static func words(_ model: ExplorerModel) -> [Int32] {
        let m = model.matrix
        let layout = model.layer.kernelLayout
        let mode = PaddingMode.allCases.firstIndex(of: model.layer.paddingMode) ?? 0
        var header = [Int32](repeating: 0, count: ExplorerLayerWord.allCases.count)
        func set(_ word: ExplorerLayerWord, _ value: Int) {
            header[word.rawValue] = Int32(truncatingIfNeeded: value)
        }
        set(.status, Int(ExplorerStatus.layer.rawValue))
        set(.kind, model.layer.isTransposed ? 1 : 0)
        set(.rank, model.axes.count)
        set(.inChannels, model.layer.inputSide.channels)
        set(.outChannels, model.layer.outputSide.channels)
        set(.groups, model.layer.groups)
        set(.paddingMode, mode)
        set(.orientation, model.layer.orientation == .convolution ? 1 : 0)
        set(.outerChannels, layout.outerChannels)
        set(.innerChannels, layout.innerChannels)
        set(.rows, m.rowCount)
        set(.columns, m.columnCount)
        set(.taps, m.tapCount)
        set(.stored, m.columns.count)

        var words = header
        words.reserveCapacity(
            header.count + 16 * model.axes.count + 2 * m.rowCount + 2 * m.columns.count
                + m.columnCount)
        func put(_ value: Int) { words.append(Int32(truncatingIfNeeded: value)) }
        for (axis, sameInputSizes) in zip(model.axes, model.sameInputSizes) {
            var axisWords = [Int32](repeating: 0, count: ExplorerAxisWord.allCases.count)
            func set(_ word: ExplorerAxisWord, _ value: Int) {
                axisWords[word.rawValue] = Int32(truncatingIfNeeded: value)
            }
            set(.inputSize, axis.inputSize)
            set(.kernelSize, axis.kernelSize)
            set(.stride, axis.stride)
            set(.dilation, axis.dilation)
            set(.paddingBefore, axis.padding.before)
            set(.paddingAfter, axis.padding.after)
            set(.outputPadding, axis.outputPadding)
            set(.outputSize, axis.outputSize)
            set(.sameInputSizeCount, sameInputSizes.count)
            words.append(contentsOf: axisWords)
            for size in sameInputSizes {
                put(size.outputSize)
                put(size.outputPadding)
            }
        }
        for start in m.rowStart { put(start) }
        words.append(contentsOf: m.columns)
        words.append(contentsOf: m.taps)
        for count in model.outputTermCounts { put(count) }
        for count in model.inputTermCounts { put(count) }
        words[ExplorerLayerWord.total.rawValue] = Int32(truncatingIfNeeded: words.count)
        return words
    }

    /// The words of `error`: status 0, the byte length, the UTF-8 bytes packed four to a word.
    public static func words(_ error: ExplorerError) -> [Int32] {
        let bytes = Array(error.line.utf8)
        var words = [Int32](repeating: 0, count: ExplorerErrorWord.allCases.count)
        words[ExplorerErrorWord.status.rawValue] = ExplorerStatus.error.rawValue
        words[ExplorerErrorWord.byteCount.rawValue] = Int32(truncatingIfNeeded: bytes.count)
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
