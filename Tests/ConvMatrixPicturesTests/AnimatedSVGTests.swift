import Testing

@testable import ConvMatrixCore
@testable import ConvMatrixPictures

/// The animated SVG: one group per frame, frame 0 visible without animation, each frame's
/// `<animate>` showing it for its slot of the cycle, no script.
@Suite("Animated SVG")
struct AnimatedSVGTests {
    @Test("timing slots cover the cycle in order", arguments: [1, 2, 3, 4, 7])
    func timing(count: Int) {
        for index in 0..<count where count > 1 {
            let text = AnimatedSVGWriter.timing(index, count)
            #expect(text.contains("visible"))
            #expect(text.hasPrefix("keyTimes=\"0;"))
        }
        #expect(AnimatedSVGWriter.fraction(1, 3) == "0.333333")
        #expect(AnimatedSVGWriter.fraction(3, 3) == "1")
    }

    @Test("one group and one animation per frame, no script")
    func groups() throws {
        let model = try SlidingModel(ConvolutionSpec.input5x5Kernel3x3Stride2.validated())
        let svg = AnimatedSVGWriter.svg(SlidingPicture.picture(model), frameMilliseconds: 700)
        #expect(svg.components(separatedBy: "<g visibility=").count - 1 == 4)
        #expect(svg.components(separatedBy: "<animate ").count - 1 == 4)
        #expect(svg.components(separatedBy: "<g visibility=\"visible\"").count - 1 == 1)
        #expect(svg.contains("dur=\"2800ms\""))
        #expect(!svg.contains("<script"))
    }
}
