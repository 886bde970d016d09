import Foundation
import Testing

/// `analyze` and `compose` from the command line: the JSON contract and bad input.
@Suite("analyze and compose commands")
struct AnalysisCommandTests {
    /// Bad input: one line naming the layer and the flag, exit 2, nothing on standard output.
    static let badInput: [(arguments: [String], message: String)] = [
        (
            ["compose", "--input", "4", "--layer", "--kernel 3", "--layer", "--kernel 5"],
            "error: --layer 2: --kernel: kernel spans 5 positions but the padded input has 2"
        ),
        (
            [
                "compose", "--input", "8x8", "--layer", "--kernel 3 --out-channels 4", "--layer",
                "--kernel 1 --in-channels 3",
            ],
            "error: --layer 2: --in-channels: must be 4 (the output channels of layer 1), got 3"
        ),
        (
            [
                "compose", "--input", "8", "--in-channels", "2", "--layer",
                "--kernel 3 --in-channels 3",
            ],
            "error: --layer 1: --in-channels: must be 2 (the stack's --in-channels), got 3"
        ),
        (
            [
                "analyze", "--input", "30x30", "--kernel", "3", "--kernel-values", "random",
                "--svd", "--svd-limit", "100",
            ],
            "error: --svd: a dense SVD of the 784×900 matrix needs its smaller side ≤ 100, got 784"
        ),
        (
            ["compose", "--input", "8", "--layer", "--kernel 3 --input 5"],
            "error: --layer 1: --input: is given once for the stack"
        ),
        (
            ["compose", "--input", "8", "--layer", "--kernel 3 --foo 2"],
            "error: --layer 1: unknown option '--foo' in a layer"
        ),
        (["compose", "--input", "8"], "error: --layer: is required at least once"),
        (
            ["compose", "--input", "8", "--layer", "--stride 2"],
            "error: --layer 1: --kernel: is required"
        ),
        (
            ["compose", "--input", "8", "--layer", "--kernel 3 --stride 0"],
            "error: --layer 1: --stride: must be ≥ 1, got 0"
        ),
        (
            ["compose", "--input", "8", "--layer", "--kernel 3 --output-padding 1"],
            "error: --layer 1: --output-padding: belongs to a transposed convolution: add --transposed"
        ),
        (
            [
                "compose", "--input", "3", "--layer",
                "--transposed --kernel 3 --padding-mode reflect",
            ],
            "error: --layer 1: --padding-mode: a transposed convolution only pads with zeros"
        ),
        (
            ["analyze", "--input", "5", "--kernel", "3", "--svd"],
            "error: --svd: needs --kernel-values"
        ),
        (
            ["analyze", "--input", "5", "--kernel", "3", "--output-padding", "1"],
            "error: --output-padding: belongs to a transposed convolution"
        ),
        (
            ["analyze", "--input", "5", "--kernel", "3", "--svd-limit", "0"],
            "error: --svd-limit: must be ≥ 1, got 0"
        ),
        (
            ["analyze", "--input", "5", "--kernel", "7"],
            "error: --kernel: kernel spans 7 positions"
        ),
        (
            ["compose", "--input", "8", "--layer", "--kernel 3", "--letters", "k,k"],
            "error: --letters: expected distinct letters"
        ),
    ]

    @Test("bad input: one line naming the layer and the flag, exit 2", arguments: badInput)
    func bad(_ c: (arguments: [String], message: String)) {
        let run = runTool(c.arguments)
        #expect(run.exitCode == 2)
        #expect(run.output.isEmpty)
        #expect(run.errors.hasPrefix(c.message), "\(run.errors)")
        #expect(run.errors.filter { $0 == "\n" }.count == 1)
    }

