// swift-tools-version:6.0
// ConvMatrix: a convolution shown as a matrix. No package dependencies: the Swift toolchain alone.
import PackageDescription

/// The C math library. Rounding and powers of `Double` call `round`, `floor`, `pow`, … on Linux,
/// where libm is a library of its own: a target that uses them links it, so that a package that
/// depends on ConvMatrix links without Foundation (which would bring libm along).
let libm: [LinkerSetting] = [.linkedLibrary("m", .when(platforms: [.linux]))]

let package = Package(
    name: "ConvMatrix",
    products: [
        .library(name: "Symbolic", targets: ["Symbolic"]),
        .library(name: "ConvMatrixCore", targets: ["ConvMatrixCore"]),
        .library(name: "ConvMatrixFrameworks", targets: ["ConvMatrixFrameworks"]),
        .library(name: "ConvMatrix", targets: ["ConvMatrix"]),
        .library(name: "ConvMatrixAnalysis", targets: ["ConvMatrixAnalysis"]),
        .library(name: "ConvMatrixLayerFlags", targets: ["ConvMatrixLayerFlags"]),
        .library(name: "ConvMatrixExplorerCore", targets: ["ConvMatrixExplorerCore"]),
        .executable(name: "convmatrix", targets: ["convmatrix"]),
        .executable(name: "convmatrix-bench", targets: ["convmatrix-bench"]),
    ],
    targets: [
        // A small computer-algebra library: indexed symbols, exact rationals, canonical sums of
        // products, and printers. Knows nothing about convolutions.
        .target(name: "Symbolic", exclude: ["README.md"]),
        // Geometry, the unrolled matrix U, transposed convolutions and their verification. No
        // Foundation and no printing: it also compiles as Embedded Swift for WebAssembly.
        .target(name: "ConvMatrixCore"),
        // The layer flags, the edge of both front ends: their names (`stride`, `padding-mode`),
        // the syntax of their values (`5x5`, `1:0x0:1`, `same`), their defaults, and the one-line
        // `--flag: rule` errors. The command line and the explorer's wasm core read a layer
        // through it; no library module does. Embedded Swift, like Core (tools/build-explorer.sh).
        .target(
            name: "ConvMatrixLayerFlags", dependencies: ["ConvMatrixCore"], exclude: ["README.md"]),
        // The explorer's computation: layer flags in, the matrix, sizes and arithmetic out, as a
        // C ABI. Compiled for the host (tests) and, by tools/build-explorer.sh, as Embedded Swift
        // for WebAssembly together with the C runtime in WasmRuntime/.
        .target(
            name: "ConvMatrixExplorerCore",
            dependencies: ["ConvMatrixCore", "ConvMatrixLayerFlags"],
            exclude: ["WasmRuntime"]),
        // A layer's symbols: names of inputs, taps and outputs, placements, symbolic products.
        .target(name: "ConvMatrixSymbols", dependencies: ["ConvMatrixCore", "Symbolic"]),
        // Tensors, direct and scatter convolution, products with U, the backward pass, checks.
        .target(
            name: "ConvMatrixNumeric",
            dependencies: ["ConvMatrixCore", "ConvMatrixSymbols", "Symbolic"]),
        // A layer's symbols, text and LaTeX writers, reports, and the mtx/json/csv exports.
        .target(
            name: "ConvMatrixRendering",
            dependencies: ["ConvMatrixCore", "ConvMatrixSymbols", "ConvMatrixNumeric", "Symbolic"]),
        // Derivation documents (course notes) in LaTeX, Markdown and text: of one layer, and of a
        // stack of layers from ConvMatrixAnalysis's facts about it (Analysis finds, Notes writes).
        .target(
            name: "ConvMatrixNotes",
            dependencies: [
                "ConvMatrixCore", "ConvMatrixSymbols", "ConvMatrixNumeric", "ConvMatrixRendering",
                "ConvMatrixFrameworks", "ConvMatrixAnalysis", "Symbolic",
            ]),
        // Connectivity and sparsity pictures as SVG and TikZ.
        .target(
            name: "ConvMatrixPictures",
            dependencies: [
                "ConvMatrixCore", "ConvMatrixSymbols", "ConvMatrixRendering", "Symbolic",
            ]),
        // One layer in PyTorch, TensorFlow, Keras, JAX and ONNX: each framework's own padding and
        // output-size rules, translations between them, and their matrices compared.
        .target(
            name: "ConvMatrixFrameworks", dependencies: ["ConvMatrixCore"], exclude: ["README.md"]),
        // What the matrix says: fan-in/out, overlap of the transposed layer, ranks, structure,
        // spectrum and operator norm of a layer; stacks of layers and their receptive fields.
        .target(
            name: "ConvMatrixAnalysis",
            dependencies: [
                "ConvMatrixCore", "ConvMatrixNumeric", "ConvMatrixRendering", "Symbolic",
            ],
            linkerSettings: libm),
        // The umbrella: `import ConvMatrix` brings every library layer.
        .target(
            name: "ConvMatrix",
            dependencies: [
                "ConvMatrixCore", "ConvMatrixSymbols", "ConvMatrixNumeric", "ConvMatrixRendering",
                "ConvMatrixNotes", "ConvMatrixPictures", "ConvMatrixAnalysis",
                "ConvMatrixFrameworks",
                "Symbolic",
            ]),
        // Argument parsing, validation messages and commands: a thin layer over ConvMatrix. The
        // explorer page is built from Explorer/Page into the build folder at build time by
        // ExplorerPagePlugin (nothing is read at run time: the binary works when copied alone).
        .target(
            name: "ConvMatrixCommandLine",
            dependencies: [
                "ConvMatrix", "ConvMatrixLayerFlags", "ConvMatrixExplorerCore",
            ],
            exclude: ["Explorer/Page"],
            plugins: ["ExplorerPagePlugin"]),
        // The build tool of the explorer page: bundles Explorer/Page's ES modules, inlines its
        // style and its committed WebAssembly core, hashes both for the Content-Security-Policy,
        // and writes the page as a Swift string into the build folder.
        .executableTarget(name: "ExplorerPageBuilder"),
        .plugin(
            name: "ExplorerPagePlugin", capability: .buildTool(),
            dependencies: ["ExplorerPageBuilder"]),
        // The `convmatrix` executable: forwards its arguments to ConvMatrixCommandLine. A release
        // build on Linux links the Swift runtime statically: the dynamic loader then has no
        // Swift libraries to map and bind, which halves the start-up of every run (see
        // docs/performance.md). Only this executable does; the libraries link as usual.
        .executableTarget(
            name: "convmatrix", dependencies: ["ConvMatrixCommandLine"],
            linkerSettings: [
                .unsafeFlags(
                    ["-static-stdlib"], .when(platforms: [.linux], configuration: .release))
            ]),
        // The benchmark of the performance issue: `swift run -c release convmatrix-bench`.
        .executableTarget(
            name: "convmatrix-bench",
            dependencies: ["ConvMatrix", "ConvMatrixAnalysis", "Symbolic"]),
        .testTarget(
            name: "SymbolicTests", dependencies: ["Symbolic"], resources: [.copy("Fixtures")]),
        // What the test targets of several modules share: a seeded generator and random layers.
        .target(
            name: "ConvMatrixTestSupport", dependencies: ["ConvMatrixCore"],
            path: "Tests/ConvMatrixTestSupport"),
        // One test target per module, each depending only on what it tests.
        .testTarget(
            name: "ConvMatrixCoreTests", dependencies: ["ConvMatrixCore", "ConvMatrixTestSupport"]),
        .testTarget(
            name: "ConvMatrixLayerFlagsTests",
            dependencies: ["ConvMatrixLayerFlags", "ConvMatrixCore", "ConvMatrixTestSupport"]),
        .testTarget(
            name: "ConvMatrixSymbolsTests",
            dependencies: [
                "ConvMatrixSymbols", "ConvMatrixCore", "Symbolic", "ConvMatrixTestSupport",
            ]),
        .testTarget(
            name: "ConvMatrixNumericTests",
            dependencies: [
                "ConvMatrixNumeric", "ConvMatrixCore", "ConvMatrixSymbols", "Symbolic",
                "ConvMatrixTestSupport",
            ],
            exclude: ["Fixtures"]),
        .testTarget(
            name: "ConvMatrixRenderingTests",
            dependencies: [
                "ConvMatrixRendering", "ConvMatrixCore", "ConvMatrixSymbols", "Symbolic",
                "ConvMatrixTestSupport",
            ]),
        .testTarget(
            name: "ConvMatrixNotesTests",
            dependencies: ["ConvMatrixNotes", "ConvMatrixCore", "Symbolic"]),
        .testTarget(
            name: "ConvMatrixPicturesTests",
            dependencies: [
                "ConvMatrixPictures", "ConvMatrixCore", "ConvMatrixRendering",
                "ConvMatrixTestSupport",
            ]),
        // The umbrella: the library as a whole (its examples, the names its messages use).
        .testTarget(name: "ConvMatrixTests", dependencies: ["ConvMatrix"]),
        .testTarget(
            name: "ConvMatrixFrameworksTests",
            dependencies: ["ConvMatrixFrameworks", "ConvMatrixCore"],
            resources: [.copy("Fixtures")]),
        .testTarget(
            name: "ConvMatrixAnalysisTests",
            dependencies: ["ConvMatrixAnalysis", "ConvMatrix", "Symbolic"],
            exclude: ["Fixtures"]),
        .testTarget(
            name: "ConvMatrixExplorerCoreTests",
            dependencies: [
                "ConvMatrixExplorerCore", "ConvMatrixLayerFlags", "ConvMatrixCore",
                "ConvMatrixCommandLine", "ConvMatrixPictures",
            ]),
        .testTarget(
            name: "ConvMatrixCommandLineTests",
            dependencies: [
                "ConvMatrixCommandLine", "ConvMatrix", "ConvMatrixCore", "ConvMatrixSymbols",
                "ConvMatrixNumeric", "ConvMatrixRendering", "ConvMatrixNotes", "ConvMatrixPictures",
                "Symbolic",
            ],
            exclude: ["Fixtures"]),
    ]
)
