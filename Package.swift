// swift-tools-version:6.0
// ConvMatrix: a convolution shown as a matrix. No package dependencies: the Swift toolchain alone.
import PackageDescription

let package = Package(
    name: "ConvMatrix",
    products: [
        .library(name: "Symbolic", targets: ["Symbolic"]),
        .library(name: "ConvMatrix", targets: ["ConvMatrix"]),
        .library(name: "ConvMatrixAnalysis", targets: ["ConvMatrixAnalysis"]),
        .executable(name: "convmatrix", targets: ["convmatrix"]),
        .executable(name: "convmatrix-bench", targets: ["convmatrix-bench"]),
    ],
    targets: [
        // A small computer-algebra library: indexed symbols, exact rationals, canonical sums of
        // products, and printers. Knows nothing about convolutions.
        .target(name: "Symbolic", exclude: ["README.md"]),
        // Convolution geometry, unrolling into U, transposed convolutions, rendering.
        .target(name: "ConvMatrix", dependencies: ["Symbolic"]),
        // What the matrix says: fan-in/out, overlap of the transposed layer, ranks, structure,
        // spectrum and operator norm of a layer; stacks of layers and their receptive fields.
        .target(name: "ConvMatrixAnalysis", dependencies: ["ConvMatrix", "Symbolic"]),
        // Argument parsing, validation messages and commands: a thin layer over ConvMatrix.
        .target(
            name: "ConvMatrixCommandLine",
            dependencies: ["ConvMatrix", "ConvMatrixAnalysis", "Symbolic"]),
        // The `convmatrix` executable: forwards its arguments to ConvMatrixCommandLine.
        .executableTarget(name: "convmatrix", dependencies: ["ConvMatrixCommandLine"]),
        // The benchmark of the performance issue: `swift run -c release convmatrix-bench`.
        .executableTarget(
            name: "convmatrix-bench", dependencies: ["ConvMatrix", "ConvMatrixAnalysis", "Symbolic"]),
        .testTarget(
            name: "SymbolicTests", dependencies: ["Symbolic"], resources: [.copy("Fixtures")]),
        .testTarget(
            name: "ConvMatrixTests", dependencies: ["ConvMatrix", "Symbolic"],
            exclude: ["Fixtures"]),
        .testTarget(
            name: "ConvMatrixAnalysisTests", dependencies: ["ConvMatrixAnalysis", "ConvMatrix", "Symbolic"],
            exclude: ["Fixtures"]),
        .testTarget(
            name: "ConvMatrixCommandLineTests",
            dependencies: ["ConvMatrixCommandLine", "ConvMatrix", "Symbolic"],
            exclude: ["Fixtures"]),
    ]
)
