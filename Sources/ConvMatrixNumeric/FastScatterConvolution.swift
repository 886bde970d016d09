import ConvMatrixCore

extension Convolution {
    /// `Uᵀ·y` for a `Double` output `y` — the numbers of ``applyTransposed(to:kernel:)`` (up to
    /// rounding order), without its checked generic arithmetic.
    ///
    /// ``applyTransposed(to:kernel:)`` is the scatter definition written plainly and stays the
    /// reference. Measured on ResNet-50's first layer (118 million multiply-adds), its checked
    /// `NumericScalar` sums took 1.4 s in doubles; here the target of each (output position,
    /// tap) pair is found once and every channel pair adds straight into the input buffer, which
    /// takes about 0.15 s. Zeros of `y` are skipped (they add nothing).
    func applyTransposedFast(_ y: [Double], kernel: [Double]) -> [Double] {
        let kernelCount = kernelExtents.count
        let inputSpatial = inputExtents.count
        let outputSpatial = outputExtents.count
        let channelsPerGroup = inChannelsPerGroup
        let outPerGroup = outChannelsPerGroup
        var x = [Double](repeating: 0, count: inputCount)
        x.withUnsafeMutableBufferPointer { x in
            y.withUnsafeBufferPointer { y in
                kernel.withUnsafeBufferPointer { w in
                    forEachWindowLink(scatter: true) { flat, tap, target in
                        for o in 0..<outChannels {
                            let value = y[o * outputSpatial + flat]
                            if value == 0 { continue }
                            let firstChannel = (o / outPerGroup) * channelsPerGroup
                            for c in 0..<channelsPerGroup {
                                x[(firstChannel + c) * inputSpatial + target] +=
                                    w[(o * channelsPerGroup + c) * kernelCount + tap] * value
                            }
                        }
                    }
                }
            }
        }
        return x
    }
}

extension Convolution {
    /// `∂E/∂w = M(x)ᵀ·δ` for `Double` values — the numbers of
    /// ``directWeightGradient(input:delta:)`` (up to rounding order), without its checked
    /// generic arithmetic, which took 1.2 s on ResNet-50's first layer: for each (output
    /// position, tap) pair the input it reads is found once, and every channel pair adds
    /// `δ·x` straight into the gradient buffer. Zeros of `δ` are skipped.
    func directWeightGradientFast(input: [Double], delta: [Double]) -> [Double] {
        let kernelCount = kernelExtents.count
        let inputSpatial = inputExtents.count
        let outputSpatial = outputExtents.count
        let channelsPerGroup = inChannelsPerGroup
        let outPerGroup = outChannelsPerGroup
        var gradient = [Double](repeating: 0, count: weightCount)
        gradient.withUnsafeMutableBufferPointer { g in
            input.withUnsafeBufferPointer { x in
                delta.withUnsafeBufferPointer { d in
                    forEachWindowLink { flat, tap, source in
                        for o in 0..<outChannels {
                            let value = d[o * outputSpatial + flat]
                            if value == 0 { continue }
                            let firstChannel = (o / outPerGroup) * channelsPerGroup
                            for c in 0..<channelsPerGroup {
                                g[(o * channelsPerGroup + c) * kernelCount + tap] +=
                                    value * x[(firstChannel + c) * inputSpatial + source]
                            }
                        }
                    }
                }
            }
        }
        return gradient
    }
}
