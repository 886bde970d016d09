import Foundation
import Testing

/// `convmatrix frameworks`: the JSON contract, the formats, the exit codes, and bad input.
@Suite("frameworks command")
struct FrameworksCommandTests {
    /// The contract: one object, exactly the five keys, each either keyword arguments spelled as
    /// the API spells them (plus pre_pad/post_crop) or {expressible: false, reason}.
    @Test func jsonContract() throws {
        let run = runTool(
            "frameworks --from tensorflow --transposed --input 3x3 --kernel 3x3 --strides 2 --padding SAME --output_shape 6x6 --format json"
        )
        #expect(run.exitCode == 0)
        let object = try #require(
            try JSONSerialization.jsonObject(with: Data(run.output.utf8)) as? [String: Any])
        #expect(Set(object.keys) == ["pytorch", "tensorflow", "keras", "jax", "onnx"])
        let torch = try #require(object["pytorch"] as? [String: Any])
        #expect(
            Set(torch.keys).isSubset(of: [
                "stride", "padding", "output_padding", "dilation", "pre_pad", "post_crop",
            ]))
        #expect(torch["post_crop"] as? [[Int]] == [[0, 1], [0, 1]])
        let tf = try #require(object["tensorflow"] as? [String: Any])
        #expect(tf["padding"] as? String == "SAME")
        #expect(tf["output_shape"] as? [Int] == [6, 6])
        #expect(Set(tf.keys) == ["strides", "padding", "output_shape", "dilations"])
        let keras = try #require(object["keras"] as? [String: Any])
        #expect(Set(keras.keys) == ["strides", "padding", "output_padding", "dilation_rate"])
        let jax = try #require(object["jax"] as? [String: Any])
        #expect(Set(jax.keys) == ["strides", "padding", "rhs_dilation", "transpose_kernel"])
        #expect(jax["transpose_kernel"] as? Bool == true)
        let onnx = try #require(object["onnx"] as? [String: Any])
        #expect(
            Set(onnx.keys).isSubset(of: [
                "strides", "pads", "output_padding", "dilations", "auto_pad", "output_shape",
            ]))
    }

    @Test func inexpressibleIsAReason() throws {
        let run = runTool(
            "frameworks --from pytorch --input 9x9 --kernel 3x3 --stride 2 --dilation 2 --format json"
        )
        #expect(run.exitCode == 0)
        let object = try #require(
            try JSONSerialization.jsonObject(with: Data(run.output.utf8)) as? [String: Any])
        let keras = try #require(object["keras"] as? [String: Any])
        #expect(keras["expressible"] as? Bool == false)
        #expect((keras["reason"] as? String)?.contains("dilation_rate") == true)
    }

    /// The examples, each in its framework's words; every matrix check holds.
    @Test(
        arguments: [
            "--from keras --transposed --input 4 --kernel 3 --strides 2 --padding same --output_padding 1",
            "--from tensorflow --transposed --input 3x3 --kernel 3x3 --strides 2 --padding SAME --output_shape 6x6",
            "--from jax --transposed --input 4 --kernel 3 --strides 2 --padding SAME --transpose_kernel true",
            "--from jax --transposed --input 4 --kernel 3 --strides 2 --padding 1:2",
            "--from onnx --transposed --input 3 --kernel 3 --strides 2 --auto_pad SAME_UPPER",
            "--from onnx --transposed --input 3x3 --kernel 3x3 --strides 2 --pads 1,1,0,0 --output_padding 1x1",
            "--from onnx --transposed --input 3 --kernel 3 --strides 2 --output_shape 6 --auto_pad SAME_LOWER",
            "--from pytorch --input 4x4x4 --kernel 3x3x3 --stride 2 --padding 1 --dilation 1",
            "--from pytorch --transposed --input 2x2x2 --kernel 3x3x3 --stride 2x1x2 --padding 1 --output_padding 1x0x0 --dilation 1x2x1",
            "--from jax --input 8 --kernel 3 --strides 2 --padding -1:2",
        ])
    func examplesHold(_ flags: String) {
        for format in ["text", "markdown", "json"] {
            let run = runTool("frameworks \(flags) --format \(format)")
            #expect(run.exitCode == 0, "\(flags): \(run.errors)")
            #expect(run.errors.isEmpty || run.errors.hasPrefix("warning:"))
            if format == "text" {
                #expect(
                    run.output.contains("translations have the same matrix as the layer"),
                    "\(run.output)")
                #expect(!run.output.contains("✘"))
            }
        }
    }

    /// Without --from, ConvMatrix's own flags (asymmetric padding, --output-padding) describe
    /// the layer, as in every other command.
    @Test(
        arguments: [
            "--input 6 --kernel 3 --padding 0:1",
            "--transposed --input 2x2 --kernel 3x3 --stride 2 --padding 1 --output-padding 1",
            "--input 7x7 --kernel 3x3 --stride 2 --padding same --same-rule tensorflow",
            "--input 8 --kernel 3 --dilation 2 --flip",
        ])
    func convmatrixFlags(_ flags: String) throws {
        let run = runTool("frameworks \(flags) --format json")
        #expect(run.exitCode == 0, "\(run.errors)")
        let object = try #require(
            try JSONSerialization.jsonObject(with: Data(run.output.utf8)) as? [String: Any])
        #expect(object.count == 5)
        #expect(runTool("frameworks \(flags)").output.contains("translations have the same matrix"))
    }

    @Test func textNamesEachFrameworkCallAndTheValidSizes() {
        let run = runTool(
            "frameworks --from pytorch --transposed --input 3 --kernel 3 --stride 2 --padding 1 --output_padding 1"
        )
        #expect(
            run.output.contains(
                "torch.nn.ConvTranspose1d(stride=(2,), padding=(1,), output_padding=(1,), dilation=(1,))"
            ))
        #expect(run.output.contains("tf.nn.conv1d_transpose("))
        #expect(run.output.contains("keras.layers.Conv1DTranspose("))
        #expect(run.output.contains("jax.lax.conv_transpose("))
        #expect(
            run.output.contains(
                "ONNX ConvTranspose(strides=[2], pads=[1, 1], dilations=[1], auto_pad='NOTSET', output_padding=[1])"
            ))
        #expect(run.output.contains("axis 0: 5, 6 (this layer)"))
        #expect(run.output.contains("ConvMatrix's own T of the PyTorch layer: ✔"))
    }

    @Test func asciiIsAllASCII() {
        let run = runTool(
            "frameworks --from jax --transposed --input 4x3 --kernel 3x2 --strides 2 --padding 1:2x0:0 --ascii"
        )
        #expect(run.exitCode == 0)
        let ascii = run.output.unicodeScalars.allSatisfy { $0.isASCII }
        #expect(ascii, "\(run.output)")
        #expect(run.output.contains("[ok] matrix equal entry by entry"))
    }

    @Test func shapeAndTransposeMentionTheValidSizes() {
        let shape = runTool("shape --input 5x5 --kernel 3x3 --stride 2")
        #expect(shape.output.contains("Valid output sizes of the transposed layer"))
        #expect(
            shape.output.contains(
                "6 → PyTorch output_padding=1, TensorFlow output_shape=6, Keras output_padding=1, ONNX output_padding=1"
            ))
        let transpose = runTool(
            "transpose --transposed --input 3 --kernel 3 --stride 2 --padding 1 --output-padding 1")
        #expect(transpose.output.contains("Valid output sizes of the transposed layer"))
        #expect(transpose.output.contains("6* → PyTorch output_padding=1"))
    }

    @Test(arguments: ["text", "markdown", "latex"])
    func deriveAddsAnInYourFrameworkSection(_ format: String) {
        let run = runTool(
            "derive --input 5x5 --kernel 3x3 --stride 2 --frameworks --format \(format)")
        #expect(run.exitCode == 0)
        #expect(run.output.contains("In your framework"))
        #expect(
            run.output.contains(
                format == "latex" ? "tf.nn.conv2d\\_transpose" : "tf.nn.conv2d_transpose"))
        let plain = runTool("derive --input 5x5 --kernel 3x3 --stride 2 --format \(format)")
        #expect(!plain.output.contains("In your framework"))
        // The same document (but for lines naming the command line), then the section.
        let lines = Set(run.output.split(separator: "\n"))
        let missing = plain.output.split(separator: "\n").filter {
            !lines.contains($0) && !$0.contains("derive") && !$0.contains("end{document}")
        }
        #expect(missing.isEmpty, "\(missing)")
    }

    @Test func deriveStandaloneLaTeXKeepsEndDocumentLast() {
        let run = runTool(
            "derive --input 5x5 --kernel 3x3 --stride 2 --frameworks --format latex --standalone --lang es"
        )
        #expect(run.output.hasSuffix("\\end{document}\n"))
        #expect(run.output.contains("En tu framework"))
    }

    static let badInput: [(arguments: String, message: String)] = [
        (
            "frameworks --input 5 --kernel 3 --strides 2",
            "error: --strides: is a framework's parameter: add --from <framework>"
        ),
        (
            "frameworks --from pytorch --input 5 --kernel 3 --output-padding 1",
            "error: --output-padding: is convmatrix's own layer flag; with --from, give the framework's parameters"
        ),
        (
            "frameworks --from keras --input 5 --kernel 3 --flip",
            "error: --flip: is convmatrix's own layer flag"
        ),
        (
            "frameworks --input 5 --kernel 3 --stride 2 --output-padding 1",
            "error: --output-padding: belongs to a transposed convolution: add --transposed"
        ),
        (
            "frameworks --from caffe --input 5 --kernel 3",
            "error: --from: expected pytorch, tensorflow, keras, jax or onnx, got 'caffe'"
        ),
        (
            "frameworks --from pytorch --input 5 --kernel 3 --strides 2",
            "error: --strides: PyTorch has no parameter 'strides' (its parameter is --stride)"
        ),
        (
            "frameworks --from tensorflow --input 5 --kernel 3 --stride 2",
            "error: --stride: TensorFlow has no parameter 'stride' (its parameter is --strides)"
        ),
        (
            "frameworks --from keras --input 5 --kernel 3 --dilation 2",
            "error: --dilation: Keras has no parameter 'dilation' (its parameter is --dilation_rate)"
        ),
        (
            "frameworks --from onnx --input 5 --kernel 3 --padding 1",
            "error: --padding: ONNX has no parameter 'padding' (its parameter is --pads or --auto_pad)"
        ),
        (
            "frameworks --from tensorflow --transposed --input 5 --kernel 3 --output_padding 1",
            "error: --output_padding: TensorFlow has no parameter 'output_padding' (its parameter is --output_shape)"
        ),
        (
            "frameworks --from jax --input 5 --kernel 3 --output_padding 1",
            "error: --output_padding: JAX has no parameter 'output_padding' (its parameter is --padding)"
        ),
        (
            "frameworks --from tensorflow --transposed --input 3 --kernel 3 --strides 2 --padding SAME --output_shape 8",
            "error: --output_shape: 8 is not a size this layer can produce on axis 0: the convolution maps 8 back to 4, not to the input size 3; valid sizes are 5…6"
        ),
        (
            "frameworks --from tensorflow --transposed --input 3 --kernel 3 --strides 2 --padding SAME",
            "error: --output_shape: is required by tf.nn.conv1d_transpose"
        ),
        (
            "frameworks --from tensorflow --input 5 --kernel 3 --padding 1:1",
            "error: --padding: explicit padding is accepted by tf.nn.conv2d and conv2d_transpose only"
        ),
        (
            "frameworks --from pytorch --transposed --input 3 --kernel 3 --stride 2 --output_padding 2",
            "error: --output_padding: must be smaller than either stride (2) or dilation (1), got 2"
        ),
        (
            "frameworks --from pytorch --input 5 --kernel 3 --stride 2 --padding same",
            "error: --padding: 'same' is not supported for strided convolutions (PyTorch)"
        ),
        (
            "frameworks --from pytorch --transposed --input 5 --kernel 3 --padding same",
            "error: --padding: torch.nn.ConvTranspose1d takes padding amounts, not 'same'"
        ),
        (
            "frameworks --from pytorch --input 5 --kernel 3 --padding 1:2",
            "error: --padding: PyTorch's padding is symmetric"
        ),
        (
            "frameworks --from pytorch --input 5 --kernel 3 --output_padding 1",
            "error: --output_padding: torch.nn.Conv1d has no output_padding"
        ),
        (
            "frameworks --from keras --transposed --input 4 --kernel 3 --strides 2 --output_padding 2",
            "error: --output_padding: must be strictly less than strides (2), got 2"
        ),
        (
            "frameworks --from keras --input 9 --kernel 3 --strides 2 --dilation_rate 2",
            "error: --dilation_rate: Keras refuses strides > 1 together with dilation_rate > 1"
        ),
        (
            "frameworks --from keras --input 4x4 --kernel 3x3 --padding causal",
            "error: --padding: 'causal' is for Conv1D only"
        ),
        (
            "frameworks --from keras --input 4 --kernel 3 --padding full",
            "error: --padding: Keras takes same, valid or causal, got 'full'"
        ),
        (
            "frameworks --from jax --transposed --input 4 --kernel 3 --padding SAME_LOWER",
            "error: --padding: conv_transpose takes 'SAME', 'VALID' or (lo, hi) pairs"
        ),
        (
            "frameworks --from jax --input 4 --kernel 3 --transpose_kernel true",
            "error: --transpose_kernel: conv_general_dilated has no transpose_kernel"
        ),
        (
            "frameworks --from jax --transposed --input 4 --kernel 3 --transpose_kernel maybe",
            "error: --transpose_kernel: expected true or false, got 'maybe'"
        ),
        (
            "frameworks --from onnx --input 4 --kernel 3 --pads 1,1 --auto_pad SAME_UPPER",
            "error: --pads: can't be combined with auto_pad SAME_UPPER"
        ),
        (
            "frameworks --from onnx --input 4x4 --kernel 3x3 --pads 1,1,1",
            "error: --pads: expected 4 values (all begins, then all ends), got 3"
        ),
        (
            "frameworks --from onnx --input 4 --kernel 3 --auto_pad SAME",
            "error: --auto_pad: expected NOTSET, SAME_UPPER, SAME_LOWER or VALID, got 'SAME'"
        ),
        (
            "frameworks --from onnx --input 4 --kernel 3 --output_shape 6",
            "error: --output_shape: Conv has no output_shape"
        ),
        (
            "frameworks --from pytorch --input 2 --kernel 5",
            "error: --padding: gives 0 outputs on axis 0"
        ),
        (
            "frameworks --from pytorch --input 5x5 --kernel 3",
            "error: --kernel: has 1 axes, the input has 2"
        ),
        (
            "frameworks --from pytorch --input 5 --kernel 3 --stride 0",
            "error: --stride: must be ≥ 1, got 0"
        ),
        (
            "frameworks --from pytorch --input 5x5x5x5 --kernel 3x3x3x3",
            "error: --input: PyTorch has 1-D, 2-D and 3-D convolutions only, got 4 axes"
        ),
        (
            "frameworks --from pytorch --input 5 --kernel 3 --format latex",
            "error: --format: expected <text|markdown|json>, got 'latex'"
        ),
        (
            "frameworks --from pytorch --input 100000x100000 --kernel 3x3 --max-memory 1MB",
            "error: --max-memory:"
        ),
        (
            "frameworks --from jax --input 5 --kernel 3 --strides 2 --window_strides 2",
            "error: --window_strides: give --strides or --window_strides, not both"
        ),
    ]

    @Test("one line naming the flag, exit 2, nothing on stdout", arguments: badInput)
    func badInputIsOneLine(_ item: (arguments: String, message: String)) {
        let run = runTool(item.arguments)
        #expect(run.exitCode == 2, "\(item.arguments)")
        #expect(run.output.isEmpty)
        #expect(run.errors.hasPrefix(item.message), "\(run.errors)")
        #expect(run.errors.split(separator: "\n").count == 1)
    }
}
