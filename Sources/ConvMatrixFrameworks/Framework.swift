/// The five deep-learning frameworks whose convolution APIs ConvMatrix translates between.
///
/// The raw values are the keys of `convmatrix frameworks --format json` and the values of
/// `--from`.
public enum Framework: String, CaseIterable, Hashable, Sendable {
    /// PyTorch: `torch.nn.Conv*d` and `torch.nn.ConvTranspose*d`.
    case pytorch
    /// TensorFlow: `tf.nn.conv*d` and `tf.nn.conv*d_transpose`.
    case tensorflow
    /// Keras 3: `keras.layers.Conv*D` and `keras.layers.Conv*DTranspose`.
    case keras
    /// JAX: `jax.lax.conv_general_dilated` and `jax.lax.conv_transpose`.
    case jax
    /// ONNX: the `Conv` and `ConvTranspose` operators.
    case onnx

    /// The name people write: `PyTorch`, `TensorFlow`, `Keras`, `JAX`, `ONNX`.
    public var displayName: String {
        switch self {
        case .pytorch: "PyTorch"
        case .tensorflow: "TensorFlow"
        case .keras: "Keras"
        case .jax: "JAX"
        case .onnx: "ONNX"
        }
    }

    /// The layer or function that computes a layer of `direction` with `rank` spatial axes,
    /// e.g. `torch.nn.ConvTranspose2d`, `tf.nn.conv2d_transpose`, `jax.lax.conv_transpose`.
    public func operationName(direction: FrameworkDirection, rank: Int) -> String {
        let transposed = direction == .transposed
        switch self {
        case .pytorch:
            return "torch.nn.\(transposed ? "ConvTranspose" : "Conv")\(rank)d"
        case .tensorflow:
            return "tf.nn.conv\(rank)d\(transposed ? "_transpose" : "")"
        case .keras:
            return "keras.layers.Conv\(rank)D\(transposed ? "Transpose" : "")"
        case .jax:
            return transposed ? "jax.lax.conv_transpose" : "jax.lax.conv_general_dilated"
        case .onnx:
            return transposed ? "ONNX ConvTranspose" : "ONNX Conv"
        }
    }
}