    static func json(_ arguments: [String]) throws -> [String: Any] {
        let run = runTool(arguments)
        #expect(run.exitCode == 0, "\(run.errors)")
        return try #require(
            try JSONSerialization.jsonObject(with: Data(run.output.utf8)) as? [String: Any])
    }

    @Test("analyze --format json has the contract's keys")
    func analyzeContract() throws {
        let object = try Self.json([
            "analyze", "--input", "6x6", "--kernel", "3", "--stride", "2", "--kernel-values",
            "random",
            "--format", "json",
        ])
        for key in [
            "rows", "columns", "stored_entries", "fan_in", "fan_out", "unreached_inputs", "overlap",
            "rank",
            "structure", "operator_norm", "singular_values",
        ] {
            #expect(object[key] != nil, "missing \(key)")
        }
        #expect(object["rows"] as? Int == 4)
        #expect(object["columns"] as? Int == 36)
        let fanIn = try #require(object["fan_in"] as? [String: Any])
        #expect(fanIn["min"] as? Int == 9 && fanIn["max"] as? Int == 9)
        #expect((object["unreached_inputs"] as? [Int])?.count == 11)
        let overlap = try #require(object["overlap"] as? [String: Any])
        #expect(overlap["uniform"] as? Bool == false)
        #expect((overlap["counts"] as? [Int])?.count == 36)
        let rank = try #require(object["rank"] as? [String: Any])
        #expect(rank["structural"] as? Int == 4)
        #expect(rank["values"] is Int)
        #expect(object["structure"] as? [String] == ["strided_toeplitz"])
        let values = try #require(object["singular_values"] as? [Double])
        #expect(values == values.sorted(by: >))
        #expect(object["operator_norm"] is Double)
        // Without values: null.
        let bare = try Self.json(["analyze", "--input", "6x6", "--kernel", "3", "--format", "json"])
        #expect(bare["operator_norm"] is NSNull)
        #expect(bare["singular_values"] is NSNull)
        #expect((bare["rank"] as? [String: Any])?["values"] is NSNull)
    }

    @Test("compose --format json has the contract's keys, and the support of every output")
    func composeContract() throws {
        let object = try Self.json([
            "compose", "--input", "8x8", "--layer", "--kernel 3 --stride 2 --padding 1", "--layer",
            "--kernel 3 --padding 1", "--format", "json",
        ])
        #expect(object["input"] as? [Int] == [8, 8])
        #expect(object["output"] as? [Int] == [4, 4])
        #expect(object["receptive_field"] as? [Int] == [7, 7])
        #expect(object["effective_stride"] as? [Int] == [2, 2])
        #expect(object["effective_padding"] as? [Int] == [3, 3])
        let support = try #require(object["support"] as? [[[Int]]])
        #expect(support.count == 16)
        #expect(support[0] == [[0, 3], [0, 3]])
        #expect(support[5] == [[0, 5], [0, 5]])
    }

    @Test("compose prints the composed symbolic matrix with each layer's own letter")
    func composeText() {
        let run = runTool([
            "compose", "--input", "4", "--layer", "--kernel 2", "--layer", "--kernel 2",
        ])
        #expect(run.exitCode == 0)
        #expect(run.output.contains("k₀·w₀"))
        #expect(run.output.contains("k₀·w₁ + k₁·w₀"))
        #expect(run.output.contains("The stack equals it"))
    }

    @Test(
        "derive --layer writes the stack's derivation; single-layer flags outside a layer are refused"
    )
    func deriveStack() {
        let run = runTool([
            "derive", "--input", "6", "--layer", "--kernel 3 --padding 1", "--layer",
            "--kernel 3 --stride 2",
            "--format", "latex", "--standalone",
        ])
        #expect(run.exitCode == 0, "\(run.errors)")
        #expect(run.output.hasPrefix("\\documentclass{article}"))
        #expect(run.output.contains("U = U_{2} U_{1}"))
        #expect(run.output.contains("r_0 = 2 + 2 + 1 = 5"))
        #expect(run.output.hasSuffix("\\end{document}\n"))
        let refused = runTool(["derive", "--input", "6", "--kernel", "3", "--layer", "--kernel 3"])
        #expect(refused.exitCode == 2)
        #expect(refused.errors.hasPrefix("error: --kernel: goes inside a --layer"))
    }

    @Test("derive --layer --lang es: the same derivation in Spanish, no English left")
    func deriveStackSpanish() throws {
        let flags = [
            "derive", "--input", "4x4", "--layer", "--kernel 3 --padding 1", "--layer",
            "--kernel 3 --stride 2", "--max-rows", "20", "--max-cols", "20",
        ]
        let english = runTool(flags)
        let spanish = runTool(flags + ["--lang", "es"])
        #expect(spanish.exitCode == 0, "\(spanish.errors)")
        #expect(spanish.output.hasPrefix("Una pila de 2 capas\n"))
        for heading in [
            "Capa 1", "Capa 2", "La matriz compuesta", "Campo receptivo, paso y relleno",
            "¿Una sola convolución?",
        ] {
            #expect(spanish.output.contains(heading + "\n"), "\(heading)")
        }
        #expect(
            spanish.output.contains("entrada 4×4, kernel 3×3, paso 1×1, relleno 1×1 → salida 4×4"))
        #expect(spanish.output.contains("- filas: r_0 = 2 + 2 + 1 = 5"))
        #expect(spanish.output.contains("- columnas: r_0 = 2 + 2 + 1 = 5"))
        #expect(english.output.contains("- rows: r_0 = 2 + 2 + 1 = 5"))
        for word in [
            "The ", "Layer", "input", "output", "stride", "padding", "taps", "matrix", "Folding",
            "axis", "rows", "outputs",
        ] {
            #expect(!spanish.output.contains(word), "English left in the Spanish: \(word)")
        }
        // The math is the same in both: every line that is all math or numbers agrees.
        let matrixLines = { (text: String) in
            text.split(separator: "\n").filter {
                $0.hasPrefix("⎡") || $0.hasPrefix("⎢") || $0.hasPrefix("⎣")
            }
        }
        #expect(matrixLines(spanish.output) == matrixLines(english.output))
        #expect(!matrixLines(english.output).isEmpty)
        let refused = runTool(flags + ["--lang", "fr"])
        #expect(refused.exitCode == 2 && refused.errors.hasPrefix("error: --lang:"))
    }

    @Test("help lists the new commands")
    func help() {
        let run = runTool(["--help"])
        #expect(run.output.contains("analyze"))
        #expect(run.output.contains("compose"))
        #expect(runTool(["compose", "--help"]).output.contains("--layer \"<layer flags>\""))
    }
}
