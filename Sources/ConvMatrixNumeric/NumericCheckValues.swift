/// The numbers a check runs on: the kernel, an input `x`, an output-shaped `y` for the
/// transposed products, and an upstream gradient `δ` (output-shaped) for the backward pass.
public struct NumericCheckValues: Hashable, Sendable {
    /// The kernel in PyTorch's weight order.
    public let kernel: KernelValues
    /// The input `x`, shape `(C, n…)`.
    public let input: TensorValues
    /// An output-shaped vector `y`, shape `(M, m…)`.
    public let output: TensorValues
    /// The upstream gradient `δ = ∂E/∂y`, shape `(M, m…)`.
    public let delta: TensorValues

    /// Gathers the values; `output` and `delta` must have the layer's output shape.
    public init(
        kernel: KernelValues, input: TensorValues, output: TensorValues, delta: TensorValues
    ) {
        self.kernel = kernel
        self.input = input
        self.output = output
        self.delta = delta
    }
}
