import ConvMatrixCore

/// Random but valid convolution descriptions for property tests.
public enum RandomSpecs {
    /// A random spec of rank 1…3 with channels, groups, stride, dilation, asymmetric padding,
    /// padding words and modes; retried until it validates.
    public static func convolution(
        using rng: inout SeededGenerator, modes: [PaddingMode] = PaddingMode.allCases,
        maxRank: Int = 3
    ) -> Convolution {
        while true {
            let rank = Int.random(in: 1...maxRank, using: &rng)
            let maxExtent = rank == 3 ? 4 : (rank == 2 ? 6 : 9)
            let input = (0..<rank).map { _ in Int.random(in: 1...maxExtent, using: &rng) }
            let kernel = (0..<rank).map { _ in Int.random(in: 1...3, using: &rng) }
            let stride = (0..<rank).map { _ in Int.random(in: 1...3, using: &rng) }
            let dilation = (0..<rank).map { _ in Int.random(in: 1...2, using: &rng) }
            let groups = Int.random(in: 1...2, using: &rng)
            let inChannels = groups * Int.random(in: 1...2, using: &rng)
            let outChannels = groups * Int.random(in: 1...2, using: &rng)
            let padding: PaddingSpec
            switch Int.random(in: 0..<6, using: &rng) {
            case 0: padding = .valid
            case 1: padding = .same
            case 2: padding = .full
            default:
                padding = .explicit(
                    (0..<rank).map { _ in
                        AxisPadding(
                            before: Int.random(in: 0...2, using: &rng),
                            after: Int.random(in: 0...2, using: &rng))
                    })
            }
            let spec = ConvolutionSpec(
                inputSize: input, kernelSize: kernel, stride: stride, padding: padding,
                dilation: dilation, inChannels: inChannels, outChannels: outChannels,
                groups: groups, paddingMode: modes.randomElement(using: &rng)!,
                orientation: Bool.random(using: &rng) ? .crossCorrelation : .convolution,
                sameRule: .tensorflow)
            if let conv = try? spec.validated() { return conv }
        }
    }
}
