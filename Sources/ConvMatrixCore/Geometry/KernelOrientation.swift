/// Whether the kernel is applied as it is (cross-correlation) or rotated by 180° (convolution).
///
/// Deep-learning frameworks call cross-correlation "convolution":
/// `y[i] = Σ_a k[a]·x[i·s + a·d − p]`. The convolution of signal processing flips the kernel on
/// every spatial axis, `y[i] = Σ_a k[K−1−a]·x[i·s + a·d − p]`, equivalently the cross-correlation
/// with `rot₁₈₀(k)` (seeds 001 and 003).
public enum KernelOrientation: String, Hashable, Sendable, CaseIterable {
    /// The kernel as it is (PyTorch's `conv2d`, the default).
    case crossCorrelation = "cross-correlation"
    /// The kernel rotated by 180° on every spatial axis (`--flip`).
    case convolution
}
