import ConvMatrixCore

extension Convolution {
    /// The layer applied to a `Double` input — the same numbers as
    /// ``apply(to:kernel:)`` (up to rounding order), restructured for speed.
    ///
    /// ``apply(to:kernel:)`` is the definition written plainly, one output at a time; it is the
    /// reference and stays. This form was written after measuring it on ResNet-50's first layer
    /// (3×224×224 → 64, 7×7, stride 2: 118 million multiply-adds), and is right for these reasons:
    /// 1. **Pad once.** The input is copied into a padded buffer `x̃` through the padding mode
    ///    (zeros, reflect, replicate, circular all become plain reads), so no bound or mode test
    ///    is left in the loops; the convolution of `x̃` needs no padding.
    /// 2. **Split the last axis by stride phase.** Position `i·s + q` of a padded row lives at
    ///    index `i + ⌊q/s⌋` of phase `q mod s`, so for a fixed tap the inner loop over the output
    ///    row reads consecutive memory, which the compiler vectorises.
    /// 3. **Accumulate a whole output row per weight.** `y[o, i_outer, :] += w · x̃-row`: the
    ///    output row and the input rows stay in the L1 cache while every tap of every input
    ///    channel of the group is added (the same sum as the definition, in another order).
    /// 4. **Output channels in parallel** (`ParallelLoop`): they write
    ///    disjoint slices of `y`.
    ///
    /// - Parameters:
    ///   - input: `C · Π n` values, channel first then row-major.
    ///   - kernel: the weights in PyTorch's order `(M, C/g, k…)`.
    /// - Returns: `M · Π m` values.
    /// - Throws: ``ConvMatrixNumeric/NumericError`` when a count does not match the layer.
    public func applyFast(input: [Double], kernel: [Double]) throws(NumericError) -> [Double] {
        try NumericShapes.check(vector: input, count: inputCount, what: "the input")
        try NumericShapes.check(kernel, count: weightCount, shape: kernelLayout.shape)
        let rank = self.rank
        let last = rank - 1
        let stride = axes[last].stride
        // Padded extents; the last axis is stored as `stride` phases of `phaseLength` each.
        let padded = axes.map(\.paddedInputSize)
        let phaseLength = (padded[last] + stride - 1) / stride
        let rowLength = stride * phaseLength
        let outerPadded = padded.dropLast().reduce(1, *)
        let channelLength = outerPadded * rowLength
        // Source index of every padded coordinate, per axis (nil: a zero).
        let sources: [[Int?]] = axes.map { axis in
            (0..<axis.paddedInputSize).map { u in
                paddingMode.sourceIndex(of: u - axis.padding.before, extent: axis.inputSize)
            }
        }
        var xs = [Double](repeating: 0, count: inChannels * channelLength)
        let outerPaddedExtents = Extents(Array(padded.dropLast())) ?? inputExtents
        for c in 0..<inChannels {
            for outer in 0..<outerPadded {
                let u = outerPaddedExtents.multiIndex(outer)
                var base = c * inputExtents.count
                var inside = true
                for t in 0..<last {
                    guard let s = sources[t][u[t]] else {
                        inside = false
                        break
                    }
                    base += s * inputExtents.strides[t]
                }
                guard inside else { continue }
                let rowStart = c * channelLength + outer * rowLength
                for v in 0..<padded[last] {
                    if let s = sources[last][v] {
                        xs[rowStart + (v % stride) * phaseLength + v / stride] = input[base + s]
                    }
                }
            }
        }
        // Flat kernel tap offsets used for each (outer kernel position, last-axis tap).
        let kernelOuter = Extents(Array(kernelExtents.sizes.dropLast())) ?? kernelExtents
        let outputOuter = Extents(Array(outputExtents.sizes.dropLast())) ?? outputExtents
        let lastAxis = axes[last]
        let m = lastAxis.outputSize
        let kernelCount = kernelExtents.count
        let outputSpatial = outputExtents.count
        let perGroupIn = inChannelsPerGroup
        let perGroupOut = outChannelsPerGroup
        let orientation = self.orientation
        let axes = self.axes
        let kernelStrides = kernelExtents.strides
        var output = [Double](repeating: 0, count: outputCount)
        output.withUnsafeMutableBufferPointer { y in
            xs.withUnsafeBufferPointer { x in
                kernel.withUnsafeBufferPointer { w in
                    // Validation makes every count ≥ 1, so the buffers are never empty.
                    guard let yAddress = y.baseAddress, let xAddress = x.baseAddress,
                        let wAddress = w.baseAddress
                    else { return }
                    let yBase = UnsafeSendable(yAddress)
                    let xBase = UnsafeSendable(xAddress)
                    let wBase = UnsafeSendable(wAddress)
                    ParallelLoop.forEach(iterations: outChannels) { o in
                        let y = yBase.pointer
                        let x = xBase.pointer
                        let w = wBase.pointer
                        let group = o / perGroupOut
                        for iOuterFlat in 0..<outputOuter.count {
                            let iOuter = outputOuter.multiIndex(iOuterFlat)
                            let row = y + o * outputSpatial + iOuterFlat * m
                            for cInGroup in 0..<perGroupIn {
                                let c = group * perGroupIn + cInGroup
                                let weights = w + (o * perGroupIn + cInGroup) * kernelCount
                                for aOuterFlat in 0..<kernelOuter.count {
                                    let aOuter = kernelOuter.multiIndex(aOuterFlat)
                                    var paddedRow = 0
                                    var tapOuter = 0
                                    for t in 0..<last {
                                        paddedRow =
                                            paddedRow * padded[t] + iOuter[t] * axes[t].stride
                                            + aOuter[t] * axes[t].dilation
                                        let a =
                                            orientation == .convolution
                                            ? axes[t].kernelSize - 1 - aOuter[t] : aOuter[t]
                                        tapOuter += a * kernelStrides[t]
                                    }
                                    let source = x + c * channelLength + paddedRow * rowLength
                                    for aLast in 0..<lastAxis.kernelSize {
                                        let a =
                                            orientation == .convolution
                                            ? lastAxis.kernelSize - 1 - aLast : aLast
                                        let weight = weights[tapOuter + a]
                                        if weight == 0 { continue }
                                        let q = aLast * lastAxis.dilation
                                        let phase = source + (q % stride) * phaseLength + q / stride
                                        for i in 0..<m { row[i] += weight * phase[i] }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        return output
    }
}

/// A pointer handed to the worker threads of `ParallelLoop`; each thread writes a disjoint
/// part of the memory behind it.
struct UnsafeSendable<Pointee>: @unchecked Sendable {
    let pointer: Pointee
    init(_ pointer: Pointee) { self.pointer = pointer }
}
