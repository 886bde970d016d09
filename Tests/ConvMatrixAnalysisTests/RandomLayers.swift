import ConvMatrix
import ConvMatrixAnalysis

/// Random small layers for property tests, from a seed.
struct RandomLayers {
    var generator: SplitMix64

    init(seed: UInt64) { generator = SplitMix64(seed: seed) }

    mutating func int(_ range: ClosedRange<Int>) -> Int {
        range.lowerBound + Int(generator.next() % UInt64(range.count))
    }

    /// A valid forward convolution on `input` with `channels`, zero padding unless `mode`.
    mutating func convolution(
        input: [Int], channels: Int, mode: PaddingMode = .zeros, maxStride: Int = 3
    ) -> Convolution? {
        for _ in 0..<100 {
            let rank = input.count
            let kernel = (0..<rank).map { _ in int(1...4) }
            let dilation = (0..<rank).map { _ in int(1...4) == 4 ? 2 : 1 }
            let padding = (0..<rank).map { t in int(0...((kernel[t] - 1) * dilation[t]) / 2 + 1) }
            let out = [1, 1, 2, 3][int(0...3)]
            let groups = channels > 1 && out > 1 && channels % out == 0 && int(0...1) == 1 ? out : 1
            let spec = ConvolutionSpec(
                inputSize: input, kernelSize: kernel,
                stride: (0..<rank).map { _ in int(1...maxStride) },
                padding: .explicit(padding.map { AxisPadding($0) }), dilation: dilation,
                inChannels: channels, outChannels: out, groups: groups, paddingMode: mode)
            if let conv = try? spec.validated(), conv.outputExtents.sizes.allSatisfy({ $0 <= 9 }) {
                return conv
            }
        }
        return nil
    }

    /// A valid transposed convolution on `input` with `channels`.
    mutating func transposed(input: [Int], channels: Int) -> TransposedConvolution? {
        for _ in 0..<100 {
            let rank = input.count
            let kernel = (0..<rank).map { _ in int(1...4) }
            let stride = (0..<rank).map { _ in int(1...3) }
            let dilation = (0..<rank).map { _ in int(1...4) == 4 ? 2 : 1 }
            let spec = TransposedConvolutionSpec(
                inputSize: input, kernelSize: kernel, stride: stride,
                padding: .explicit(
                    (0..<rank).map { t in AxisPadding(int(0...(kernel[t] - 1) * dilation[t])) }),
                dilation: dilation, outputPadding: stride.map { int(0...($0 - 1)) },
                inChannels: channels, outChannels: [1, 2][int(0...1)])
            if let t = try? spec.validated(),
                t.outputExtents.sizes.allSatisfy({ (1...10).contains($0) })
            {
                return t
            }
        }
        return nil
    }

    /// Random kernel values (small dyadic rationals).
    mutating func values(_ layout: KernelLayout) -> KernelValues {
        KernelValues(randomFor: layout, using: &generator)
    }
}
