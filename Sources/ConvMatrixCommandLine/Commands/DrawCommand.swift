import ConvMatrix

/// `convmatrix draw`: the connectivity diagram or U's sparsity pattern, as SVG or TikZ.
struct DrawCommand: Command {
    /// The pictures `draw` knows.
    enum Picture: String, Sendable, CaseIterable {
        case connectivity, sparsity
    }

    /// The picture formats.
    enum Format: String, Sendable, CaseIterable {
        case svg, tikz
    }

    let name = "draw"
    let abstract = "Draw the connectivity diagram or U's sparsity pattern as SVG or TikZ."
    let discussion = """
        connectivity: the diagram — inputs above, outputs below, one line per entry of U,
        coloured by kernel tap; the convolution (X·U = O) and its transpose (O·T = C) side by side.
        sparsity: U's non-zero cells coloured by tap, grey lines between channel blocks.
        SVG is a standalone XML document; TikZ is a tikzpicture (needs \\usepackage{tikz}), or a
        complete document with --standalone.

        EXAMPLES:
          convmatrix draw --input 5x5 --kernel 3x3 --stride 2 > connectivity.svg
          convmatrix draw --input 7 --kernel 3 --stride 2 --picture sparsity --format tikz --standalone
        """
    let options =
        Options.layer + [
            Options.names, Options.indexBase, Options.picture, Options.drawFormat,
            Options.standalone, Options.maxMemory,
        ]

    func run(_ arguments: ParsedArguments, output: inout some TextOutputStream) throws(UsageError)
        -> CommandResult
    {
        let conv = try LayerOptions.convolutionOrForward(arguments)
        let picture = try arguments.choice(Options.picture, default: Picture.connectivity)
        let standalone = arguments.has(Options.standalone)
        // --standalone asks for a LaTeX document, so it implies --format tikz.
        let format = try arguments.choice(
            Options.drawFormat, default: standalone ? Format.tikz : .svg)
        if standalone && format != .tikz {
            throw UsageError(
                flag: "standalone",
                "writes a LaTeX document of the TikZ picture; --format svg is always a whole document"
            )
        }
        let names = try arguments.symbolNames()
        let scene: PictureScene
        do {
            switch picture {
            case .connectivity: scene = try ConnectivityDiagram.scene(conv, names: names)
            case .sparsity: scene = try SparsityPattern.scene(conv, names: names)
            }
        } catch {
            throw UsageError(error)
        }
        switch format {
        case .svg: output.write(SVGWriter.svg(scene))
        case .tikz: output.write(TikZWriter.tikz(scene, standalone: standalone))
        }
        return CommandResult()
    }
}
