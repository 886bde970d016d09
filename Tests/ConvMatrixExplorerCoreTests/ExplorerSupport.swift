import ConvMatrixCommandLine
import ConvMatrixExplorerCore
import Foundation

/// The explorer's answer read back from its words, the way the page reads it.
struct DecodedAnswer {
    var errorLine: String?
    var transposed = false
    var rows = 0
    var columns = 0
    var tapCount = 0
    var axes: [[Int]] = []
    var sameSizes: [[(Int, Int)]] = []
    /// (row, column) → taps, in stored order.
    var entries: [Pair: [Int]] = [:]
    var outputTerms: [Int] = []
    var inputTerms: [Int] = []
    /// Whether the decoder read exactly the number of words the answer announced.
    var readAllWords = false

    struct Pair: Hashable { let row: Int, column: Int }
}

/// Calls the C ABI exactly as the page does: a request of length-prefixed UTF-8 name and value
/// strings in memory from `convmatrix_alloc`, an answer freed with `convmatrix_free`.
func callExplorer(_ pairs: [(String, String)]) -> DecodedAnswer {
    var request: [UInt8] = []
    for (name, value) in pairs {
        for text in [name, value] {
            let bytes = Array(text.utf8)
            for b in 0..<4 { request.append(UInt8(truncatingIfNeeded: bytes.count >> (8 * b))) }
            request += bytes
        }
    }
    let buffer = convmatrixAlloc(Int32(request.count))!
    buffer.copyMemory(from: request, byteCount: request.count)
    let answer = convmatrixExplore(
        buffer.assumingMemoryBound(to: UInt8.self), Int32(request.count))!
    convmatrixFree(buffer)
    defer { convmatrixFree(UnsafeMutableRawPointer(answer)) }
    return decode(answer)
}

func decode(_ words: UnsafeMutablePointer<Int32>) -> DecodedAnswer {
    var result = DecodedAnswer()
    if words[0] == 0 {
        let length = Int(words[1])
        let bytes = UnsafeRawPointer(words + 2).assumingMemoryBound(to: UInt8.self)
        result.errorLine = String(
            decoding: UnsafeBufferPointer(start: bytes, count: length), as: UTF8.self)
        return result
    }
    var i = 2
    func next() -> Int {
        defer { i += 1 }
        return Int(words[i])
    }
    result.transposed = next() == 1
    let rank = next()
    for _ in 0..<7 { _ = next() }  // channels, groups, mode, orientation, weight axes
    result.rows = next()
    result.columns = next()
    result.tapCount = next()
    let stored = next()
    for _ in 0..<rank {
        result.axes.append((0..<8).map { _ in next() })
        let count = next()
        result.sameSizes.append((0..<count).map { _ in (next(), next()) })
    }
    let rowStart = (0...result.rows).map { _ in next() }
    let columns = (0..<stored).map { _ in next() }
    let taps = (0..<stored).map { _ in next() }
    for r in 0..<result.rows {
        for e in rowStart[r]..<rowStart[r + 1] {
            result.entries[.init(row: r, column: columns[e]), default: []].append(taps[e])
        }
    }
    result.outputTerms = (0..<result.rows).map { _ in next() }
    result.inputTerms = (0..<result.columns).map { _ in next() }
    result.readAllWords = i == Int(words[1])
    return result
}

/// Runs `convmatrix` in-process.
func runTool(_ arguments: [String]) -> (code: Int32, output: String, errors: String) {
    var output = ""
    var errors = ""
    let code = ConvMatrixTool.run(arguments, output: &output, errors: &errors)
    return (code, output, errors)
}

/// The command line of `pairs` for `command`: `--name value`, switches without a value.
func commandLine(_ command: String, _ pairs: [(String, String)]) -> [String] {
    var arguments = [command]
    for (name, value) in pairs {
        if name == "transposed" || name == "flip" || name == "average-pool" {
            if value == "1" { arguments.append("--" + name) }
        } else {
            arguments += ["--" + name, value]
        }
    }
    return arguments
}

/// The entries of the CLI's JSON export: (row, column) → taps.
func cliEntries(_ json: String) throws -> (
    rows: Int, columns: Int, entries: [DecodedAnswer.Pair: [Int]]
) {
    let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
    let shape = object?["shape"] as? [Int] ?? []
    var entries: [DecodedAnswer.Pair: [Int]] = [:]
    for case let entry as [String: Any] in object?["entries"] as? [Any] ?? [] {
        let row = entry["row"] as? Int ?? -1
        let column = entry["column"] as? Int ?? -1
        entries[.init(row: row, column: column)] = entry["taps"] as? [Int] ?? []
    }
    return (shape.first ?? -1, shape.last ?? -1, entries)
}

/// A small deterministic generator (SplitMix64).
struct Generator: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Random layers as flag pairs: ranks 1 and 2, every padding form and mode, channels and
/// groups, true convolution, and transposed layers with output padding. Some are invalid on
/// purpose (kernels that don't fit, reflect padding too large, output padding too large).
enum RandomLayers {
    static func forward(using g: inout Generator) -> [(String, String)] {
        let rank = Int.random(in: 1...2, using: &g)
        func axes(_ range: ClosedRange<Int>) -> String {
            (0..<rank).map { _ in String(Int.random(in: range, using: &g)) }.joined(separator: "x")
        }
        var pairs = [("input", axes(1...9)), ("kernel", axes(1...4))]
        if Bool.random(using: &g) { pairs.append(("stride", axes(1...3))) }
        switch Int.random(in: 0..<6, using: &g) {
        case 0: pairs.append(("padding", axes(0...2)))
        case 1:
            pairs.append(
                (
                    "padding",
                    (0..<rank).map { _ in
                        "\(Int.random(in: 0...2, using: &g)):\(Int.random(in: 0...2, using: &g))"
                    }.joined(separator: "x")
                ))
        case 2: pairs.append(("padding", ["valid", "same", "full"].randomElement(using: &g)!))
        default: break
        }
        if Int.random(in: 0..<3, using: &g) == 0 { pairs.append(("dilation", axes(1...2))) }
        if Bool.random(using: &g) {
            pairs.append(
                (
                    "padding-mode",
                    ["zeros", "reflect", "replicate", "circular"].randomElement(using: &g)!
                ))
        }
        channels(&pairs, using: &g)
        if Int.random(in: 0..<4, using: &g) == 0 { pairs.append(("flip", "1")) }
        return pairs
    }

    static func transposed(using g: inout Generator) -> [(String, String)] {
        let rank = Int.random(in: 1...2, using: &g)
        func axes(_ range: ClosedRange<Int>) -> String {
            (0..<rank).map { _ in String(Int.random(in: range, using: &g)) }.joined(separator: "x")
        }
        var pairs = [("input", axes(1...5)), ("kernel", axes(1...4)), ("stride", axes(1...3))]
        if Bool.random(using: &g) { pairs.append(("padding", axes(0...2))) }
        if Bool.random(using: &g) { pairs.append(("dilation", axes(1...2))) }
        if Bool.random(using: &g) { pairs.append(("output-padding", axes(0...2))) }
        channels(&pairs, using: &g)
        pairs.append(("transposed", "1"))
        return pairs
    }

    private static func channels(_ pairs: inout [(String, String)], using g: inout Generator) {
        guard Int.random(in: 0..<3, using: &g) == 0 else { return }
        let groups = [1, 2].randomElement(using: &g)!
        pairs.append(("in-channels", String(groups * Int.random(in: 1...2, using: &g))))
        pairs.append(("out-channels", String(groups * Int.random(in: 1...2, using: &g))))
        pairs.append(("groups", String(groups)))
    }
}
