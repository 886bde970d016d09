/// A layer's inputs, outputs and weights, counted in 64-bit arithmetic on every host.
///
/// Commands that name, value or print a layer's elements budget ``ResourceLimits/bytesPerElement``
/// bytes for each before anything is built (``ResourceLimits/checkElements(_:)``). The counts are
/// `Int64`, not `Int`, so that a 32-bit host — the explorer's WebAssembly core, whose `Int` is 32
/// bits — counts, words and refuses a layer exactly as the 64-bit command line does: a 46340×46340
/// input has 2,147,395,600 inputs, which fits an `Int32`, but its inputs and outputs together do not.
public struct LayerElementCounts: Hashable, Sendable {
    /// Input elements `C · Π n`, or nil when the count overflows `Int64`.
    public let inputs: Int64?
    /// Output elements `M · Π m`, or nil when the count overflows `Int64`.
    public let outputs: Int64?
    /// Weights `M · C/g · Π k` (for a transposed layer, its forward convolution's), or nil when
    /// the count overflows `Int64`.
    public let weights: Int64?

    /// The counts `inputs`, `outputs` and `weights`.
    public init(inputs: Int64?, outputs: Int64?, weights: Int64?) {
        self.inputs = inputs
        self.outputs = outputs
        self.weights = weights
    }

    /// The counts of `conv`.
    public init(_ conv: Convolution) {
        self.init(
            inputs: Self.count(channels: Int64(conv.inChannels), sizes: conv.inputExtents.sizes),
            outputs: Self.count(channels: Int64(conv.outChannels), sizes: conv.outputExtents.sizes),
            weights: Self.count(
                channels: Int64(conv.outChannels) * Int64(conv.inChannelsPerGroup),
                sizes: conv.kernelExtents.sizes))
    }

    /// The counts of `layer`: its own inputs and outputs, its forward convolution's weights.
    public init(_ layer: TransposedConvolution) {
        let forward = LayerElementCounts(layer.forward)
        self.init(
            inputs: Self.count(channels: Int64(layer.inChannels), sizes: layer.inputExtents.sizes),
            outputs: Self.count(
                channels: Int64(layer.outChannels), sizes: layer.outputExtents.sizes),
            weights: forward.weights)
    }

    /// `channels · Π sizes` in 64-bit arithmetic, or nil when it overflows `Int64` (or a factor is
    /// negative).
    public static func count<Size: BinaryInteger>(channels: Int64, sizes: [Size]) -> Int64? {
        guard channels >= 0 else { return nil }
        var result = channels
        for size in sizes {
            guard size >= 0 else { return nil }
            guard let factor = Int64(exactly: size) else { return nil }
            let (value, overflow) = result.multipliedReportingOverflow(by: factor)
            if overflow { return nil }
            result = value
        }
        return result
    }

    /// The bytes budgeted for every element, ``ResourceLimits/bytesPerElement`` each, or nil when
    /// a count or the total overflows `Int64`.
    public var bytes: Int64? {
        guard let inputs, let outputs, let weights else { return nil }
        let (elements, first) = inputs.addingReportingOverflow(outputs)
        let (all, second) = elements.addingReportingOverflow(weights)
        let (bytes, third) = all.multipliedReportingOverflow(by: ResourceLimits.bytesPerElement)
        return first || second || third ? nil : bytes
    }
}

extension ResourceLimits {
    /// Bytes counted for every input, output and weight of a layer that a command names, values
    /// or prints: a symbol with its index array (about 100 bytes), a value, a column of a
    /// transposed matrix, an entry of a grid. An upper estimate, so that the budget refuses a
    /// layer before any per-element array is allocated; the matrices themselves are counted
    /// exactly where they are built.
    public static let bytesPerElement: Int64 = 160

    /// Throws unless a layer's elements, ``bytesPerElement`` each, fit in ``maxMemoryBytes``:
    /// `a layer of 2147395600 inputs, 2147210244 outputs and 9 weights needs 639.9 GiB, …`.
    public func checkElements(_ counts: LayerElementCounts) throws(SpecificationError) {
        try Self.checkElements(counts, budget: Int64(maxMemoryBytes))
    }

    /// Throws unless a layer's elements, ``bytesPerElement`` each, fit in `budget`: the same
    /// words and numbers on 32-bit and 64-bit hosts.
    public static func checkElements(_ counts: LayerElementCounts, budget: Int64)
        throws(SpecificationError)
    {
        func text(_ count: Int64?) -> String { count.map { "\($0)" } ?? "more than 9.2e18" }
        try checkMemory(
            counts.bytes, budget: budget,
            for:
                "a layer of \(text(counts.inputs)) inputs, \(text(counts.outputs)) outputs and \(text(counts.weights)) weights"
        )
    }
}
