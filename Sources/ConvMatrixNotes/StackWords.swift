import ConvMatrixAnalysis
import ConvMatrixCore
import ConvMatrixRendering

/// The sentences of a stack's derivation (``StackDerivationRenderer``) in English or Spanish;
/// the math, the numbers and the layout are the same in both. `math` typesets a formula for the
/// format, `times` is the format's `×`.
struct StackWords {
    let language: NotesLanguage
    let math: (String) -> String
    let times: String

    private var spanish: Bool { language == .es }

    private func sizes(_ values: [Int]) -> String {
        values.map(String.init).joined(separator: times)
    }

    func title(layers: Int) -> String {
        spanish ? "Una pila de \(layers) capas" : "A stack of \(layers) layers"
    }

    func introduction(input: [Int], layers: Int) -> String {
        spanish
            ? "La entrada de \(sizes(input)) pasa por \(layers) capas, la primera se aplica primero; la matriz de la capa l, \(math("U_l")), lleva su entrada, estirada primero por canal y luego fila por fila, a su salida (\(math("y = U_l x")))."
            : "The input \(sizes(input)) goes through \(layers) layers, the first applied first; layer l's matrix \(math("U_l")) maps its input, flattened channel first and row-major, to its output (\(math("y = U_l x")))."
    }

    func layerHeading(_ number: Int) -> String { spanish ? "Capa \(number)" : "Layer \(number)" }

    /// The layer in one line, then its taps' letter and its matrix's size.
    func layer(
        _ layer: Layer, letter: String, number: Int, rows: Int, columns: Int,
        ascii: Bool
    ) -> String {
        let matrix = math("U_{\(number)}")
        if spanish {
            return
                "\(describe(layer)). Sus pesos se escriben \(math(letter)); \(matrix) es de \(rows)\(times)\(columns):"
        }
        let style = TextStyle(ascii: ascii)
        let description: String
        switch layer {
        case .convolution(let c): description = LayerDescription.describe(c, style: style)
        case .transposed(let t):
            description = "transposed: " + LayerDescription.describe(t, style: style)
        }
        return
            "\(description). Its taps are written \(math(letter)); \(matrix) is \(rows)\(times)\(columns):"
    }

    /// A layer in one line, in Spanish (the English one is ``LayerDescription``'s).
    private func describe(_ layer: Layer) -> String {
        let arrow = times == "×" ? "→" : "$\\to$"
        var parts: [String] = []
        let dilations: [Int]
        switch layer {
        case .convolution(let c):
            parts.append(
                "entrada \(channels(c.inChannels, c.hasChannels))\(sizes(c.inputExtents.sizes))")
            parts.append("kernel \(sizes(c.kernelExtents.sizes))")
            parts.append("paso \(sizes(c.axes.map(\.stride)))")
            parts.append("relleno \(sizes(c.axes.map(\.padding.before)))")
            dilations = c.axes.map(\.dilation)
            if c.paddingMode != .zeros { parts.append("relleno \(modeName(c.paddingMode))") }
            if c.groups != 1 { parts.append("\(c.groups) grupos") }
            if c.orientation == .convolution { parts.append("kernel rotado 180°") }
            if dilations.contains(where: { $0 != 1 }) {
                parts.append("dilatación \(sizes(dilations))")
            }
            return parts.joined(separator: ", ")
                + " \(arrow) salida \(channels(c.outChannels, c.hasChannels))\(sizes(c.outputExtents.sizes))"
        case .transposed(let t):
            let channelled = t.inChannels > 1 || t.outChannels > 1
            parts.append(
                "traspuesta: entrada \(channels(t.inChannels, channelled))\(sizes(t.inputExtents.sizes))"
            )
            parts.append("kernel \(sizes(t.kernelExtents.sizes))")
            parts.append("paso \(sizes(t.axes.map(\.stride)))")
            parts.append("relleno \(sizes(t.axes.map(\.padding.before)))")
            dilations = t.axes.map(\.dilation)
            if dilations.contains(where: { $0 != 1 }) {
                parts.append("dilatación \(sizes(dilations))")
            }
            if t.axes.contains(where: { $0.outputPadding != 0 }) {
                parts.append("relleno de salida \(sizes(t.axes.map(\.outputPadding)))")
            }
            if t.groups != 1 { parts.append("\(t.groups) grupos") }
            if t.orientation == .convolution { parts.append("kernel rotado 180°") }
            return parts.joined(separator: ", ")
                + " \(arrow) salida \(channels(t.outChannels, channelled))\(sizes(t.outputExtents.sizes))"
        }
    }

    private func channels(_ count: Int, _ shown: Bool) -> String {
        shown ? "\(count) \(count == 1 ? "canal" : "canales") de " : ""
    }

    private func modeName(_ mode: PaddingMode) -> String {
        switch mode {
        case .zeros: "con ceros"
        case .reflect: "por reflejo"
        case .replicate: "replicando el borde"
        case .circular: "circular"
        }
    }

    func composedHeading() -> String { spanish ? "La matriz compuesta" : "The composed matrix" }

    func composed(product: String, rows: Int, columns: Int, terms: Int) -> String {
        spanish
            ? "\(math("U = " + product)) es de \(rows)\(times)\(columns); cada elemento suma, sobre los caminos de una entrada a una salida, el producto de un peso de cada capa (\(terms) términos en total):"
            : "\(math("U = " + product)) is \(rows)\(times)\(columns); each entry sums, over the paths from an input to an output, the product of one tap of every layer (\(terms) terms in all):"
    }

    func composedNotBuilt(product: String, note: String) -> String {
        spanish
            ? "\(math("U = " + product)) no se construye (\(note))."
            : "\(math("U = " + product)) is not built: \(note)."
    }

