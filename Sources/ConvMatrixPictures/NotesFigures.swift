import ConvMatrixCore

/// The figures course notes embed for a layer: the kernel sliding over the input, the transposed
/// convolution in both views (zero padding only: other modes have no transposed layer), and the
/// backward pass. `derive --figures` writes them beside the document.
public enum NotesFigures {
    /// One figure: a file name (without extension) and its frames.
    public struct Figure: Sendable {
        /// `sliding`, `transposed-equivalent`, `transposed-scatter` or `backward`.
        public let name: String
        /// The frames.
        public let picture: FramedPicture
    }

    /// The figures of `conv`, output channel 0. Throws when the layer cannot be drawn (three
    /// axes, too many frames or cells).
    public static func figures(_ conv: Convolution, options: FrameOptions = FrameOptions())
        throws(SpecificationError) -> [Figure]
    {
        var result = [
            Figure(
                name: "sliding",
                picture: SlidingPicture.picture(try SlidingModel(conv), options: options))
        ]
        if conv.paddingMode == .zeros {
            let transposed = try conv.transposedCounterpart.validated()
            result.append(
                Figure(
                    name: "transposed-equivalent",
                    picture: SlidingPicture.picture(
                        try SlidingModel(equivalentOf: transposed), options: options,
                        title: "equivalent convolution")))
            result.append(
                Figure(
                    name: "transposed-scatter",
                    picture: ScatterPicture.picture(try ScatterModel(transposed), options: options))
            )
        }
        result.append(
            Figure(
                name: "backward",
                picture: BackwardPicture.picture(try BackwardModel(conv), options: options)))
        return result
    }
}
