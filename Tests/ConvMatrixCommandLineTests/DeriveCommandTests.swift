import Foundation
import Testing

/// `convmatrix derive`: the whole derivation in each format and language.
@Suite("derive")
struct DeriveCommandTests {
    static let stride2Example = "derive --input 5x5 --kernel 3x3 --stride 2"

    static let englishHeadings = [
        "The layer", "The input grid I", "The flattened input X", "The output size",
        "Kernel placements", "The unrolled matrix U", "The convolution as a product: O = X·U",
        "The transposed convolution T = Uᵀ", "Connectivity: C = O·T",
        "The equivalent direct convolution", "The backward pass",
    ]
    /// A heading's words before its symbols (`The input grid` of `The input grid I`): LaTeX and
    /// Markdown set the symbols as math.
    static func prose(_ heading: String) -> String {
        heading.split(separator: " ").prefix {
            !($0.count == 1 && $0.first?.isUppercase == true) && !$0.contains("=")
        }.joined(separator: " ")
    }

    static let spanishHeadings = [
        "La capa", "La grilla de entrada I", "La entrada estirada X", "El tamaño de salida",
        "Posiciones del kernel", "La matriz desenrollada U",
        "La convolución como producto: O = X·U", "La convolución transpuesta T = Uᵀ",
        "Conectividad: C = O·T", "La convolución directa equivalente",
        "La propagación hacia atrás",
    ]

    @Test(
        "every format and language exits 0 and has all eleven sections in order",
        arguments: ["text", "markdown", "latex"], ["en", "es"])
    func sections(format: String, lang: String) {
        let run = runTool("\(Self.stride2Example) --format \(format) --lang \(lang)")
        #expect(run.exitCode == 0)
        #expect(run.errors.isEmpty)
        let headings = lang == "en" ? Self.englishHeadings : Self.spanishHeadings
        var position = run.output.startIndex
        for (number, heading) in headings.enumerated() {
            // LaTeX numbers its \section itself; Markdown headings carry no number (MkDocs
            // rejects ids that start with a digit); text numbers its headings.
            let expected =
                format == "latex"
                ? "\\section{\(Self.prose(heading))"
                : format == "markdown" ? "## \(Self.prose(heading))" : "\(number + 1). "
            guard let range = run.output.range(of: expected, range: position..<run.output.endIndex)
            else {
                Issue.record("section \(number + 1) missing in \(format)/\(lang)")
                return
            }
            position = range.upperBound
            if format == "text" {
                #expect(run.output[position...].hasPrefix(heading), "\(format)/\(lang): \(heading)")
            }
        }
    }

    @Test("Spanish headings and prose leave no English section title behind")
    func noEnglishInSpanish() {
        for format in ["text", "markdown", "latex"] {
            let output = runTool("\(Self.stride2Example) --format \(format) --lang es").output
            for heading in Self.englishHeadings where !Self.spanishHeadings.contains(heading) {
                #expect(!output.contains(heading), "\(format): '\(heading)'")
            }
            for word in ["The ", "Output ", "Flatten", "Each output", " is the "] {
                #expect(!output.contains(word), "\(format): '\(word)'")
            }
        }
    }

