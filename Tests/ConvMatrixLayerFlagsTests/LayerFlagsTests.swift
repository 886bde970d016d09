import ConvMatrixCore
import ConvMatrixTestSupport
import Testing

@testable import ConvMatrixLayerFlags

/// The interpreter of layer flags: the command line's names and values in, a validated
/// layer or one error naming the flag and the rule out.
@Suite("Layer flags")
struct LayerFlagsTests {
    /// Flags from `key=value&key&…` (a switch without `=`).
    static func flags(_ text: String) throws(LayerFlagError) -> LayerFlags {
        var pairs: [(name: String, value: String?)] = []
        for part in text.split(separator: "&") {
            if let equals = part.firstIndex(of: "=") {
                pairs.append(
                    (String(part[..<equals]), String(part[part.index(after: equals)...])))
            } else {
                pairs.append((String(part), nil))
            }
        }
        return try LayerFlags(pairs)
    }

    static func message(_ text: String, transposed: Bool = false) -> String? {
        do {
            let flags = try flags(text)
            _ = try transposed ? .transposed(flags.transposedConvolution()) : flags.layer()
            return nil
        } catch {
            return error.message
        }
    }

    @Test("the flags of the worked example give its convolution")
    func workedExample() throws {
        let conv = try Self.flags("input=5x5&kernel=3x3&stride=2").convolution()
        #expect(conv == (try ConvolutionSpec.input5x5Kernel3x3Stride2.validated()))
        #expect(conv.outputExtents.sizes == [2, 2])
    }

    /// One kernel size (or stride, dilation) on a 2-D or 3-D input with every padding word: the
    /// words read per-axis kernel sizes, which exist only after broadcasting.
    @Test(
        "a single value is broadcast to every axis before any padding word reads it",
        arguments: ["same", "full", "valid", "SAME", "Full"], ["5x7", "9x5x6", "7"])
    func broadcastBeforePaddingWords(word: String, input: String) throws {
        let flags = try Self.flags(
            "input=\(input)&kernel=3&stride=1&dilation=2&padding=\(word)&padding-mode=zeros")
        let conv = try flags.convolution()
        let rank = input.split(separator: "x").count
        #expect(conv.rank == rank)
        #expect(conv.axes.allSatisfy { $0.kernelSize == 3 && $0.dilation == 2 })
        switch word.lowercased() {
        case "same": #expect(conv.outputExtents == conv.inputExtents)
        case "full": #expect(conv.axes.allSatisfy { $0.padding == AxisPadding(4) })
        default: #expect(conv.axes.allSatisfy { $0.padding == AxisPadding(0) })
        }
    }

    @Test("the crash class of the issue: 5x7 input, kernel 5, same or full, under every mode")
    func crashClass() throws {
        for word in ["same", "full"] {
            for mode in PaddingMode.allCases {
                for stride in ["1", "2", "1x3"] {
                    let text =
                        "input=5x7&kernel=5&padding=\(word)&padding-mode=\(mode.rawValue)&stride=\(stride)&same-rule=tensorflow"
                    // Valid or refused with one line; never a trap.
                    if let message = Self.message(text) {
                        #expect(!message.contains("\n"))
                        #expect(message.hasPrefix("--"))
                    }
                }
            }
        }
    }

