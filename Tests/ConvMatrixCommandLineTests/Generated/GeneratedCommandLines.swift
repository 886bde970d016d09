import ConvMatrixNumeric

@testable import ConvMatrixCommandLine

/// A few thousand command lines made deterministically from every command and every option it
/// declares: each option with values of its kind (good, malformed, empty, negative, near 2³¹ and
/// 2⁶³, unicode), written `--flag value` or `--flag=value`; every padding word × padding mode ×
/// stride on inputs and kernels of disagreeing ranks; and random mixtures of all of them.
///
/// The options come from the commands themselves (`ConvMatrixTool.commands`), so a new command or
/// option is covered without editing this file.
struct GeneratedCommandLines {
    /// Values for axis lists: sizes, strides, dilations, output paddings.
    static let axisLists = [
        "1", "2", "3", "5", "0", "-1", "-0", "+2", "3x3", "2x3", "2x2x2", "1x1x1x1", "5x", "x5",
        "x", "", "3x3x", "3×3", "3X3", "x×X", "2147483647", "2147483646", "2147483648",
        "46341", "46341x46341", "65536x65536", "1x2147483647", "9223372036854775807",
        "9223372036854775808", "-9223372036854775808", "99999999999999999999", "３", "٣",
        "1e3", " 3", "3 ", "0x0", "1:1", "3.0", "0x3", "3\n3", "𝟛",
    ]

    /// Values for `--padding`: words, per-axis amounts, `before:after` pairs and malformed ones.
    static let paddings = [
        "valid", "same", "full", "SAME", "Full", "0", "1", "2", "3", "1x0", "0:1", "1:0x0:1",
        "0:1x1:0x1:1", "1:2:3", ":", "1:", ":1", "-1", "0:-1", "sane", "", "x", "2147483647",
        "2147483648", "1073741824", "9223372036854775807", "1:2147483647", "valid:1", "ｓａｍｅ",
        "1x1x1x1",
    ]

    /// Values for single integers: channels, groups, seeds, budgets of cells, rows and terms.
    static let integers = [
        "1", "2", "3", "4", "6", "0", "-1", "", "2x2", "2147483647", "2147483648",
        "9223372036854775807", "9223372036854775808", "-9223372036854775808", "1e3", "٣", "+3",
    ]

    /// Values for `--max-memory`.
    static let byteCounts = [
        "1", "1B", "100kB", "1MB", "64MB", "4GB", "2GiB", "0", "-1", "", "MB", "1.5GB",
        "9223372036854775807", "9999999999GB", "1TB", "１MB",
    ]

    /// Values for `--kernel-values` and `--input-values`.
    static let numberLists = [
        "random", "1", "1,2", "1,-2,0.5,1/9", "1/0", "0/0", "nan", "inf", "-inf", "1e400",
        "1e-400", "", ",", "1,,2", "1/9,", "x", "9223372036854775807", "1/9223372036854775807",
        "1,2,3,4,5,6,7,8,9", "0.1,0.2,0.3,0.4,0.5,0.6,0.7,0.8,0.9", "½",
        "1/999999999999999,1,1/999999999999997",
    ]

    /// Values for `--names`.
    static let names = [
        "x,w,y", "I,k,O", "a,b", "a,b,c,d", "", ",,", "α,β,γ", "\\alpha,\\beta,\\gamma",
        "\\frac,k,O", "x_1,w,y", "{,},$", "I,I,I", "<script>,k,O", "x w y",
    ]

    /// Values for options naming a file to write: `{scratch}` is replaced by the test's scratch
    /// directory, so nothing is written elsewhere.
    static let files = [
        "{scratch}/page.html", "{scratch}/missing/dir/page.html", "", "/", "/dev/full",
        "{scratch}", "{scratch}/two words.html",
    ]

    /// Values of no particular kind, for options this generator does not know.
    static let anything = [
        "", "1", "-1", "x", "0", "2147483648", "yes", "--", "=", "\u{301}", "🙂", "a=b",
        String(repeating: "9", count: 400),
    ]

    /// Layers that validation accepts (or nearly), with values near `2³¹ − 1`.
    static let bigLayers: [[String]] = [
        ["--input", "2147483647", "--kernel", "1", "--stride", "2147483647"],
        ["--input", "2147483647", "--kernel", "2147483647"],
        ["--input", "2147483647", "--kernel", "3"],
        ["--input", "1x2147483647", "--kernel", "1", "--stride", "1x2147483647"],
        ["--input", "46341x46341", "--kernel", "46341"],
        ["--input", "5", "--kernel", "3", "--in-channels", "2147483647"],
        ["--input", "5", "--kernel", "3", "--out-channels", "2147483647"],
        [
            "--input", "1", "--kernel", "1", "--in-channels", "2147483647", "--out-channels",
            "2147483647", "--groups", "2147483647",
        ],
        ["--input", "3", "--kernel", "2", "--padding", "2147483647"],
        ["--input", "3", "--kernel", "2", "--padding", "2147483647", "--stride", "2147483647"],
        ["--input", "3", "--kernel", "2", "--padding", "0:2147483647", "--padding-mode", "zeros"],
        ["--input", "3", "--kernel", "3", "--dilation", "1073741823", "--padding", "full"],
        ["--input", "4x4", "--kernel", "3", "--padding", "same", "--dilation", "1073741823"],
        [
            "--input", "2147483647", "--kernel", "3", "--padding", "same", "--padding-mode",
            "circular",
        ],
        [
            "--input", "2", "--kernel", "3", "--stride", "2147483647", "--output-padding",
            "2147483646",
        ],
        ["--input", "65536x65536", "--kernel", "1", "--stride", "65536"],
        ["--input", "3000x3000", "--kernel", "3", "--in-channels", "3", "--out-channels", "64"],
    ]

