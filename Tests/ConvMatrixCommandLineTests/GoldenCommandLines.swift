/// The command lines of the golden recording (`GoldenOutputTests`): every command that prints
/// text, over a spread of layers (1-D to 3-D, stride, padding words and modes, dilation,
/// channels, groups, transposed), small enough that the whole recording stays readable.
enum GoldenCommandLines {
    /// Convolutions, by what they exercise.
    static let layers = [
        "--input 5x5 --kernel 3x3 --stride 2",
        "--input 4x4 --kernel 3x3 --padding 1",
        "--input 4x4 --kernel 3x3 --stride 2 --padding 1",
        "--input 7 --kernel 3 --stride 2",
        "--input 5x5 --kernel 3x3 --padding 1 --padding-mode reflect",
        "--input 5 --kernel 3 --padding 2 --padding-mode circular",
        "--input 4x4 --kernel 2x2 --in-channels 2 --out-channels 2",
        "--input 4x4 --kernel 2x2 --in-channels 4 --out-channels 2 --groups 2",
        "--input 6x6 --kernel 3x3 --dilation 2",
        "--input 3x3x3 --kernel 2x2x2",
        "--input 5x5 --kernel 3x3 --padding same",
    ]

    /// Transposed convolutions.
    static let transposedLayers = [
        "--transposed --input 2x2 --kernel 3x3 --stride 2",
        "--transposed --input 3x3 --kernel 3x3 --stride 2 --padding 1 --output-padding 1",
        "--transposed --input 4 --kernel 4 --stride 2 --padding 1",
    ]

    /// Commands that read any layer, with the options that change what they print.
    static let commands = [
        "unroll", "unroll --format latex", "unroll --format latex --latex-style sympy",
        "unroll --format json", "unroll --format mtx", "unroll --format csv",
        "transpose", "apply", "apply --transpose", "apply --format latex", "placements",
        "symbols", "symbols --of kernel", "shape", "connectivity", "check --exact",
        "derive --format markdown", "derive --format latex", "derive --format text",
        "derive --style equations", "derive --lang es --format markdown", "backward",
        "analyze",
    ]

    /// Commands of convolutions only, or with values.
    static let valueCommands = [
        "apply --input 5x5 --kernel 3x3 --input-values 0,0,1,0,0,0,0,1,0,0,0,0,1,0,0,0,0,1,0,0,0,0,1,0,0 --kernel-values 1,0,-1,2,0,-2,1,0,-1 --bias 0",
        "backward --input 3x3 --kernel 2x2 --input-values 1,2,3,4,5,6,7,8,9 --kernel-values 1,-1,2,0 --output-gradient 1,0,0,1 --format json",
        "backward --input 3x3 --kernel 2x2 --names x,w,y --index-base 1",
        "derive --input 3x3 --kernel 2x2 --style equations --names x,w,y --index-base 1 --show-zeros",
        "verify --transposed --input 3x3 --kernel 3x3 --stride 2 --padding 1 --output-padding 1",
        "equivalent --input 5x5 --kernel 3x3 --stride 2",
        "compose --input 32x32 --layer \"--kernel 3 --stride 2 --padding 1\" --layer \"--kernel 3 --padding 1\"",
        "analyze --transposed --input 4x4 --kernel 3 --stride 2 --padding 1",
        "frameworks --input 5x5 --kernel 3x3 --stride 2 --padding 1",
        "frameworks --from keras --transposed --input 4 --kernel 3 --strides 2 --padding same --output_padding 1",
        "apply --input 4x4 --kernel 2 --average-pool",
        "apply --input 4x4 --kernel 2 --max-pool --input-values 1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16",
        "shape --input 4x4 --kernel 2x2 --stride 3",
        "unroll --input 0x5 --kernel 3x3",
        "unroll --input 5x5 --kernel 3x3 --stride 0",
        "unroll --input 2x2 --kernel 3x3",
        "unroll --input 28x28 --kernel 5x5", "placements --input 28x28 --kernel 5x5",
        "apply --input 28x28 --kernel 5x5", "derive --input 28x28 --kernel 5x5 --format markdown",
        "draw --picture connectivity --format svg --input 5x5 --kernel 3x3 --stride 2",
        "draw --picture sparsity --format svg --input 4x4 --kernel 3x3 --padding 1",
        "--help", "help derive", "unroll --help", "",
    ]

    /// Every command line, in a fixed order.
    static let all: [String] = {
        var lines: [String] = []
        for layer in layers {
            for command in commands { lines.append("\(command) \(layer)") }
        }
        for layer in transposedLayers {
            for command in commands where !command.hasPrefix("check") {
                lines.append("\(command) \(layer)")
            }
        }
        lines += valueCommands
        return lines
    }()
}
