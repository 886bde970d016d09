import ConvMatrixCore
import Symbolic

/// Writes grids whose cells are already LaTeX text in the layout of ``Symbolic/MatrixLaTeXPrinter``:
/// the same delimiters, cells joined by ` & `, rows by `\\`, and several slices as SymPy's list
/// `\left [ … , \quad … \right ]`.
public struct LaTeXGridWriter: Sendable {
    /// The printer whose layout is reproduced.
    public let printer: MatrixLaTeXPrinter

    /// A writer in `printer`'s layout.
    public init(printer: MatrixLaTeXPrinter) { self.printer = printer }

    /// Writes `cells` (flattened channel first, then row-major over `extents`) as one matrix per
    /// 2-D slice, in the slicing of ``GridSlices``; a list when there are several slices.
    public func write(
        cells: [String], channels: Int, extents: Extents, to output: inout some TextOutputStream
    ) {
        let columns = extents.sizes.last ?? 1
        let rows = extents.sizes.count >= 2 ? extents.sizes[extents.sizes.count - 2] : 1
        let perSlice = rows * columns
        let sliceCount = perSlice == 0 ? 0 : cells.count / perSlice
        let (open, close) = printer.delimiters(columnCount: columns)
        if sliceCount != 1 { output.write("\\left [ ") }
        for slice in 0..<sliceCount {
            if slice > 0 { output.write(", \\quad ") }
            output.write(open)
            for i in 0..<rows {
                if i > 0 { output.write(printer.rowSeparator) }
                for j in 0..<columns {
                    if j > 0 { output.write(" & ") }
                    output.write(cells[slice * perSlice + i * columns + j])
                }
            }
            output.write(close)
        }
        if sliceCount != 1 { output.write("\\right ]") }
    }
}
