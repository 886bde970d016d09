// swift-tools-version:6.0
// A package that uses ConvMatrix as a library, the way a course's own tooling would: it depends on
// the repository by path and links only the library products. CI builds it and compares what it
// prints with the SymPy reference of the 5×5 input, 3×3 kernel, stride 2 example.
import PackageDescription

let package = Package(
    name: "LibraryUse",
    dependencies: [.package(name: "ConvMatrix", path: "../..")],
    targets: [
        .executableTarget(
            name: "LibraryUse",
            dependencies: [.product(name: "ConvMatrix", package: "ConvMatrix")])
    ]
)
