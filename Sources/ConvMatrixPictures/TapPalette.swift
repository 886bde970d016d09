import ConvMatrixRendering

/// The colours of kernel taps, shared by every picture (sliding kernel, transposed views,
/// backward pass, connectivity, sparsity pattern), the derivation's figures and the browser
/// explorer: tap `t` (its spatial position in the kernel, flattened row-major) gets
/// `colors[t mod 12]`. Twelve colours of the Tableau/D3 "category10" family, dark enough for thin
/// lines on white; a 3×3 kernel's nine taps are all distinct.
///
/// Colour is never the only cue: every picture also names the tap (`k₀₁` or its index in the
/// cell), so a reader who cannot tell two colours apart still can tell the taps. Other programs
/// take the palette from ``css`` or ``json`` so that their colours are these exactly.
public enum TapPalette {
    /// RGB hex colours, without `#`.
    public static let colors = [
        "1F77B4", "D62728", "2CA02C", "FF7F0E", "9467BD", "8C564B", "E377C2", "17BECF",
        "BCBD22", "393B79", "AD494A", "637939",
    ]

    /// The cell colours of Dumoulin & Visin's figures (hex, without `#`): real inputs, outputs,
    /// the output being computed, inserted zeros, cropped positions.
    public static let inputCell = "9CC3E6"
    /// Output cells (cyan).
    public static let outputCell = "B7EBEF"
    /// The output cell of the current frame (dark cyan).
    public static let currentOutput = "3FB8C4"
    /// Zeros inserted between inputs by a transposed convolution's stride.
    public static let insertedZero = "F2F2F2"
    /// Positions a negative padding crops.
    public static let cropped = "BFBFBF"

    /// The hex colour of tap `t`.
    public static func hex(_ t: Int) -> String {
        colors[((t % colors.count) + colors.count) % colors.count]
    }

    /// The light tint of tap `t`: its colour mixed 60 % with white, the fill of a kernel-window
    /// cell (a black label stays readable on it).
    public static func tint(_ t: Int) -> String { mix(hex(t), with: "FFFFFF", amount: 0.6) }

    /// The hex value of any scene colour.
    public static func hex(_ color: PictureScene.Color) -> String {
        switch color {
        case .tap(let t): hex(t)
        case .tint(let t): tint(t)
        case .black: "000000"
        case .gray: "808080"
        case .lightGray: "D9D9D9"
        case .white: "FFFFFF"
        case .inputCell: inputCell
        case .outputCell: outputCell
        case .currentOutput: currentOutput
        case .insertedZero: insertedZero
        case .cropped: cropped
        case .ramp(let level, let levels):
            mix("FFFFFF", with: "2C9AA5", amount: Double(max(0, level)) / Double(max(1, levels)))
        }
    }

    /// The palette as CSS custom properties (`--cm-tap-0: #1F77B4;` …) in a `:root` rule, for
    /// web pages that must colour taps as the pictures do.
    public static var css: String {
        var out = ":root {\n"
        for (t, c) in colors.enumerated() { out += "  --cm-tap-\(t): #\(c);\n" }
        for (t, _) in colors.enumerated() { out += "  --cm-tap-tint-\(t): #\(tint(t));\n" }
        out += "  --cm-input: #\(inputCell);\n  --cm-output: #\(outputCell);\n"
        out += "  --cm-current: #\(currentOutput);\n  --cm-inserted-zero: #\(insertedZero);\n"
        out += "  --cm-cropped: #\(cropped);\n}\n"
        return out
    }

    /// The palette as JSON: `{"taps": ["#1F77B4", …], "tints": […], "input": …}`.
    public static var json: String {
        let taps = colors.map { "\"#\($0)\"" }.joined(separator: ", ")
        let tints = colors.indices.map { "\"#\(tint($0))\"" }.joined(separator: ", ")
        return """
            {"taps": [\(taps)], "tints": [\(tints)], "input": "#\(inputCell)", "output": "#\(outputCell)", "current": "#\(currentOutput)", "insertedZero": "#\(insertedZero)", "cropped": "#\(cropped)"}

            """
    }

    /// `a` moved `amount` (0…1) of the way to `b`, both RGB hex.
    static func mix(_ a: String, with b: String, amount: Double) -> String {
        let x = rgb(a)
        let y = rgb(b)
        let digits = Array("0123456789ABCDEF")
        var out = ""
        for k in 0..<3 {
            let v = Int((Double(x[k]) + (Double(y[k]) - Double(x[k])) * amount).rounded())
            let c = min(255, max(0, v))
            out.append(digits[c / 16])
            out.append(digits[c % 16])
        }
        return out
    }

    /// The three channels of an RGB hex colour.
    static func rgb(_ hex: String) -> [Int] {
        let scalars = Array(hex.unicodeScalars)
        func digit(_ s: Unicode.Scalar) -> Int {
            switch s.value {
            case 48...57: Int(s.value) - 48
            case 65...70: Int(s.value) - 55
            case 97...102: Int(s.value) - 87
            default: 0
            }
        }
        guard scalars.count == 6 else { return [0, 0, 0] }
        return (0..<3).map { digit(scalars[2 * $0]) * 16 + digit(scalars[2 * $0 + 1]) }
    }
}