    static let refused: [(flags: String, message: String)] = [
        ("kernel=3", "--input: is required, for example --input 5x5"),
        ("input=5", "--kernel: is required, for example --kernel 3x3"),
        ("input=&kernel=3", "--input: expected a value such as 3 or 3x3, got nothing"),
        ("input=5x&kernel=3", "--input: expected numbers separated by x (such as 3x3), got '5x'"),
        ("input=x5&kernel=3", "--input: expected numbers separated by x (such as 3x3), got 'x5'"),
        (
            "input=5××5&kernel=3",
            "--input: expected numbers separated by x (such as 3x3), got '5××5'"
        ),
        ("input=axb&kernel=3", "--input: expected whole numbers separated by x, got 'axb'"),
        ("input=5x5&kernel=3.0", "--kernel: expected whole numbers separated by x, got '3.0'"),
        ("input=5x5&kernel=٣", "--kernel: expected whole numbers separated by x, got '٣'"),
        ("input=5x5&kernel= 3", "--kernel: expected whole numbers separated by x, got ' 3'"),
        ("input=5x5&kernel=--3", "--kernel: expected whole numbers separated by x, got '--3'"),
        (
            "input=99999999999999999999&kernel=3",
            "--input: 99999999999999999999 is too large (the largest is 2147483647)"
        ),
        ("input=2147483648&kernel=3", "--input: must be ≤ 2147483647, got 2147483648"),
        (
            "input=9223372036854775807&kernel=3",
            "--input: must be ≤ 2147483647, got 9223372036854775807"
        ),
        (
            "input=5&kernel=3&stride=-9223372036854775809",
            "--stride: -9223372036854775809 is too far below zero"
        ),
        (
            "input=5&kernel=3&stride=-9223372036854775808",
            "--stride: must be ≥ 1, got -9223372036854775808"
        ),
        ("input=0x5&kernel=3", "--input: must be ≥ 1, got 0 for the rows"),
        (
            "input=5x5&kernel=3x3x3",
            "--kernel: has 3 axes but the input has 2; both need the same number"
        ),
        (
            "input=5x5&kernel=3&stride=1x1x1",
            "--stride: has 3 axes but the input has 2; give one value or 2"
        ),
        (
            "input=5x5&kernel=3&dilation=1x1x1",
            "--dilation: has 3 axes but the input has 2; give one value or 2"
        ),
        (
            "input=5x5&kernel=3&padding=1x1x1",
            "--padding: has 3 axes but the input has 2; give one value or 2"
        ),
        (
            "input=5x5&kernel=3&padding=1:2:3",
            "--padding: expected p or before:after per axis, got '1:2:3' in '1:2:3'"
        ),
        (
            "input=5x5&kernel=3&padding=1:",
            "--padding: expected whole numbers separated by x, got '1:'"
        ),
        (
            "input=5x5&kernel=3&padding=sane",
            "--padding: expected whole numbers separated by x, got 'sane'"
        ),
        ("input=5x5&kernel=3&padding=0:-1", "--padding: must be ≥ 0, got -1"),
        ("input=5x5&kernel=3&stride=0", "--stride: must be ≥ 1, got 0"),
        ("input=5x5&kernel=3&in-channels=0", "--in-channels: must be ≥ 1, got 0"),
        (
            "input=5x5&kernel=3&in-channels=2x2",
            "--in-channels: expected whole numbers separated by x, got '2x2'"
        ),
        (
            "input=5x5&kernel=3&in-channels=4&groups=3",
            "--groups: must divide the input channels (4), got 3"
        ),
        (
            "input=5x5&kernel=3&padding-mode=mirror",
            "--padding-mode: expected <zeros|reflect|replicate|circular>, got 'mirror'"
        ),
        (
            "input=5x5&kernel=3&same-rule=keras",
            "--same-rule: expected <pytorch|tensorflow>, got 'keras'"
        ),
        (
            "input=5x5&kernel=3&flip=maybe",
            "--flip: is a switch: expected 1 or 0 (or nothing), got 'maybe'"
        ),
        (
            "input=5x5&kernel=3&output-padding=1",
            "--output-padding: belongs to a transposed convolution: add --transposed, and the flags describe the transposed layer itself (its own --input)"
        ),
        (
            "input=5x5&kernel=3&average-pool&out-channels=2",
            "--out-channels: does not go with --average-pool, which pools each input channel alone"
        ),
        (
            "input=2&kernel=3&transposed=1&padding-mode=reflect",
            "--padding-mode: a transposed convolution only pads with zeros (PyTorch's ConvTranspose)"
        ),
        (
            "input=2&kernel=3&transposed&same-rule=tensorflow",
            "--same-rule: a transposed convolution takes padding amounts, so there is no 'same' rule"
        ),
        (
            "input=2&kernel=3&transposed&padding=same",
            "--padding: a transposed convolution takes padding amounts, got 'same' (PyTorch's ConvTranspose has no padding words)"
        ),
        (
            "input=2&kernel=3&transposed&output-padding=1",
            "--output-padding: must be smaller than the stride (1) or the dilation (1), got 1"
        ),
        (
            "input=2x2&kernel=3&transposed&output-padding=1x1x1",
            "--output-padding: has 3 axes but the input has 2; give one value or 2"
        ),
        (
            "input=2x2&kernel=3&transposed&output-padding=-1",
            "--output-padding: must be ≥ 0, got -1"
        ),
        ("input=5&kernel=3&stride", "--stride: expects a value"),
        (
            "input=5&kernel=3&strides=2",
            "--strides: is not a layer flag (the layer flags are input, kernel, stride, padding, dilation, in-channels, out-channels, groups, padding-mode, same-rule, flip, average-pool, transposed, output-padding)"
        ),
    ]

