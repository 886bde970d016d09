/// A picture made of frames: a background every frame shares and, per frame, what is drawn over
/// it. ``AnimatedSVGWriter`` plays the frames in turn, ``GIFWriter`` encodes them as an
/// animated GIF, ``TikZWriter/smallMultiples(_:standalone:)`` prints them side by
/// side, and ``scene(frame:)`` is one still.
public struct FramedPicture: Hashable, Sendable {
    /// Width of every frame.
    public let width: Double
    /// Height of every frame.
    public let height: Double
    /// What every frame shows, back to front.
    public let background: [PictureScene.Primitive]
    /// Per frame, what is drawn over the background.
    public let frames: [[PictureScene.Primitive]]

    /// A picture of `frames` over `background`.
    public init(
        width: Double, height: Double, background: [PictureScene.Primitive],
        frames: [[PictureScene.Primitive]]
    ) {
        self.width = width
        self.height = height
        self.background = background
        self.frames = frames
    }

    /// The number of frames.
    public var frameCount: Int { frames.count }

    /// Frame `index` (`0 ≤ index < frameCount`) as a still scene.
    public func scene(frame index: Int) -> PictureScene {
        PictureScene(width: width, height: height, primitives: background + frames[index])
    }
}
