import ConvMatrix
import ConvMatrixExplorerCore
import ConvMatrixLayerFlags

/// `convmatrix explore`: one self-contained HTML page that shows the layer, its matrix and its
/// transpose, live, computed in the browser by the library's core compiled to WebAssembly.
struct ExploreCommand: Command {
    static let output = OptionDefinition(
        name: "output", valueName: "<file>",
        help: "Write the page to this file (default: standard output).")

    let name = "explore"
    let abstract =
        "Write an interactive HTML page: the layer, U (or T), the windows and the sizes, live."
    let discussion = """
        The page is one file: it opens from file://, loads nothing from the network, and
        computes every matrix with the same core as the other commands, compiled to
        WebAssembly. Change a control and U, T, the windows and the sizes follow; hover or
        focus an output, an input, a matrix entry or a tap to see what it is linked to.

        The link's fragment holds the layer with these flags' names (switches as 1) and, when
        present, replaces the layer given here, read like a command line: a flag it does not
        name takes its default. Example: explorer.html#input=7x7&kernel=3x3&stride=2&padding=1

        EXAMPLES:
          convmatrix explore --input 5x5 --kernel 3x3 --stride 2 --output explorer.html
          convmatrix explore --input 2x2 --kernel 3x3 --stride 2 --padding 1 --output-padding 1 --transposed --output up.html
          convmatrix explore --input 6x6 --kernel 3x3 --padding 1 --padding-mode reflect > reflect.html
        """
    let options = Options.layer + [Options.averagePool, ExploreCommand.output]

    func run(_ arguments: ParsedArguments, output: inout some TextOutputStream) throws(UsageError)
        -> CommandResult
    {
        let flags = flags(arguments)
        // The core's interpreter of layer flags decides, as it does in the page; the command line
        // words its errors as every command does (with its hints).
        let layerFlags = try LayerOptions.flags(arguments)
        do {
            _ = try layerFlags.layer()
        } catch {
            throw LayerOptions.usageError(error)
        }
        // Then what the page computes (the matrix within the page's budget).
        do {
            _ = try ExplorerModel(flags: flags)
        } catch {
            throw UsageError(String(error.line.dropFirst("error: ".count)))
        }
        let page = ExplorerPage.html(layer: flags)
        if let path = arguments.value(ExploreCommand.output) {
            try ExplorerFile.write(page, to: path)
        } else {
            output.write(page)
        }
        return CommandResult()
    }

    /// The layer flags given, as the page's name–value pairs (switches as `1`), in the order of
    /// ``ConvMatrixLayerFlags/LayerFlag``.
    func flags(_ arguments: ParsedArguments) -> ExplorerFlags {
        var pairs: [(name: String, value: String)] = []
        for option in options {
            guard let flag = LayerFlag(named: option.name) else { continue }
            if flag.isSwitch {
                if arguments.has(option) { pairs.append((flag.rawValue, "1")) }
            } else if let value = arguments.value(option) {
                pairs.append((flag.rawValue, value))
            }
        }
        return ExplorerFlags(pairs)
    }
}