    @Test(
        "bad flags are refused with one line naming the flag and the rule",
        arguments: refused.indices)
    func refusedFlags(index: Int) {
        let (flags, expected) = Self.refused[index]
        #expect(Self.message(flags) == expected)
    }

    @Test("the first error does not depend on the order the flags were given in")
    func orderIndependent() {
        let parts = ["input=0x5", "kernel=3x", "stride=0", "padding=-1", "groups=0"]
        let forward = Self.message(parts.joined(separator: "&"))
        let backward = Self.message(parts.reversed().joined(separator: "&"))
        // Values are read before the layer is validated: the malformed kernel comes first.
        #expect(forward == "--kernel: expected numbers separated by x (such as 3x3), got '3x'")
        #expect(forward == backward)
    }

    @Test("a later pair replaces an earlier one; a switch turns off with 0")
    func laterPairsWin() throws {
        let flags = try Self.flags(
            "input=3&kernel=3&input=5&flip&flip=0&transposed=yes&transposed=off")
        #expect(flags.text(.input) == "5")
        #expect(!flags.has(.flip))
        #expect(!flags.has(.transposed))
        let conv = try flags.convolution()
        #expect(conv.orientation == .crossCorrelation)
        #expect(conv.inputExtents.sizes == [5])
    }

    @Test("transposed-layer is the command line's spelling of transposed")
    func transposedSpelling() throws {
        #expect(LayerFlag(named: "transposed-layer") == .transposed)
        #expect(LayerFlag(named: "transposed") == .transposed)
        #expect(LayerFlag(named: "Input") == nil)
        for flag in LayerFlag.allCases { #expect(LayerFlag(named: flag.rawValue) == flag) }
    }

    @Test(
        "the explorer's example fragment gives PyTorch's ConvTranspose2d(k=3, s=2, p=1, output_padding=1)"
    )
    func explorerExample() throws {
        let flags = try Self.flags(
            "input=5x5&kernel=3x3&stride=2&padding=1&dilation=1&padding-mode=zeros&in-channels=1&out-channels=1&groups=1&transposed=1&output-padding=1"
        )
        guard case .transposed(let layer) = try flags.layer() else {
            Issue.record("expected a transposed layer")
            return
        }
        // n = (m − 1)·s − 2p + d·(k − 1) + a + 1 = 8 − 2 + 2 + 1 + 1 = 10.
        #expect(layer.outputExtents.sizes == [10, 10])
        #expect(layer.axes.allSatisfy { $0.outputPadding == 1 })
    }

    @Test("average pooling: channels pooled alone, stride = kernel unless given")
    func averagePool() throws {
        let pooled = try Self.flags("input=4x4&kernel=2&in-channels=3&average-pool").convolution()
        #expect(pooled.outChannels == 3 && pooled.groups == 3)
        #expect(pooled.axes.allSatisfy { $0.stride == 2 })
        let strided = try Self.flags("input=4x4&kernel=2&stride=1&average-pool").convolution()
        #expect(strided.outputExtents.sizes == [3, 3])
    }

    @Test("the transpose of a forward layer exists for zeros padding only")
    func transposeOfConvolution() throws {
        let layer = try Self.flags("input=5x5&kernel=3&stride=2&padding=1").transposeOfConvolution()
        #expect(layer.outputExtents.sizes == [5, 5])
        #expect(layer.inputExtents.sizes == [3, 3])
        #expect(throws: LayerFlagError(.paddingMode, .noTransposedCounterpart(.reflect))) {
            try Self.flags("input=5&kernel=3&padding=1&padding-mode=reflect")
                .transposeOfConvolution()
        }
    }