    func fieldHeading() -> String {
        spanish ? "Campo receptivo, paso y relleno" : "Receptive field, stride and padding"
    }

    func recurrences() -> String {
        let formulas =
            "\(math("r_0 = \\sum_l (k_l - 1)\\prod_{i<l} s_i + 1")), \(math("S = \\prod_l s_l")), \(math("P_{l-1} = s_l P_l + p_l"))"
        return spanish
            ? "Por las recurrencias de Araujo, Norris y Sim (Distill 2019), con el alcance dilatado \(math("d(k-1)+1")) en lugar de \(math("k")): \(formulas). Para esta pila:"
            : "By the recurrences of Araujo, Norris and Sim (Distill 2019), with the dilated span \(math("d(k-1)+1")) in place of \(math("k")): \(formulas). For this stack:"
    }

    /// What axis `t` of `rank` is called: rows and columns, not axis numbers.
    func axis(_ t: Int, rank: Int) -> String {
        let en =
            rank == 1
            ? ["the signal"] : rank == 2 ? ["rows", "columns"] : ["depth", "rows", "columns"]
        let es =
            rank == 1
            ? ["la señal"]
            : rank == 2 ? ["filas", "columnas"] : ["profundidad", "filas", "columnas"]
        let names = spanish ? es : en
        if t < names.count { return names[t] }
        return spanish ? "eje \(t + 1)" : "axis \(t + 1)"
    }

    func windows(checked: Int, mismatches: Int) -> String {
        let window = math("[iS - P_0,\\ iS - P_0 + r_0 - 1]")
        let u = math("U")
        if spanish {
            return "La salida \(math("i")) ve la ventana de entrada \(window). "
                + (mismatches == 0
                    ? "Recortada a la entrada, cada ventana es exactamente el soporte de su fila de \(u) (\(checked) salidas comprobadas)."
                    : "Recortada a la entrada, la ventana difiere del soporte de su fila de \(u) en \(mismatches) salidas (huecos de dilatación o de paso en el borde).")
        }
        return "Output \(math("i")) sees the input window \(window). "
            + (mismatches == 0
                ? "Clipped to the input, every window is exactly the support of its row of \(u) (\(checked) outputs checked)."
                : "Clipped to the input, the window differs from the support of its row of \(u) at \(mismatches) outputs (gaps of dilation or stride at the border).")
    }

    func fromMatrix(_ axes: [(name: String, field: Int, stride: String, padding: String)]) -> String
    {
        let u = math("U")
        if spanish {
            return
                "Una capa traspuesta tiene un paso fraccionario, así que las recurrencias no se aplican; leído de \(u): "
                + axes.map {
                    "\($0.name): campo receptivo \($0.field), paso \($0.stride), relleno \($0.padding)"
                }
                .joined(separator: "; ") + "."
        }
        return
            "A transposed layer has a fractional stride, so the recurrences do not apply; read from \(u): "
            + axes.map {
                "\($0.name): receptive field \($0.field), stride \($0.stride), padding \($0.padding)"
            }
            .joined(separator: "; ") + "."
    }

    func singleHeading() -> String { spanish ? "¿Una sola convolución?" : "One convolution?" }

    func folded(kernel: [Int], stride: [Int], padding: [Int]) -> String {
        let rule =
            "\(math("w_1 \\ast w_2")) upsampled by \(math("s_1")), span \(math("(k_1-1) + (k_2-1)s_1 + 1")), stride \(math("s_1 s_2")), padding \(math("p_1 + s_1 p_2"))"
        let regla =
            "\(math("w_1 \\ast w_2")) con \(math("w_2")) espaciado por \(math("s_1")), alcance \(math("(k_1-1) + (k_2-1)s_1 + 1")), paso \(math("s_1 s_2")), relleno \(math("p_1 + s_1 p_2"))"
        return spanish
            ? "Al plegar las capas (kernel \(regla), capa por capa) se obtiene una convolución con kernel \(sizes(kernel)), paso \(sizes(stride)) y relleno \(sizes(padding)). "
            : "Folding the layers (kernel \(rule), layer by layer) gives a convolution with kernel \(sizes(kernel)), stride \(sizes(stride)) and padding \(sizes(padding)). "
    }

    func foldedEqual() -> String {
        spanish
            ? "La pila es igual a ella: cada fila de \(math("U")) coincide, término a término."
            : "The stack equals it: every row of \(math("U")) matches, term by term."
    }

    func foldedDiffers(rows: [Int], of total: Int) -> String {
        let listed =
            rows.prefix(16).map(String.init).joined(separator: ", ")
            + (rows.count > 16 ? ", …" : "")
        return spanish
            ? "Difiere de la pila en \(rows.count) de \(total) filas, donde el relleno con ceros de una capa intermedia corta caminos que la convolución única toma: filas \(listed)."
            : "It differs from the stack on \(rows.count) of \(total) rows, where an intermediate layer's zero padding cuts paths the single convolution takes: rows \(listed)."
    }

    func notCompared() -> String {
        spanish
            ? "La pila no se compara con una sola convolución (hay una capa traspuesta, un modo de relleno distinto de ceros, o no hay matriz compuesta)."
            : "The stack is not compared with a single convolution (a transposed layer, a padding mode other than zeros, or no composed matrix)."
    }

    func notPrinted(rows: Int, columns: Int, maxRows: Int, maxColumns: Int) -> String {
        spanish
            ? "(\(rows)\(times)\(columns): más grande que \(maxRows)\(times)\(maxColumns), no se imprime.)"
            : "(\(rows)\(times)\(columns): larger than \(maxRows)\(times)\(maxColumns), not printed.)"
    }
}
