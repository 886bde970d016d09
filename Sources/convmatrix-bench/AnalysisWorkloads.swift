import ConvMatrix
import ConvMatrixAnalysis
import Foundation

/// The workloads of `analyze` and `compose` (docs/analysis.md).
extension Workloads {
    /// 20 forward layers of a VGG-like network on 224×224: pairs of 3×3 padding-1
    /// convolutions, then a 2×2 stride-2 pool, with a dilated layer near the end.
    static func twentyLayerGeometry() throws -> [[LayerAxis]] {
        var layers: [[LayerAxis]] = []
        var size = 224
        for l in 0..<20 {
            let pool = l % 4 == 3
            let dilation = l == 18 ? 2 : 1
            let spec = ConvolutionSpec(
                inputSize: [size, size], kernelSize: pool ? [2, 2] : [3, 3],
                stride: pool ? [2] : [1], padding: .explicit([AxisPadding(pool ? 0 : dilation)]),
                dilation: [dilation])
            let conv = try spec.validated()
            layers.append(Layer.convolution(conv).axes)
            size = conv.outputExtents.sizes[0]
        }
        return layers
    }

    static let analysis: [Workload] = [
        Workload(
            name: "rf_20_layers",
            summary:
                "receptive field, stride, padding and every window of a 20-layer stack on 224×224",
            repeats: 2000,
            run: {
                let layers = try twentyLayerGeometry()
                var note = ""
                for t in 0..<2 {
                    guard let field = ReceptiveField(layers.map { $0[t] }) else {
                        return "overflow"
                    }
                    var total = 0
                    for i in 0..<14 { total &+= field.window(i).lowerBound }
                    note = "r \(field.size), S \(field.stride), P \(field.padding), Σu \(total)"
                }
                return note
            }),
        Workload(
            name: "compose_3x32",
            summary: "the composed symbolic matrix U₃·U₂·U₁ of three 3×3 padding-1 layers on 32×32",
            repeats: 20,
            run: {
                var layers: [Layer] = []
                for _ in 0..<3 {
                    layers.append(
                        .convolution(
                            try ConvolutionSpec(
                                inputSize: [32, 32], kernelSize: [3, 3],
                                padding: .explicit([AxisPadding(1)])
                            ).validated()))
                }
                let stack = try LayerStack(layers)
                let matrices = try layers.map { try $0.matrix() }
                let composed = try ComposedMatrix(stack, matrices: matrices)
                return "\(composed.rowCount)x\(composed.columnCount), \(composed.termCount) terms"
            }),
        Workload(
            name: "resnet50_norm",
            summary:
                "operator norm of ResNet-50's conv1 (3→64, 7×7, stride 2, padding 3, 224×224) by power iteration",
            repeats: 1,
            run: {
                let conv = try ConvolutionSpec(
                    inputSize: [224, 224], kernelSize: [7, 7], stride: [2],
                    padding: .explicit([AxisPadding(3)]), inChannels: 3, outChannels: 64
                ).validated()
                var generator = SplitMix64(seed: 1)
                let values = KernelValues(randomFor: conv.kernelLayout, using: &generator).doubles
                let u = try conv.unrolled()
                let start = ConvolutionSymbol.startVector(conv, tapValues: values)
                if let steps = ProcessInfo.processInfo.environment["NORM_STEPS"].flatMap(Int.init) {
                    // A reference run: 12 power steps, then NORM_STEPS Lanczos steps, no stopping rule.
                    let n = try OperatorNorm(
                        u, tapValues: values, start: start, tolerance: 0, maxIterations: 12,
                        krylovSteps: steps)
                    return "12 power steps, then \(n.krylovIterations) Lanczos steps: \(n.value)"
                }
                let norm = try OperatorNorm(
                    u, tapValues: values, start: start, tolerance: 1e-5, maxIterations: 200,
                    krylovSteps: 20, krylovTolerance: 1e-10)
                return
                    "‖U‖₂ = \(SignificantDigits.format(norm.value, digits: 8)) (power estimate \(SignificantDigits.format(norm.powerEstimate, digits: 8))), \(norm.iterations) power steps + \(norm.krylovIterations) Lanczos steps, last change \(SignificantDigits.format(norm.lastRelativeChange, digits: 2))"
            }),
    ]
}
