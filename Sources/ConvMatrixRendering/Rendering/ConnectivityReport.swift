import ConvMatrixCore
import Symbolic

/// The connectivity of a layer written out: for each output, the inputs it reads and through
/// which taps; and the inverse map, for each input, the outputs it feeds.
///
/// Three layouts: plain lines (`O₀₀ ← I₀₀ k₀₀, I₀₁ k₀₁, …`), Markdown tables and CSV rows
/// `target,source,tap`. Positions are named by the layer's symbols, so the same report reads the
/// same way as the matrices.
public struct ConnectivityReport: Sendable {
    /// How the report is laid out.
    public enum Layout: String, Sendable, CaseIterable {
        /// One line per position.
        case text
        /// Markdown tables.
        case markdown
        /// CSV rows `target,source,tap` (both maps, with a `direction` column).
        case csv
    }

    /// The connectivity being reported (rows = reading positions).
    public let connectivity: Connectivity
    /// The inverse (rows = read positions).
    public let inverse: Connectivity
    /// Names of the reading positions (the layer's outputs).
    public let targetName: @Sendable (Int) -> Symbol
    /// Names of the read positions (the layer's inputs).
    public let sourceName: @Sendable (Int) -> Symbol
    /// Names of the taps.
    public let tapNames: [Symbol]
    /// When the report is elided: the targets and sources its rows stand for (the first and
    /// last few of each), and how many there are.
    public private(set) var elided:
        (targets: [Int], targetCount: Int, sources: [Int], sourceCount: Int, edgeItems: Int)?
    /// What the note after an elided report adds: how to print every line, in the caller's own
    /// terms (the command line: `--full prints every line`); nil adds nothing.
    public var elisionHint: String?

    /// A report on the layer whose column-convention matrix is `matrix`.
    public init(
        _ matrix: TapMatrix, targetName: @escaping @Sendable (Int) -> Symbol,
        sourceName: @escaping @Sendable (Int) -> Symbol, tapNames: [Symbol]
    ) {
        self.connectivity = Connectivity(matrix)
        self.inverse = Connectivity(matrix.transposed())
        self.targetName = targetName
        self.sourceName = sourceName
        self.tapNames = tapNames
    }

    /// An elided report, as NumPy prints a long array: `rows` are the rows of the layer's
    /// column-convention matrix at the targets `targets` (the first and last `edgeItems` of
    /// `targetCount`), `inverseRows` its columns at the sources `sources` (of `sourceCount`),
    /// so that a layer with millions of positions is reported from a few rows and columns of
    /// its matrix.
    public init(
        rows: TapMatrix, of targets: [Int], targetCount: Int, inverseRows: TapMatrix,
        of sources: [Int], sourceCount: Int, edgeItems: Int,
        targetName: @escaping @Sendable (Int) -> Symbol,
        sourceName: @escaping @Sendable (Int) -> Symbol, tapNames: [Symbol]
    ) {
        self.connectivity = Connectivity(rows)
        self.inverse = Connectivity(inverseRows)
        self.targetName = targetName
        self.sourceName = sourceName
        self.tapNames = tapNames
        self.elided = (targets, targetCount, sources, sourceCount, edgeItems)
    }

    /// The target of row `row` of ``connectivity``.
    private func target(_ row: Int) -> Int { elided?.targets[row] ?? row }

    /// The source of row `row` of ``inverse``.
    private func source(_ row: Int) -> Int { elided?.sources[row] ?? row }

    /// Whether a line stands for the rows left out before row `row` of a map of `shown` rows
    /// out of `count`.
    private func gap(before row: Int, shown: Int, count: Int) -> Bool {
        guard let elided else { return false }
        return shown < count && row == elided.edgeItems
    }

    /// Writes the report.
    public func write(
        layout: Layout, printer: some ExpressionPrinter, style: TextStyle,
        to output: inout some TextOutputStream
    ) {
        let name = { (symbol: Symbol) in printer.string(for: symbol) }
        // A sum of taps is parenthesised so that `I₁ (k₀ + k₂)` does not read as `I₁k₀ + k₂`.
        let tapText = { (taps: [Int]) -> String in
            let sum = taps.map { name(tapNames[$0]) }.joined(separator: " + ")
            return taps.count > 1 && layout == .text ? "(\(sum))" : sum
        }
        switch layout {
        case .text:
            let dots = style.ascii ? "  ...\n" : "  ⋮\n"
            let headings = [
                ("Each output reads (input through tap):\n", style.ascii ? "<-" : "←"),
                ("\nInverse map, each input feeds (output through tap):\n", style.arrow),
            ]
            for (map, (heading, arrow)) in zip(maps(), headings) {
                output.write(heading)
                for (row, links) in map.links.enumerated() {
                    if gap(before: row, shown: map.links.count, count: map.count) {
                        output.write(dots)
                    }
                    let list = links.map { "\(name(map.linkName($0.source))) \(tapText($0.taps))" }
                    output.write(
                        "  \(name(map.rowName(row))) \(arrow) \(list.isEmpty ? "(nothing)" : list.joined(separator: ", "))\n"
                    )
                }
            }
            writeNote(to: &output)
        case .markdown:
            let headings = [
                "| output | input | tap |\n| --- | --- | --- |\n",
                "\n| input | output | tap |\n| --- | --- | --- |\n",
            ]
            for (map, heading) in zip(maps(), headings) {
                output.write(heading)
                for (row, links) in map.links.enumerated() {
                    if gap(before: row, shown: map.links.count, count: map.count) {
                        output.write("| ⋮ | ⋮ | ⋮ |\n")
                    }
                    for link in links {
                        output.write(
                            "| \(name(map.rowName(row))) | \(name(map.linkName(link.source))) | \(tapText(link.taps)) |\n"
                        )
                    }
                }
            }
            writeNote(to: &output)
        case .csv:
            output.write("output,input,tap\n")
            for (row, links) in connectivity.links.enumerated() {
                for link in links {
                    for tap in link.taps {
                        output.write(
                            "\(csv(name(targetName(target(row))))),\(csv(name(sourceName(link.source)))),\(csv(name(tapNames[tap])))\n"
                        )
                    }
                }
            }
        }
    }

    /// The two maps a report writes, in order: ``connectivity`` (each output, the inputs it
    /// reads) and ``inverse`` (each input, the outputs it feeds), each with how many positions
    /// its rows stand for and how its rows and links are named.
    private func maps() -> [(
        links: [[Connectivity.Link]], count: Int, rowName: (Int) -> Symbol,
        linkName: (Int) -> Symbol
    )] {
        [
            (connectivity.links, targetCount, { targetName(target($0)) }, sourceName),
            (inverse.links, sourceCount, { sourceName(source($0)) }, targetName),
        ]
    }

    private var targetCount: Int { elided?.targetCount ?? connectivity.links.count }
    private var sourceCount: Int { elided?.sourceCount ?? inverse.links.count }

    /// After an elided report: how many lines each map has, and which are shown.
    private func writeNote(to output: inout some TextOutputStream) {
        guard let elided else { return }
        output.write(
            "\n(\(elided.targetCount) outputs and \(elided.sourceCount) inputs; the first and last \(elided.edgeItems) of each map are shown\(elisionHint.map { ", " + $0 } ?? ""))\n"
        )
    }

    private func csv(_ field: String) -> String {
        field.contains(",") || field.contains("\"")
            ? "\""
                + field.split(separator: "\"", omittingEmptySubsequences: false).joined(
                    separator: "\"\"") + "\"" : field
    }
}