    @Test(
        "sizes are stated with their numbers: output-size arithmetic, U, T and the transposed size")
    func sizesStated() {
        let text = runTool("\(Self.stride2Example) --format text").output
        #expect(text.contains("m₀ = ⌊(5 + 0 + 0 − 1·(3 − 1) − 1) / 2⌋ + 1 = 2"))
        #expect(text.contains("The output is 2×2."))
        #expect(text.contains("U is 25×4"))
        #expect(text.contains("T is 4×25"))
        #expect(text.contains("n₀ = (2 − 1)·2 − 0 − 0 + 1·(3 − 1) + 0 + 1 = 5"))
        #expect(text.contains("M(I) is 4×9."))
        let latex = runTool("\(Self.stride2Example) --format latex").output
        #expect(
            latex.contains(
                "m_{0} = \\left\\lfloor \\frac{5 + 0 + 0 - 1 \\cdot (3 - 1) - 1}{2} \\right\\rfloor + 1 = 2"
            ))
    }

    @Test("C = O·T of the 5×5 / 3×3 / stride 2 layer: entries as sums, narrowed to fit the column")
    func stride2ExampleConnectivity() {
        let markdown = runTool("\(Self.stride2Example) --format markdown").output
        // The full C is about 960 px wide in KaTeX: its middle column is elided to fit 831 px.
        #expect(
            markdown.contains(
                "O_{00} k_{20} + O_{10} k_{00} & O_{00} k_{21} + O_{10} k_{01} & \\cdots"))
        #expect(markdown.contains("C = \\begin{bmatrix}"))
        let wide = runTool("\(Self.stride2Example) --format text --sections connectivity").output
        #expect(wide.contains("⋯"))
    }

    @Test("markdown: every $$ opens and closes a block on its own line")
    func markdownBlocks() {
        let lines = runTool("\(Self.stride2Example) --format markdown").output.split(
            separator: "\n")
        let fences = lines.filter { $0 == "$$" }.count
        #expect(fences > 10 && fences % 2 == 0)
        #expect(!lines.contains { $0 != "$$" && $0.contains("$$") })
    }

    @Test(
        "latex fragment says what it needs; standalone is a whole article that sets MaxMatrixCols")
    func latexPreamble() {
        let fragment = runTool("\(Self.stride2Example) --format latex").output
        #expect(
            fragment.hasPrefix(
                "% convmatrix derive --input 5x5 --kernel 3x3 --stride 2 --format latex\n"))
        #expect(fragment.contains("% Needs \\usepackage{amsmath} and \\setcounter{MaxMatrixCols}{"))
        #expect(!fragment.contains("\\documentclass"))
        let standalone = runTool("\(Self.stride2Example) --format latex --standalone").output
        #expect(standalone.hasPrefix("\\documentclass"))
        #expect(standalone.contains("\\usepackage{amsmath}"))
        #expect(standalone.contains("\\setcounter{MaxMatrixCols}{"))
        #expect(standalone.hasSuffix("\\end{document}\n"))
    }

    @Test("a 28×28 input with a 5×5 kernel is elided and its true sizes are stated")
    func largeElided() {
        let run = runTool("derive --input 28x28 --kernel 5x5 --format latex")
        #expect(run.exitCode == 0)
        #expect(
            run.output.contains("\\cdots") && run.output.contains("\\vdots")
                && run.output.contains("\\ddots"))
        #expect(run.output.contains("U is 784$\\times$576"))
        #expect(run.output.contains("T is 576$\\times$784"))
        #expect(run.output.contains("M(I) is 576$\\times$25"))
        #expect(run.output.contains("There are 576 placements; the first 4 are shown:"))
    }

    @Test("--max-rows and --max-cols change what is shown, not the sizes stated")
    func limits() {
        let small = runTool(
            "derive --input 6x6 --kernel 3x3 --format markdown --max-rows 5 --max-cols 4"
        ).output
        #expect(small.contains("U is 36×16; the middle rows and columns are elided"))
        let uLine = small.split(separator: "\n").first { $0.hasPrefix("U = ") } ?? ""
        #expect(uLine.components(separatedBy: "\\\\").count == 5)
    }

    @Test("padding mode, channels and output padding add their sentences")
    func variants() {
        let reflect = runTool("derive --input 5x5 --kernel 3x3 --padding 1 --padding-mode reflect")
            .output
        #expect(reflect.contains("Padding mode: reflect"))
        #expect(reflect.contains("can be a sum of weights"))
        let padded = runTool("derive --input 6x6 --kernel 3x3 --stride 2 --padding 1 --lang es")
            .output
        #expect(padded.contains("El relleno de salida a = 1×1"))
        #expect(!padded.contains("output padding"))
        let channels = runTool("derive --input 4x4 --kernel 3x3 --in-channels 2 --out-channels 3")
            .output
        #expect(channels.contains("Channels (in → out): 2 → 3"))
        #expect(channels.contains("reads 3 and writes 2"))
        let crop = runTool("derive --input 5 --kernel 2 --padding 2").output
        #expect(crop.contains("negative padding means cropping"))
    }
}

/// The chosen letters replace I and O in the prose and the headings, in every format.
@Test("derive names the input and output with --names everywhere")
func deriveUsesChosenLetters() {
    let text = runTool("derive --input 3 --kernel 2 --format text --names x,w,y")
    #expect(text.output.contains("2. The input grid x\n"))
    #expect(text.output.contains("9. Connectivity: C = y·T\n"))
    #expect(!text.output.contains("The input grid I"))
    let greek = runTool(
        "derive --input 3 --kernel 2 --format latex --names \\xi,w,\\Omega --lang es")
    #expect(greek.output.contains("\\section{La grilla de entrada $\\xi$}"))
    #expect(greek.output.contains("$\\Omega$"))
    let markdown = runTool("derive --input 3 --kernel 2 --format markdown --names \\xi,w,y")
    #expect(markdown.output.contains("## The input grid $\\xi$"))
    let unicode = runTool("derive --input 3 --kernel 2 --format text --names \\xi,w,y")
    #expect(unicode.output.contains("2. The input grid ξ\n"))
}
