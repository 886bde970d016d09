import ConvMatrixCore
import ConvMatrixNumeric
import ConvMatrixRendering
import ConvMatrixSymbols

extension DerivationPhrase {
    /// The Spanish table.
    var spanish: String {
        switch self {
        case .title: "La convolución como matriz: una derivación"
        case .heading(let section):
            switch section {
            case .layer: "La capa"
            case .inputGrid: "La grilla de entrada I"
            case .flattened: "La entrada estirada X"
            case .outputSize: "El tamaño de salida"
            case .placements: "Posiciones del kernel"
            case .unrolled: "La matriz desenrollada U"
            case .forward: "La convolución como producto: O = X·U"
            case .transposed: "La convolución transpuesta T = Uᵀ"
            case .connectivity: "Conectividad: C = O·T"
            case .equivalent: "La convolución directa equivalente"
            case .backward: "La propagación hacia atrás"
            }
        case .introduction:
            "Este documento escribe una convolución como un producto de matrices, paso a paso, para la capa de abajo: la entrada, su estiramiento, el tamaño de salida, cada posición del kernel, la matriz desenrollada U y la convolución transpuesta T = Uᵀ que reproduce la conectividad."
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
            "Estiremos la entrada fila por fila (primero el canal, luego cada eje en orden, como PyTorch guarda un tensor) en un vector fila X de \(count) elementos:"
        case .outputSizeRule:
            "En cada eje, con tamaño de entrada n, relleno p antes y después, kernel de tamaño k, dilatación d y paso s, la cantidad de salidas es m = ⌊(n + p_antes + p_después − d·(k − 1) − 1) / s⌋ + 1:"
        case .outputSizeResult(let size, let channels):
            channels > 1
                ? "La salida tiene \(channels) canales de \(size) valores."
                : "La salida es de \(size)."
        case .unreached(let axis, let positions):
            "En el eje \(axis) el paso deja las posiciones de entrada \(positions) fuera de toda ventana."
        case .placements(let shown, let total):
            shown < total
                ? "Cada salida es el kernel puesto sobre la entrada en una posición. Hay \(total) posiciones; se muestran las primeras \(shown):"
                : "Cada salida es el kernel puesto sobre la entrada en una posición. Las \(total) posiciones son:"
        case .placementFor(let index): "Salida \(index):"
        case .unrolled(let rows, let columns):
            "Estiramos cada posición en una columna y las ponemos una al lado de la otra: el resultado es la matriz desenrollada U, con una fila por entrada y una columna por salida (\(rows)×\(columns)):"
        case .sumsOfTaps(let mode):
            "Con relleno \(mode), una entrada puede caer más de una vez en la misma ventana, así que un elemento de U puede ser una suma de pesos."
        case .forward(let inputs, let outputs):
            "La convolución es el producto X·U = O, con formas (1, \(inputs))·(\(inputs), \(outputs)) = (1, \(outputs)). Sobre la grilla de salida:"
        case .transposed(let inputs, let outputs):
            "La convolución transpuesta es la matriz T = Uᵀ, con formas (1, \(inputs))·(\(inputs), \(outputs)) = (1, \(outputs)): lleva las salidas de vuelta a las entradas."
        case .transposedSizeRule:
            "Como capa propia (ConvTranspose de PyTorch) con entrada de tamaño m, su tamaño de salida es n = (m − 1)·s − p_antes − p_después + d·(k − 1) + a + 1, donde a es el output padding:"
        case .outputPadding(let values):
            "El output padding a = \(values) devuelve exactamente el tamaño de entrada."
        case .zeroPaddedCounterpart(let mode):
            "Con relleno \(mode), T = Uᵀ sigue siendo la transpuesta, pero la capa ConvTranspose con estos parámetros es la transpuesta de la convolución con relleno de ceros."
        case .connectivity:
            "Multiplicar O por T devuelve cada salida a las entradas que cubrió su ventana, a través de los pesos que las conectaron. Reordenada en la grilla de entrada, C = O·T muestra la conectividad: la convolución transpuesta reproduce qué entradas y salidas están conectadas, no los valores de la entrada (no es una inversa)."
        case .equivalent:
            "La convolución transpuesta también es una convolución directa de su entrada (Dumoulin y Visin, A guide to convolution arithmetic for deep learning):"
        case .insertedZeros(let axis, let zeros, let size):
            "Eje \(axis): insertar s − 1 = \(zeros) ceros entre entradas consecutivas (tamaño \(size));"
        case .equivalentPadding(let axis, let before, let after):
            "Eje \(axis): rellenar d·(k − 1) − p_antes = \(before) antes y d·(k − 1) − p_después + a = \(after) después;"
        case .equivalentKernel(let dilation):
            "deslizar el kernel rotado 180° con paso 1 y dilatación \(dilation);"
        case .equivalentChannels(let inChannels, let outChannels):
            "intercambiar los canales: lee \(inChannels) y escribe \(outChannels)."
        case .equivalentOutput(let size):
            "Su tamaño de salida es \(size), como da la regla de arriba."
        case .crops:
            "Un relleno negativo significa recortar: se quitan esas posiciones de ese extremo en vez de agregarlas."
        case .backward:
            "Para entrenar se necesitan los gradientes de un error E respecto de la entrada y del kernel. Sea δ = ∂E/∂O el gradiente que llega a las salidas."
        case .inputGradient:
            "El gradiente de la entrada vuelve por la convolución transpuesta: ∂E/∂X = δ·Uᵀ = δ·T. Sobre la grilla de entrada:"
        case .columnConvention:
            "En la convención de columnas (y = U_c·x con U_c = Uᵀ) la misma fórmula se lee ∂E/∂x = U_cᵀ·δ."
        case .weightGradient(let rows, let columns):
            "Para el kernel, escribimos la convolución al revés: y = M(x)·vec(k), donde la matriz im2col M(x) tiene una fila por salida y una columna por peso (\(rows)×\(columns)), y sus elementos son entradas. Entonces ∂E/∂vec(k) = M(x)ᵀ·δ:"
        case .shortenedTerms(let terms):
            "Los elementos con más de \(terms) términos muestran sus dos primeros términos, ⋯ y el último."
        case .size(let name, let rows, let columns, let elided):
            elided
                ? "\(name) es de \(rows)×\(columns); se omiten las filas y columnas del medio (⋯, ⋮)."
                : "\(name) es de \(rows)×\(columns)."
        }
    }
}