    /// The values tried for `option`.
    static func values(for option: OptionDefinition) -> [String] {
        guard let valueName = option.valueName else { return [] }
        switch option.name {
        case "input", "kernel", "stride", "dilation", "output-padding": return axisLists
        case "padding": return paddings
        case "max-memory": return byteCounts
        case "kernel-values", "input-values": return numberLists
        case "names": return names
        case "output": return files
        default: break
        }
        if valueName.lowercased().contains("file") || valueName.lowercased().contains("path") {
            return files
        }
        // `<a|b|c>`: its words, their capitalised forms and a stranger.
        let inner = valueName.dropFirst().dropLast()
        if valueName.hasPrefix("<"), inner.contains("|"),
            inner.allSatisfy({ $0.isLetter || $0 == "|" || $0 == "-" })
        {
            let words = inner.split(separator: "|").map(String.init)
            return words + words.map { $0.uppercased() } + ["bogus", "", "\(words[0]) "]
        }
        if ["<n>", "<C>", "<M>", "<g>"].contains(valueName) { return integers }
        return anything
    }

    /// The first flags of every line of `command`: a small valid layer.
    static func base(_ command: any Command) -> [String] {
        let names = Set(command.options.map(\.name))
        var base: [String] = []
        if names.contains("input") {
            base += ["--input", command.name == "transpose" ? "2x2" : "5x5"]
        }
        if names.contains("kernel") { base += ["--kernel", "3x3"] }
        return base
    }

    /// `--name value` or `--name=value`, or the bare switch.
    static func spell(_ option: OptionDefinition, _ value: String?, equals: Bool) -> [String] {
        guard let value else { return ["--\(option.name)"] }
        return equals ? ["--\(option.name)=\(value)"] : ["--\(option.name)", value]
    }

    /// Every generated line, `[command] + flags`.
    static func all() -> [[String]] {
        var rng = SplitMix64(seed: 0xC0_4F_3A_71)
        var lines: [[String]] = []
        for command in ConvMatrixTool.commands {
            let base = base(command)
            let options = command.options
            // 1. Each option alone on the valid layer, with a sample of the values of its kind.
            for option in options {
                let pool = values(for: option)
                if pool.isEmpty {
                    lines.append([command.name] + base + spell(option, nil, equals: false))
                    lines.append([command.name] + base + ["--\(option.name)=1"])
                    continue
                }
                var shuffled = pool
                shuffled.shuffle(using: &rng)
                let replacesBase = option.name == "input" || option.name == "kernel"
                for value in shuffled.prefix(7) {
                    var flags = base
                    if replacesBase, let at = flags.firstIndex(of: "--\(option.name)") {
                        flags.removeSubrange(at...(at + 1))
                    }
                    lines.append(
                        [command.name] + flags
                            + spell(option, value, equals: Bool.random(using: &rng)))
                }
            }
            // 2. Padding word × padding mode × stride, one kernel size or one per axis, on
            // inputs of one to three axes.
            let names = Set(options.map(\.name))
            if names.contains("padding") {
                let words = ["valid", "same", "full", "1", "0:1"]
                let modes = names.contains("padding-mode") ? PaddingModeNames.all : [nil]
                let strides = ["1", "2", "1x2"]
                let layers = [
                    ("5x7", "5"), ("5x7", "3x2"), ("4", "3"), ("3x3x3", "2"), ("5x5", "3x3x3"),
                    ("6x6", "7"), ("2x9", "3"),
                ]
                var combos: [[String]] = []
                for word in words {
                    for mode in modes {
                        for stride in strides {
                            let (input, kernel) = layers.randomElement(using: &rng)!
                            var line = [
                                command.name, "--input", input, "--kernel", kernel, "--padding",
                                word, "--stride", stride,
                            ]
                            if let mode { line += ["--padding-mode", mode] }
                            if names.contains("same-rule"), Bool.random(using: &rng) {
                                line += ["--same-rule", "tensorflow"]
                            }
                            combos.append(line)
                        }
                    }
                }
                combos.shuffle(using: &rng)
                lines += combos.prefix(36)
            }
            // 3. Valid layers at the limits: sizes, strides, paddings and channels near 2³¹
            // whose output, weights or matrix is tiny, huge, or both.
            for flags in bigLayers {
                let line = [command.name] + flags
                let accepted = flags.enumerated().allSatisfy { index, flag in
                    !flag.hasPrefix("--") || names.contains(String(flag.dropFirst(2)))
                }
                if accepted { lines.append(line) }
            }
            // 4. Random mixtures: a few options at once, any values.
            for _ in 0..<24 {
                var line = [command.name]
                var chosen = options
                chosen.shuffle(using: &rng)
                for option in chosen.prefix(Int.random(in: 1...5, using: &rng)) {
                    let pool = values(for: option)
                    line += spell(
                        option, pool.randomElement(using: &rng),
                        equals: Bool.random(using: &rng))
                }
                if Bool.random(using: &rng) { line.insert(contentsOf: base, at: 1) }
                lines.append(line)
            }
        }
        return lines
    }
}

/// The padding modes' names.
enum PaddingModeNames {
    static let all: [String?] = ["zeros", "reflect", "replicate", "circular"]
}