    /// Writes a convolution back as flags, every list in full or as one value.
    static func text(of conv: Convolution, compact: Bool) -> String {
        func list(_ values: [Int]) -> String {
            compact && Set(values).count == 1
                ? "\(values[0])" : values.map(String.init).joined(separator: "x")
        }
        let paddings = conv.axes.map(\.padding)
        let padding =
            compact && Set(paddings).count == 1
            ? "\(paddings[0].before):\(paddings[0].after)"
            : paddings.map { "\($0.before):\($0.after)" }.joined(separator: "×")
        var parts = [
            "input=\(conv.inputExtents.sizes.map(String.init).joined(separator: "x"))",
            "kernel=\(list(conv.kernelExtents.sizes))",
            "stride=\(list(conv.axes.map(\.stride)))", "padding=\(padding)",
            "dilation=\(list(conv.axes.map(\.dilation)))", "in-channels=\(conv.inChannels)",
            "out-channels=\(conv.outChannels)", "groups=\(conv.groups)",
            "padding-mode=\(conv.paddingMode.rawValue)",
        ]
        if conv.orientation == .convolution { parts.append("flip") }
        return parts.joined(separator: "&")
    }

    @Test(
        "for 400 random layers, flags written back give the same layer, lists in full or as one value"
    )
    func roundTrip() throws {
        var rng = SeededGenerator(seed: 0x1a7e_f1a9)
        for _ in 0..<400 {
            let conv = RandomSpecs.convolution(using: &rng)
            for compact in [false, true] {
                let text = Self.text(of: conv, compact: compact)
                let parsed: Convolution
                do {
                    parsed = try Self.flags(text).convolution()
                } catch {
                    Issue.record("\(text): \(error)")
                    continue
                }
                #expect(parsed.axes == conv.axes, "\(text)")
                #expect(parsed.spec == conv.spec, "\(text)")
            }
        }
    }

    @Test(
        "for random layers and padding words, a one-value kernel equals the kernel written per axis"
    )
    func oneValueEqualsPerAxis() throws {
        var rng = SeededGenerator(seed: 77)
        for _ in 0..<300 {
            let rank = Int.random(in: 1...3, using: &rng)
            let k = Int.random(in: 1...4, using: &rng)
            let d = Int.random(in: 1...2, using: &rng)
            let input = (0..<rank).map { _ in String(Int.random(in: 1...9, using: &rng)) }
                .joined(separator: "x")
            let word = ["same", "full", "valid"].randomElement(using: &rng)!
            let mode = PaddingMode.allCases.randomElement(using: &rng)!.rawValue
            let common = "input=\(input)&dilation=\(d)&padding=\(word)&padding-mode=\(mode)"
            let one = Self.message(common + "&kernel=\(k)")
            let perAxis = Self.message(
                common + "&kernel=" + Array(repeating: "\(k)", count: rank).joined(separator: "x"))
            #expect(one == perAxis, "\(common) kernel \(k)")
            if one == nil {
                #expect(
                    try Self.flags(common + "&kernel=\(k)").convolution()
                        == Self.flags(
                            common + "&kernel="
                                + Array(repeating: "\(k)", count: rank).joined(separator: "x")
                        ).convolution())
            }
        }
    }
}

/// The value parser under the layer flags.
@Suite("Flag values")
struct FlagValuesTests {
    @Test(
        "axis lists",
        arguments: [
            ("5", [5]), ("5x7", [5, 7]), ("5X7", [5, 7]), ("5×7×2", [5, 7, 2]), ("+3", [3]),
            ("-3", [-3]), ("007", [7]),
        ])
    func lists(text: String, values: [Int]) throws {
        #expect(try FlagValues.integers(text) == values)
    }

    @Test("paddings and words")
    func paddings() throws {
        #expect(try FlagValues.padding("VALID") == .valid)
        #expect(try FlagValues.padding("same") == .same)
        #expect(try FlagValues.padding("Full") == .full)
        #expect(
            try FlagValues.padding("0:1x2")
                == .explicit([AxisPadding(before: 0, after: 1), AxisPadding(2)]))
    }

    @Test("integers at the edges of Int")
    func edges() throws {
        #expect(try FlagValues.integer("9223372036854775807") == Int.max)
        #expect(try FlagValues.integer("-9223372036854775808") == Int.min)
        #expect(throws: FlagValueError.tooLarge("9223372036854775808", largest: Int.max)) {
            try FlagValues.integer("9223372036854775808", largest: Int.max)
        }
        #expect(throws: FlagValueError.empty) { try FlagValues.integer("") }
        #expect(throws: FlagValueError.notWholeNumbers("1e3")) { try FlagValues.integer("1e3") }
    }
}
