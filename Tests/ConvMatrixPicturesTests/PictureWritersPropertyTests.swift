import ConvMatrixTestSupport
import Testing

@testable import ConvMatrixPictures

/// Every picture of random layers goes through every writer: the frame count is kept, the GIF
/// has one image per frame, the animated SVG one group per frame, the small multiples one
/// `tikzpicture` per frame.
@Suite("Picture writers over random layers")
struct PictureWritersPropertyTests {
    static func check(_ picture: FramedPicture) {
        let svg = AnimatedSVGWriter.svg(picture, frameMilliseconds: 100)
        #expect(svg.components(separatedBy: "<g visibility=").count - 1 == picture.frameCount)
        let gif = GIFWriter.gif(picture, frameMilliseconds: 100)
        #expect(GIFWriterTests.structure(gif)?.frames.count == picture.frameCount)
        let tikz = TikZWriter.smallMultiples(picture, standalone: false)
        #expect(
            tikz.components(separatedBy: "\\begin{tikzpicture}").count - 1 == picture.frameCount)
        let still = SVGWriter.svg(picture.scene(frame: picture.frameCount - 1))
        #expect(still.hasSuffix("</svg>\n"))
    }

    @Test("sliding, scatter and backward pictures of random layers")
    func randomLayers() throws {
        var rng = SeededGenerator(seed: 21)
        for _ in 0..<15 {
            let conv = RandomSpecs.convolution(using: &rng, maxRank: 2)
            let o = Int.random(in: 0..<conv.outChannels, using: &rng)
            let labels: Bool? = [true, false, nil].randomElement(using: &rng) ?? nil
            let options = FrameOptions(names: .xwy, labels: labels)
            Self.check(
                SlidingPicture.picture(try SlidingModel(conv, outputChannel: o), options: options))
            Self.check(
                BackwardPicture.picture(try BackwardModel(conv, outputChannel: o), options: options)
            )
            let layer = FramesFromMatrixTests.transposed(using: &rng)
            let p = Int.random(in: 0..<layer.outChannels, using: &rng)
            Self.check(
                SlidingPicture.picture(
                    try SlidingModel(equivalentOf: layer, outputChannel: p), options: options))
            Self.check(
                ScatterPicture.picture(try ScatterModel(layer, outputChannel: p), options: options))
        }
    }
}
