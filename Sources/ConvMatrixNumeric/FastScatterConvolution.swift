import ConvMatrixCore

extension Convolution {
    /// `Uᵀ·y` for a `Double` output `y` — the numbers of ``applyTransposed(to:kernel:)`` (up to
    /// rounding order), without its checked generic arithmetic.
    ///
    /// ``applyTransposed(to:kernel:)`` is the scatter definition written plainly and stays the
    /// reference. Measured on ResNet-50's first layer (118 million multiply-adds), its checked
    /// `NumericScalar` sums took 1.4 s in doubles. Here the target of each (output position,
    /// tap) pair is found once; `y` and the kernel are read position- and tap-major, so a
    /// pair's channels are contiguous, and each input channel's sum over the outputs of its
    /// group is kept in a register rather than stored after every term. The terms are added in
    /// the same order as before, so the numbers are the same bits; `apply --transpose` with values
    /// on that layer went from 0.47 s to about 0.25 s of CPU. Zeros of `y` are skipped (they add
    /// nothing).
    func applyTransposedFast(_ y: [Double], kernel: [Double]) -> [Double] {
        let inputSpatial = inputExtents.count
        let channelsPerGroup = inChannelsPerGroup
        let outPerGroup = outChannelsPerGroup
        // Read position-major, so that the channels of one link are contiguous; the sums are
        // made in the same order as over the PyTorch layouts, so the numbers are the same.
        let yByPosition = Self.positionMajor(y, channels: outChannels)
        let wByTap = tapMajor(kernel)
        var x = [Double](repeating: 0, count: inputCount)
        x.withUnsafeMutableBufferPointer { x in
            yByPosition.withUnsafeBufferPointer { y in
                wByTap.withUnsafeBufferPointer { w in
                    forEachWindowLink(scatter: true) { flat, tap, target in
                        let values = flat &* outChannels
                        let weights = tap &* outChannels &* channelsPerGroup
                        // Each input channel's sum is kept in a register over the outputs of
                        // its group, in the order of `o`, as the scatter definition adds them.
                        for group in 0..<groups {
                            let outputs = group &* outPerGroup..<(group &+ 1) &* outPerGroup
                            for c in 0..<channelsPerGroup {
                                let index =
                                    (group &* channelsPerGroup &+ c) &* inputSpatial &+ target
                                var sum = x[index]
                                for o in outputs {
                                    let value = y[values &+ o]
                                    if value == 0 { continue }
                                    sum += w[weights &+ o &* channelsPerGroup &+ c] * value
                                }
                                x[index] = sum
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
    /// `δ·x` into the gradient, kept tap-major while it is summed and read back in PyTorch's
    /// order at the end; δ is read position-major and the groups are walked without a division,
    /// which took `backward` with values on that layer from 0.75 s to 0.43 s of CPU. Zeros of
    /// `δ` are skipped.
    func directWeightGradientFast(input: [Double], delta: [Double]) -> [Double] {
        let kernelCount = kernelExtents.count
        let inputSpatial = inputExtents.count
        let channelsPerGroup = inChannelsPerGroup
        let outPerGroup = outChannelsPerGroup
        let pairs = outChannels * channelsPerGroup
        // δ read position-major and the gradient kept tap-major while it is summed, so that the
        // channels of one link are contiguous; each entry's sum runs in the same order.
        let deltaByPosition = Self.positionMajor(delta, channels: outChannels)
        var gradientByTap = [Double](repeating: 0, count: weightCount)
        gradientByTap.withUnsafeMutableBufferPointer { g in
            input.withUnsafeBufferPointer { x in
                deltaByPosition.withUnsafeBufferPointer { d in
                    forEachWindowLink { flat, tap, source in
                        let values = flat &* outChannels
                        let gradients = tap &* pairs
                        for group in 0..<groups {
                            let firstChannel = group &* channelsPerGroup
                            for o in group &* outPerGroup..<(group &+ 1) &* outPerGroup {
                                let value = d[values &+ o]
                                if value == 0 { continue }
                                let row = gradients &+ o &* channelsPerGroup
                                for c in 0..<channelsPerGroup {
                                    g[row &+ c] +=
                                        value * x[(firstChannel &+ c) &* inputSpatial &+ source]
                                }
                            }
                        }
                    }
                }
            }
        }
        // Back to PyTorch's weight order `(o·(C/g) + c)·Πk + tap`.
        var gradient = [Double](repeating: 0, count: weightCount)
        for tap in 0..<kernelCount {
            for pair in 0..<pairs {
                gradient[pair * kernelCount + tap] = gradientByTap[tap * pairs + pair]
            }
        }
        return gradient
    }

    /// `values` of `channels` channels, channel first (PyTorch's layout), rearranged position
    /// first: entry `(c, p)` moves from `c·P + p` to `p·channels + c`.
    static func positionMajor(_ values: [Double], channels: Int) -> [Double] {
        let positions = channels == 0 ? 0 : values.count / channels
        var result = [Double](repeating: 0, count: values.count)
        for c in 0..<channels {
            for p in 0..<positions { result[p * channels + c] = values[c * positions + p] }
        }
        return result
    }

    /// Kernel weights in PyTorch's order `(o·(C/g) + c)·Πk + tap`, rearranged tap first:
    /// `(tap·M + o)·(C/g) + c`.
    func tapMajor(_ kernel: [Double]) -> [Double] {
        let kernelCount = kernelExtents.count
        let pairs = outChannels * inChannelsPerGroup
        var result = [Double](repeating: 0, count: kernel.count)
        for pair in 0..<pairs {
            for tap in 0..<kernelCount {
                result[tap * pairs + pair] = kernel[pair * kernelCount + tap]
            }
        }
        return result
    }
}
