/// How many frames each animated picture of a layer has: one frame per step of the computation
/// the picture follows, for one output channel (every channel repeats the same steps).
///
/// The pictures (ConvMatrixPictures), the command line's `--frame` checks and the explorer all
/// read the counts here, so that a frame number means the same step everywhere. Frames are
/// numbered in row-major order of the positions they step through.
///
/// Plain integer arithmetic on already-validated layers (whose sizes are checked when they are
/// built), no Foundation: this compiles as Embedded Swift for WebAssembly with the rest of Core.
public enum FrameCounts {
    /// The kernel sliding over the input (Dumoulin & Visin's figures): one frame per spatial
    /// output position, `Π m_i`.
    public static func sliding(_ conv: Convolution) -> Int {
        conv.outputExtents.count
    }

    /// A transposed convolution drawn as its equivalent direct convolution (the kernel sliding
    /// over the zero-inserted input): one frame per spatial output position of the transposed
    /// layer, `Π n_i`.
    public static func transposedEquivalent(_ transposed: TransposedConvolution) -> Int {
        transposed.outputExtents.count
    }

    /// The scatter steps of a transposed convolution: one per spatial input position and input
    /// channel of a group, `Π m_i · C_in/g` (each input spreads the kernel over the output).
    public static func scatterSteps(_ transposed: TransposedConvolution) -> Int {
        transposed.inputExtents.count * (transposed.inChannels / transposed.groups)
    }

    /// A transposed convolution drawn as a scatter: the ``scatterSteps(_:)``, then one last
    /// frame showing how many inputs reach each output (the overlap).
    public static func transposedScatter(_ transposed: TransposedConvolution) -> Int {
        scatterSteps(transposed) + 1
    }

    /// The backward pass of a convolution: one frame per spatial output position (∂E/∂x, δ
    /// scattered through the kernel), then one per spatial kernel tap (∂E/∂k, δ correlated with
    /// the input), `Π m_i + Π k_i`.
    public static func backward(_ conv: Convolution) -> Int {
        conv.outputExtents.count + conv.kernelExtents.count
    }
}
