import ConvMatrixCore

/// Where a grid of cells sits on the page: a 2-D grid as rows and columns, a 1-D grid as one
/// row. Flat indices are row-major, as ``Extents`` flattens them.
struct GridBox: Sendable {
    let x: Double
    let y: Double
    let cell: Double
    let rows: Int
    let columns: Int

    init(x: Double, y: Double, cell: Double, extents: Extents) {
        self.x = x
        self.y = y
        self.cell = cell
        rows = extents.rank == 2 ? extents.sizes[0] : 1
        columns = extents.rank == 0 ? 1 : extents.sizes[extents.rank - 1]
    }

    /// Rows and columns a grid of `extents` takes.
    static func shape(_ extents: Extents) -> (rows: Int, columns: Int) {
        (
            extents.rank == 2 ? extents.sizes[0] : 1,
            extents.rank == 0 ? 1 : extents.sizes[extents.rank - 1]
        )
    }

    var width: Double { Double(columns) * cell }
    var height: Double { Double(rows) * cell }

    /// The top-left corner of the cell with flat index `flat`.
    func origin(_ flat: Int) -> (x: Double, y: Double) {
        (x + Double(flat % columns) * cell, y + Double(flat / columns) * cell)
    }

    /// The top-left corner of the cell at `index` (a multi-index of rank 1 or 2).
    func origin(_ index: [Int]) -> (x: Double, y: Double) {
        let row = index.count == 2 ? index[0] : 0
        return (x + Double(index[index.count - 1]) * cell, y + Double(row) * cell)
    }

    /// A rectangle over the cell with flat index `flat`.
    func rectangle(_ flat: Int, fill: PictureScene.Color?, stroke: PictureScene.Color?)
        -> PictureScene.Primitive
    {
        let o = origin(flat)
        return .rectangle(x: o.x, y: o.y, width: cell, height: cell, fill: fill, stroke: stroke)
    }

    /// A label centred in the cell with flat index `flat`.
    func label(_ flat: Int, _ text: CellText, size: Double) -> PictureScene.Primitive {
        let o = origin(flat)
        return .label(
            x: o.x + cell / 2, y: o.y + cell / 2, latex: text.latex, text: text.text, size: size,
            anchor: .center)
    }

    /// A small label in the bottom-right corner of the cell with flat index `flat`, as
    /// Dumoulin & Visin print kernel values.
    func cornerLabel(_ flat: Int, _ text: CellText, size: Double) -> PictureScene.Primitive {
        let o = origin(flat)
        return .label(
            x: o.x + cell * 0.72, y: o.y + cell * 0.8, latex: text.latex, text: text.text,
            size: size, anchor: .center)
    }

    /// The first `count` cells (flat indices `0..<count`), each a rectangle filled with `fill`
    /// and, when `labels` is set, labelled with `name` of its flat index: a grid of named
    /// positions under the frames.
    func namedCells(
        _ count: Int, fill: PictureScene.Color, labels: Bool, size: Double,
        name: (Int) -> CellText
    ) -> [PictureScene.Primitive] {
        var primitives: [PictureScene.Primitive] = []
        for flat in 0..<count {
            primitives.append(rectangle(flat, fill: fill, stroke: .gray))
            if labels { primitives.append(label(flat, name(flat), size: size)) }
        }
        return primitives
    }

    /// The labels of the cell with flat index `flat` where a tap lands in a frame: its `name`
    /// (if any) a little above the middle at 0.9·`size`, and the tap's weight `tap` in the
    /// corner at 0.8·`size` (``cornerLabel(_:_:size:)``).
    func tapLabels(_ flat: Int, name: CellText?, tap: CellText, size: Double)
        -> [PictureScene.Primitive]
    {
        let o = origin(flat)
        let nameLabel = name.map {
            PictureScene.Primitive.label(
                x: o.x + cell / 2, y: o.y + cell * 0.36, latex: $0.latex, text: $0.text,
                size: size * 0.9, anchor: .center)
        }
        return (nameLabel.map { [$0] } ?? []) + [cornerLabel(flat, tap, size: size * 0.8)]
    }
}

/// Sizes shared by the frame pictures.
enum FrameStyle {
    static let margin = 12.0
    static let captionHeight = 24.0
    static let headingHeight = 16.0
    static let gap = 28.0

    /// A frame's caption, top left ("O₀₁ (2/4)").
    static func caption(latex: String, text: String) -> PictureScene.Primitive {
        .label(x: margin, y: margin + 8, latex: latex, text: text, size: 11, anchor: .left)
    }

    /// Whether `primitive` is a frame's caption (``caption(latex:text:)``).
    static func isCaption(_ primitive: PictureScene.Primitive) -> Bool {
        if case .label(margin, margin + 8, _, _, 11, .left) = primitive { return true }
        return false
    }

    /// The cell size for grids whose longest side has `cells` cells: large for small layers,
    /// down to 6 pt for the largest allowed (100 cells).
    static func cell(longestSide cells: Int) -> Double {
        max(6, min(34, (300.0 / Double(max(1, cells))).rounded(.down)))
    }

    /// The font size of a cell's label.
    static func labelSize(_ cell: Double) -> Double { max(6, (cell * 0.3).rounded()) }

    /// The outline of an input the current output reads: thinner in small cells, so that the
    /// tap colour under it still shows.
    static func litLineWidth(_ cell: Double) -> Double { cell >= 14 ? 1.2 : 0.6 }

    /// Whether cells of this size are large enough for symbols.
    static func labelsFit(_ cell: Double) -> Bool { cell >= 18 }
}
