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
            output.write("Each output reads (input through tap):\n")
            for (target, links) in connectivity.links.enumerated() {
                let list = links.map { "\(name(sourceName($0.source))) \(tapText($0.taps))" }
                output.write(
                    "  \(name(targetName(target))) \(style.ascii ? "<-" : "←") \(list.isEmpty ? "(nothing)" : list.joined(separator: ", "))\n"
                )
            }
            output.write("\nInverse map, each input feeds (output through tap):\n")
            for (source, links) in inverse.links.enumerated() {
                let list = links.map { "\(name(targetName($0.source))) \(tapText($0.taps))" }
                output.write(
                    "  \(name(sourceName(source))) \(style.arrow) \(list.isEmpty ? "(nothing)" : list.joined(separator: ", "))\n"
                )
            }
        case .markdown:
            output.write("| output | input | tap |\n| --- | --- | --- |\n")
            for (target, links) in connectivity.links.enumerated() {
                for link in links {
                    output.write(
                        "| \(name(targetName(target))) | \(name(sourceName(link.source))) | \(tapText(link.taps)) |\n"
                    )
                }
            }
            output.write("\n| input | output | tap |\n| --- | --- | --- |\n")
            for (source, links) in inverse.links.enumerated() {
                for link in links {
                    output.write(
                        "| \(name(sourceName(source))) | \(name(targetName(link.source))) | \(tapText(link.taps)) |\n"
                    )
                }
            }
        case .csv:
            output.write("output,input,tap\n")
            for (target, links) in connectivity.links.enumerated() {
                for link in links {
                    for tap in link.taps {
                        output.write(
                            "\(csv(name(targetName(target)))),\(csv(name(sourceName(link.source)))),\(csv(name(tapNames[tap])))\n"
                        )
                    }
                }
            }
        }
    }

    private func csv(_ field: String) -> String {
        field.contains(",") || field.contains("\"")
            ? "\""
                + field.split(separator: "\"", omittingEmptySubsequences: false).joined(
                    separator: "\"\"") + "\"" : field
    }
}
