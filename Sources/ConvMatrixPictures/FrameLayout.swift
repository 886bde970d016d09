import ConvMatrixCore

/// What every animated picture settles before its first frame: how cells are named, how large a
/// cell is (the longest side of its largest grid decides), and whether cells carry labels, at
/// what size.
struct FrameLayout {
    /// How input, output and kernel cells are named.
    let naming: CellNaming
    /// The side of a cell, in pixels.
    let cell: Double
    /// Whether cells carry their names (`--labels`, or whether names fit the cell).
    let labels: Bool
    /// The font size of a cell's label.
    let labelSize: Double

    /// The layout of a picture with grids of `extents`.
    init(options: FrameOptions, channelled: Bool, grids extents: [Extents]) {
        naming = CellNaming(
            names: options.names, channelled: channelled, inputValues: options.inputValues)
        let longest = extents.map { GridBox.shape($0) }.map { max($0.rows, $0.columns) }.max() ?? 1
        cell = FrameStyle.cell(longestSide: longest)
        labels = options.labels ?? FrameStyle.labelsFit(cell)
        labelSize = FrameStyle.labelSize(cell)
    }
}
