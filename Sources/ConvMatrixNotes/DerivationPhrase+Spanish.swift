extension DerivationPhrase {
    /// The Spanish table.
    var spanish: String {
        switch self {
        case .title: "La convolución como matriz: una derivación"
        case .heading(let section):
            switch section {
            case .layer: "La capa"
            case .inputGrid: "La grilla de entrada \(math("I"))"
            case .flattened: "La entrada estirada \(math("X"))"
            case .outputSize: "El tamaño de salida"
            case .placements: "Posiciones del kernel"
            case .unrolled: "La matriz desenrollada \(math("U"))"
            case .forward: "La convolución como producto: \(math("O = X \\cdot U", "O = X·U"))"
            case .transposed: "La convolución transpuesta \(math("T = U^{\\top}", "T = Uᵀ"))"
            case .connectivity: "Conectividad: \(math("C = O \\cdot T", "C = O·T"))"
            case .equivalent: "La convolución directa equivalente"
            case .backward: "La propagación hacia atrás"
            case .forwardEquations: "La propagación hacia adelante, una ecuación por salida"
            case .kernelGradientEquations: "El gradiente con respecto al kernel"
            case .inputGradientEquations: "El gradiente con respecto a la entrada"
            case .compactForms: "Formas compactas"
            }
        case .introduction:
            "Este documento escribe una convolución como un producto de matrices, paso a paso, para la capa de abajo: la entrada, su estiramiento, el tamaño de salida, cada posición del kernel, la matriz desenrollada \(math("U")) y la convolución transpuesta \(math("T = U^{\\top}", "T = Uᵀ")) que reproduce la conectividad."
        case .parameter(let name, let value):
            switch name {
            case .input: "Entrada: \(value)"
            case .kernel: "Kernel: \(value)"
            case .stride: "Stride (paso): \(value)"
            case .padding: "Padding (relleno): \(value)"
            case .dilation: "Dilatación: \(value)"
            case .channels: "Canales (entrada → salida): \(value)"
            case .groups: "Grupos: \(value)"
            case .paddingMode: "Modo de relleno: \(value)"
            }
        case .crossCorrelation:
            "Orientación: el kernel se usa tal cual (correlación cruzada, como en los frameworks de deep learning)"
        case .trueConvolution: "Orientación: el kernel se rota 180° (convolución verdadera)"
        case .inputGrid(let size, let channels):
            channels > 1
                ? "La entrada tiene \(channels) canales de \(size) valores, un símbolo por valor:"
                : "La entrada es una grilla de \(size) valores, un símbolo por valor:"
        case .slice(let channel, let depth):
            [channel.map { "canal \($0)" }, depth.map { "profundidad \($0)" }].compactMap { $0 }
                .joined(separator: ", ")
        case .slicesShown(let shown, let total):
            "Se muestran los primeros \(shown) de \(total) cortes."
        case .flattened(let count):
            "Estiramos la entrada fila por fila (primero el canal, luego cada eje en orden, como PyTorch guarda un tensor) en un vector fila \(math("X")) de \(count) elementos:"
        case .outputSizeRule:
            "En cada eje, con tamaño de entrada \(math("n")), relleno \(math("p_{\\text{antes}}", "p_antes")) antes y \(math("p_{\\text{después}}", "p_después")) después, kernel de tamaño \(math("k")), dilatación \(math("d")) y paso \(math("s")), la cantidad de salidas es \(math("m = \\left\\lfloor \\frac{n + p_{\\text{antes}} + p_{\\text{después}} - d\\,(k - 1) - 1}{s} \\right\\rfloor + 1", "m = ⌊(n + p_antes + p_después − d·(k − 1) − 1) / s⌋ + 1")):"
        case .outputSizeResult(let size, let channels):
            channels > 1
                ? "La salida tiene \(channels) canales de \(size) valores."
                : "La salida es de \(size)."
        case .unreached(let axis, let rank, let positions):
            "\(axisPhrase(axis, rank: rank, english: false)), el paso deja \(positions.contains(where: { ",–…".contains($0) }) ? "las posiciones" : "la posición") de entrada \(positions) fuera de toda ventana."
        case .placements(let shown, let total):
            shown < total
                ? "Cada salida es el kernel puesto sobre la entrada en una posición. Hay \(total) posiciones; se muestran las primeras \(shown):"
                : "Cada salida es el kernel puesto sobre la entrada en una posición. Las \(total) posiciones son:"
        case .placementFor(let index): "Salida \(index):"
        case .unrolled(let rows, let columns):
            "Estiramos cada posición en una columna y las ponemos una al lado de la otra: el resultado es la matriz desenrollada \(math("U")), con una fila por entrada y una columna por salida (\(rows)×\(columns)):"
        case .sumsOfTaps(let mode):
            "Con relleno \(mode), una entrada puede caer más de una vez en la misma ventana, así que un elemento de \(math("U")) puede ser una suma de pesos."
        case .forward(let inputs, let outputs):
            "La convolución es el producto \(math("X \\cdot U = O", "X·U = O")), con formas \(math("(1, \(inputs)) \\cdot (\(inputs), \(outputs)) = (1, \(outputs))", "(1, \(inputs))·(\(inputs), \(outputs)) = (1, \(outputs))")). Sobre la grilla de salida:"
        case .transposed(let inputs, let outputs):
            "La convolución transpuesta es la matriz \(math("T = U^{\\top}", "T = Uᵀ")), con formas \(math("(1, \(inputs)) \\cdot (\(inputs), \(outputs)) = (1, \(outputs))", "(1, \(inputs))·(\(inputs), \(outputs)) = (1, \(outputs))")): lleva las salidas de vuelta a las entradas."
        case .transposedSizeRule:
            "Como capa propia (ConvTranspose de PyTorch) con entrada de tamaño \(math("m")), su tamaño de salida es \(math("n = (m - 1)\\,s - p_{\\text{antes}} - p_{\\text{después}} + d\\,(k - 1) + a + 1", "n = (m − 1)·s − p_antes − p_después + d·(k − 1) + a + 1")), donde \(math("a")) es el relleno de salida:"
        case .outputPadding(let values):
            "El relleno de salida \(math("a = \(values.split(separator: "×").joined(separator: " \\times "))", "a = \(values)")) devuelve exactamente el tamaño de entrada."
        case .zeroPaddedCounterpart(let mode):
            "Con relleno \(mode), \(math("T = U^{\\top}", "T = Uᵀ")) sigue siendo la transpuesta, pero la capa ConvTranspose con estos parámetros es la transpuesta de la convolución con relleno de ceros."
        case .connectivity:
            "Multiplicar \(math("O")) por \(math("T")) devuelve cada salida a las entradas que cubrió su ventana, a través de los pesos que las conectaron. Reordenada en la grilla de entrada, \(math("C = O \\cdot T", "C = O·T")) muestra la conectividad: la convolución transpuesta reproduce qué entradas y salidas están conectadas, no los valores de la entrada (no es una inversa)."
        case .equivalent:
            "La convolución transpuesta también es una convolución directa de su entrada (Dumoulin y Visin, A guide to convolution arithmetic for deep learning):"
        case .insertedZeros(let axis, let rank, let zeros, let size):
            "\(axisPhrase(axis, rank: rank, english: false)): insertar \(math("s - 1 = \(zeros)", "s − 1 = \(zeros)")) \(zeros == 1 ? "cero" : "ceros") entre entradas consecutivas (tamaño \(size));"
        case .equivalentPadding(let axis, let rank, let before, let after):
            "\(axisPhrase(axis, rank: rank, english: false)): rellenar \(math("d\\,(k - 1) - p_{\\text{antes}} = \(before)", "d·(k − 1) − p_antes = \(before)")) antes y \(math("d\\,(k - 1) - p_{\\text{después}} + a = \(after)", "d·(k − 1) − p_después + a = \(after)")) después;"
        case .equivalentKernel(let dilation):
            "deslizar el kernel rotado 180° con paso 1 y dilatación \(dilation);"
        case .equivalentChannels(let inChannels, let outChannels):
            "intercambiar los canales: lee \(inChannels) y escribe \(outChannels)."
        case .equivalentOutput(let size):
            "Su tamaño de salida es \(size), como da la regla de arriba."
        case .crops:
            "Un relleno negativo significa recortar: se quitan esas posiciones de ese extremo en vez de agregarlas."
        case .backward:
            "Para entrenar se necesitan los gradientes de un error \(math("E")) respecto de la entrada y del kernel. Sea \(math("\\delta = \\partial E / \\partial O", "δ = ∂E/∂O")) el gradiente que llega a las salidas."
        case .inputGradient:
            "El gradiente de la entrada vuelve por la convolución transpuesta: \(math("\\partial E / \\partial I = \\delta \\cdot U^{\\top} = \\delta \\cdot T", "∂E/∂I = δ·Uᵀ = δ·T")), reordenado en la grilla de entrada:"
        case .columnConvention:
            "En la convención de columnas (\(math("O = U_c \\, I", "O = U_c·I")) con \(math("U_c = U^{\\top}", "U_c = Uᵀ"))) la misma fórmula se lee \(math("\\partial E / \\partial I = U_c^{\\top} \\delta", "∂E/∂I = U_cᵀ·δ"))."
        case .weightGradient(let rows, let columns):
            "Para el kernel, escribimos la convolución al revés: \(math("O = M(I) \\cdot \\operatorname{vec}(\(InlineMath.kernelMark))", "O = M(I)·vec(\(InlineMath.kernelMark))")), donde la matriz im2col \(math("M(I)")) tiene una fila por salida y una columna por peso (\(rows)×\(columns)), y sus elementos son entradas. Entonces \(math("\\partial E / \\partial \\operatorname{vec}(\(InlineMath.kernelMark)) = M(I)^{\\top} \\delta", "∂E/∂vec(\(InlineMath.kernelMark)) = M(I)ᵀ·δ")):"
        case .shortenedTerms(let terms):
            "Los elementos con más de \(terms) términos muestran sus dos primeros términos, ⋯ y el último."
        case .numericForward(let exact, let bias):
            "Con los valores dados, \(math(bias ? "O = X \\cdot U + b" : "O = X \\cdot U", bias ? "O = X·U + b" : "O = X·U")) en números\(exact ? ", exacto" : ""):"
        case .equationsIntroduction:
            "Este documento escribe la capa de abajo elemento por elemento: cada salida como una suma de productos; luego, por la regla de la cadena, el gradiente de un error \(math("E")) con respecto a cada peso y a cada entrada; y por último los mismos gradientes como convoluciones."
        case .forwardEquations(let outputs):
            outputs == 1
                ? "La salida es la suma de las entradas bajo el kernel, cada una multiplicada por su peso:"
                : "Cada una de las \(outputs) salidas es la suma de las entradas bajo el kernel, cada una multiplicada por su peso:"
        case .kernelGradientEquations(let weights):
            "Por la regla de la cadena, \(weights == 1 ? "el peso reúne" : "cada uno de los \(weights) pesos reúne"), de cada salida a la que contribuyó, el gradiente de esa salida por la entrada que multiplicó allí:"
        case .inputGradientEquations(let inputs, let zeros):
            zeros
                ? "Del mismo modo, \(inputs == 1 ? "la entrada reúne" : "cada una de las \(inputs) entradas reúne") el gradiente de cada salida por el peso que las une; una salida que no alcanza a la entrada aporta 0:"
                : "Del mismo modo, \(inputs == 1 ? "la entrada reúne" : "cada una de las \(inputs) entradas reúne"), de cada salida que alcanza, el gradiente de esa salida por el peso que las une:"
        case .equationsShown(let shown, let total):
            "Se escriben \(shown) de las \(total) ecuaciones; ⋮ representa las \(total - shown) omitidas."
        case .compactKernelGradient(let padding, let zeros, let dilation, let flipped):
            "El gradiente del kernel es la correlación cruzada ⋆ de la entrada\(padding.isEmpty ? "" : " rellenada con \(paddingWords(padding, english: false))") con el gradiente de la salida\(zeros.map { ", después de insertar \($0) \($0 == 1 ? "cero" : "ceros") entre elementos vecinos del gradiente de la salida (el paso)" } ?? "")\(dilation.map { ", tomando una de cada \($0) posiciones (la dilatación)" } ?? "")\(flipped ? ", rotada 180° (la capa rota su kernel)" : ""):"
        case .compactInputGradient(let zeros, let padding, let dilation, let rotated):
            "El gradiente de la entrada es la correlación cruzada completa ⋆ del gradiente de la salida\(zeros.map { ", con \($0) \($0 == 1 ? "cero insertado" : "ceros insertados") entre elementos vecinos (el paso)," } ?? "") con el kernel\(rotated ? " rotado 180°" : "")\(dilation.map { " y dilatado por \($0)" } ?? "")\(padding.allSatisfy { $0 == 0 } ? "" : ", con el gradiente de la salida rellenado con \(paddingWords(padding, english: false))")\(rotated ? ": lo mismo que la convolución completa del gradiente de la salida con el kernel" : ""):"
        case .size(let name, let rows, let columns, let elided):
            elided
                ? "\(name) es de \(rows)×\(columns); se omiten las filas y columnas del medio (⋯, ⋮)."
                : "\(name) es de \(rows)×\(columns)."
        case .figuresHeading: "Figuras"
        case .figureCaption(let figure):
            switch figure {
            case .sliding: "El kernel deslizándose sobre la entrada, un cuadro por salida."
            case .transposedEquivalent:
                "La convolución transpuesta como convolución directa sobre la entrada con ceros insertados."
            case .transposedScatter:
                "La convolución transpuesta como dispersión, un cuadro por entrada; al final, cuántas entradas llegan a cada salida."
            case .backward:
                "La retropropagación: δ dispersada por el kernel, luego δ correlacionada con la entrada."
            }
        }
    }
}
