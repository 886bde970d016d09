import ConvMatrixCore

/// The receptive field, effective stride and effective padding of a stack of forward
/// convolutions along one axis, by the recurrences of Araujo, Norris & Sim ("Computing
/// receptive fields of convolutional neural networks", Distill 2019, eqs. 1–4, 8–11).
///
/// With `k_l` replaced by the dilated span `d_l·(k_l − 1) + 1`:
///
///     r₀ = Σ_{l=1}^{L} (k_l − 1)·Π_{i<l} s_i + 1          (receptive field)
///     S₀ = Π_{l=1}^{L} s_l                                 (effective stride)
///     P₀ = Σ_{l=1}^{L} p_l·Π_{i<l} s_i,  i.e. P_{l−1} = s_l·P_l + p_l, P_L = 0
///
/// and output `i` of the last layer sees the input window `[u₀, v₀] = [i·S₀ − P₀,
/// i·S₀ − P₀ + r₀ − 1]` (unclipped; positions outside `0…n−1` are padding), centred at
/// `(u₀ + v₀)/2`.
public struct ReceptiveField: Hashable, Sendable {
    /// `r₀`.
    public let size: Int
    /// `S₀`.
    public let stride: Int
    /// `P₀` (the padding before).
    public let padding: Int

    /// The recurrences over `layers` (first applied first) on one axis; nil when a value
    /// would overflow `Int`.
    public init?(_ layers: [LayerAxis]) {
        var size = 1
        var product = 1
        var padding = 0
        for layer in layers {
            let grow = (layer.dilatedKernelSize - 1).multipliedReportingOverflow(by: product)
            let pad = layer.padding.before.multipliedReportingOverflow(by: product)
            let next = product.multipliedReportingOverflow(by: layer.stride)
            guard !grow.overflow, !pad.overflow, !next.overflow else { return nil }
            let newSize = size.addingReportingOverflow(grow.partialValue)
            let newPadding = padding.addingReportingOverflow(pad.partialValue)
            guard !newSize.overflow, !newPadding.overflow else { return nil }
            size = newSize.partialValue
            padding = newPadding.partialValue
            product = next.partialValue
        }
        self.size = size
        self.stride = product
        self.padding = padding
    }

    /// The unclipped window `[u₀, v₀]` of output position `i`.
    public func window(_ i: Int) -> ClosedRange<Int> {
        let u = i * stride - padding
        return u...(u + size - 1)
    }

    /// The centre `(u₀ + v₀)/2` of output `i`'s window (a half-integer when `r₀` is even).
    public func centre(_ i: Int) -> Double {
        let w = window(i)
        return Double(w.lowerBound + w.upperBound) / 2
    }
}
