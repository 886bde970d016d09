import ConvMatrixCore

extension Convolution {
    /// Every pair of a spatial output position and a kernel position whose window position
    /// lands on an input: `body(output, tap, input)` with the flat spatial output, the tap
    /// (flipped for a true convolution) and the flat spatial input. The input is the one the
    /// gather form reads (`gatherSource(output:kernel:)`), or with `scatter` the one the
    /// scatter form writes (`scatterTarget(output:kernel:mode:)`); pairs in the zero padding
    /// are skipped. The direct loops of the gather, the scatter and the weight gradient all
    /// walk these pairs and differ only in what they add per channel pair.
    @inline(__always)
    func forEachWindowLink<E: Error>(
        scatter: Bool = false, _ body: (_ output: Int, _ tap: Int, _ input: Int) throws(E) -> Void
    ) throws(E) {
        for flat in 0..<outputExtents.count {
            let i = outputExtents.multiIndex(flat)
            for a in 0..<kernelExtents.count {
                let position = kernelExtents.multiIndex(a)
                let found =
                    scatter
                    ? scatterTarget(output: i, kernel: position, mode: paddingMode)
                    : gatherSource(output: i, kernel: position)
                guard let input = found else { continue }
                try body(flat, orientation == .convolution ? flippedTap(position) : a, input)
            }
        }
    }
}
