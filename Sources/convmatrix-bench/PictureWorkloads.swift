import ConvMatrix
import Foundation

/// The picture workloads: the largest animations the limits allow must be written in ≤ 0.5 s.
extension Workloads {
    /// The frames of the sliding kernel for `spec` as bytes of `format`.
    static func picture(_ spec: ConvolutionSpec, format: String) throws -> String {
        let conv = try spec.validated()
        let picture = SlidingPicture.picture(try SlidingModel(conv))
        let bytes: Int
        switch format {
        case "gif": bytes = GIFWriter.gif(picture, frameMilliseconds: 100).count
        case "tikz": bytes = TikZWriter.smallMultiples(picture, standalone: true).utf8.count
        default: bytes = AnimatedSVGWriter.svg(picture, frameMilliseconds: 100).utf8.count
        }
        return "\(picture.frameCount) frames, \(format) \(bytes) B"
    }

    /// A GIF of `picture`, refused (as the command line refuses it) past the encoding budget.
    static func gif(_ picture: FramedPicture) -> String {
        let pixels = GIFWriter.encodedPixels(picture)
        guard pixels <= GIFWriter.maxEncodedPixels else { return "refused: \(pixels) pixels" }
        return
            "\(picture.frameCount) frames, \(pixels) pixels, gif \(GIFWriter.gif(picture, frameMilliseconds: 100).count) B"
    }

    static let pictures: [Workload] =
        [
            Workload(
                name: "picture-backward-gif-28x28",
                summary: "28×28 input, 5×5 kernel: backward GIF, 576 + 25 frames",
                repeats: 5,
                run: {
                    let conv = try ConvolutionSpec(inputSize: [28, 28], kernelSize: [5, 5])
                        .validated()
                    return gif(BackwardPicture.picture(try BackwardModel(conv)))
                }),
            Workload(
                name: "picture-equivalent-gif-24x24",
                summary:
                    "the transposed 24×24 → 28×28, 5×5 kernel: equivalent view GIF, 784 frames",
                repeats: 5,
                run: {
                    let t = try TransposedConvolutionSpec(inputSize: [24, 24], kernelSize: [5, 5])
                        .validated()
                    return gif(SlidingPicture.picture(try SlidingModel(equivalentOf: t)))
                }),
            Workload(
                name: "picture-scatter-gif-14x14",
                summary:
                    "the transposed 14×14, 3×3 kernel, stride 2 → 29×29: scatter GIF, 197 frames",
                repeats: 5,
                run: {
                    let t = try TransposedConvolutionSpec(
                        inputSize: [14, 14], kernelSize: [3, 3], stride: [2]
                    ).validated()
                    return gif(ScatterPicture.picture(try ScatterModel(t)))
                }),
        ]
        + slidingPictures.map { name, summary, spec, format in
            Workload(
                name: name, summary: summary, repeats: 5,
                run: { try picture(spec, format: format) })
        }

    /// The sliding pictures timed: name, summary, layer, format.
    static let slidingPictures: [(String, String, ConvolutionSpec, String)] = [
        (
            "picture-sliding-gif-28x28", "28×28 input, 5×5 kernel: sliding GIF, 576 frames",
            ConvolutionSpec(inputSize: [28, 28], kernelSize: [5, 5]), "gif"
        ),
        (
            "picture-sliding-svg-28x28",
            "28×28 input, 5×5 kernel: sliding animated SVG, 576 frames",
            ConvolutionSpec(inputSize: [28, 28], kernelSize: [5, 5]), "svg"
        ),
        (
            "picture-sliding-gif-largest",
            "33×33 input, 3×3 kernel, padding 0: 961 frames (near the 1000-frame limit), GIF",
            ConvolutionSpec(inputSize: [33, 33], kernelSize: [3, 3]), "gif"
        ),
        (
            "picture-sliding-gif-widest",
            "100×100 input, 35×35 kernel, stride 13: the largest grid (10000 cells), GIF",
            ConvolutionSpec(inputSize: [100, 100], kernelSize: [35, 35], stride: [13]), "gif"
        ),
        (
            "picture-sliding-tikz-100",
            "10×10 input, 1×1 kernel: 100 TikZ small multiples (the TikZ limit)",
            ConvolutionSpec(inputSize: [10, 10], kernelSize: [1, 1]), "tikz"
        ),
    ]
}
