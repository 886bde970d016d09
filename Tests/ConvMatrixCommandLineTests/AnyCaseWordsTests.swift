import Testing

@testable import ConvMatrixCommandLine

/// convmatrix's own words — languages, formats, styles, padding words and modes, pictures, … —
/// are read in any case, once, by the parser (`OptionDefinition.spelled`): a command line with
/// a word in capitals prints exactly what the lowercase one prints. A framework's own keywords
/// given with `frameworks --from` are left as typed, for that API's rules.
@Suite("convmatrix's words in any case")
struct AnyCaseWordsTests {
    /// A command line with a word in another case, and the same line as the help spells it.
    static let lines: [(typed: String, spelled: String)] = [
        (
            "derive --input 4 --kernel 2 --lang ES", "derive --input 4 --kernel 2 --lang es"
        ),
        (
            "derive --input 4 --kernel 2 --format Markdown --style EQUATIONS",
            "derive --input 4 --kernel 2 --format markdown --style equations"
        ),
        (
            "derive --input 3x3 --kernel 2x2 --style equations --names x,w,y --product-order Weight-First",
            "derive --input 3x3 --kernel 2x2 --style equations --names x,w,y --product-order weight-first"
        ),
        (
            "derive --input 4 --kernel 2 --sections LAYER,outputsize",
            "derive --input 4 --kernel 2 --sections layer,outputSize"
        ),
        (
            "unroll --input 5x5 --kernel 3x3 --padding SAME --format LaTeX --latex-style PMatrix",
            "unroll --input 5x5 --kernel 3x3 --padding same --format latex --latex-style pmatrix"
        ),
        (
            "unroll --input 4 --kernel 3 --padding 1 --padding-mode Reflect --convention COLUMN",
            "unroll --input 4 --kernel 3 --padding 1 --padding-mode reflect --convention column"
        ),
        (
            "unroll --input 5 --kernel 3 --format MTX --kernel-values Random",
            "unroll --input 5 --kernel 3 --format mtx --kernel-values random"
        ),
        (
            "shape --input 7x7 --kernel 3x3 --stride 2 --padding Same --same-rule TensorFlow",
            "shape --input 7x7 --kernel 3x3 --stride 2 --padding same --same-rule tensorflow"
        ),
        (
            "symbols --input 3x3 --kernel 2x2 --of Output",
            "symbols --input 3x3 --kernel 2x2 --of output"
        ),
        (
            "draw --input 5x5 --kernel 3x3 --stride 2 --picture SLIDING --labels None --frame 2",
            "draw --input 5x5 --kernel 3x3 --stride 2 --picture sliding --labels none --frame 2"
        ),
        (
            "draw --input 3x3 --kernel 3x3 --stride 2 --picture Transposed --view Scatter --format TikZ --frame 1",
            "draw --input 3x3 --kernel 3x3 --stride 2 --picture transposed --view scatter --format tikz --frame 1"
        ),
        (
            "analyze --input 4 --kernel 2 --stride 2 --format JSON",
            "analyze --input 4 --kernel 2 --stride 2 --format json"
        ),
        (
            "frameworks --from PyTorch --input 5 --kernel 3 --stride 2 --format Markdown",
            "frameworks --from pytorch --input 5 --kernel 3 --stride 2 --format markdown"
        ),
        ("--generate-completion-script Fish", "--generate-completion-script fish"),
    ]

    @Test("a word in capitals prints what the lowercase word prints", arguments: lines)
    func anyCase(typed: String, spelled: String) {
        let upper = runTool(typed)
        let lower = runTool(spelled)
        #expect(lower.exitCode == 0, "\(lower.errors)")
        #expect(upper.exitCode == lower.exitCode, "\(upper.errors)")
        #expect(upper.output == lower.output)
        #expect(upper.errors == lower.errors)
    }

    @Test("an export records the word in its one spelling")
    func recordedSpelling() {
        let run = runTool("unroll --input 3 --kernel 2 --format MTX --pattern")
        #expect(
            run.output.contains("% convmatrix unroll --input 3 --kernel 2 --format mtx --pattern\n")
        )
    }

    @Test(
        "a word that is none of the option's words is still refused, as typed",
        arguments: [
            (
                "derive --input 4 --kernel 2 --lang FR",
                "error: --lang: expected <en|es>, got 'FR'\n"
            ),
            (
                "unroll --input 4 --kernel 2 --format Tex",
                "error: --format: expected <text|latex|mtx|json|csv>, got 'Tex'\n"
            ),
        ])
    func unknownWord(line: String, message: String) {
        let run = runTool(line)
        #expect(run.exitCode == 2 && run.output.isEmpty)
        #expect(run.errors == message)
    }

    @Test("every option's words include the short ones and the hyphenated ones")
    func choices() {
        #expect(Options.lang.choices == ["en", "es"])
        #expect(Options.productOrder.choices == ["input-first", "weight-first"])
        #expect(Options.outputFile.choices.isEmpty)
        #expect(Options.frameMilliseconds.choices.isEmpty)
        #expect(Options.figures.choices.isEmpty)
    }

    @Test("framework keywords keep the API's spelling: the parser leaves them as typed")
    func frameworkWords() {
        for parameter in Options.apiParameters {
            #expect(parameter.vocabulary == .framework)
            #expect(parameter.spelled("TRUE") == "TRUE")
        }
        #expect(Options.from.vocabulary == .own)
        #expect(Options.from.spelled("ONNX") == "onnx")
        let tensorflow = runTool(
            "frameworks --from tensorflow --input 5x5 --kernel 3x3 --strides 2 --padding SAME")
        #expect(tensorflow.exitCode == 0, "\(tensorflow.errors)")
        #expect(tensorflow.output.contains("padding='SAME'"))
        let onnx = runTool(
            "frameworks --from onnx --input 5x5 --kernel 3x3 --strides 2 --auto_pad SAME_UPPER --format json"
        )
        #expect(onnx.exitCode == 0, "\(onnx.errors)")
        #expect(onnx.output.contains("SAME_UPPER"))
    }
}
