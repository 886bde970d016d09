import Foundation
import PackagePlugin

/// Builds the explorer page into the build folder at build time: ExplorerPageBuilder reads
/// `Explorer/Page` of the target (HTML, CSS, the ES modules under `js/`, the committed
/// `explorer.wasm`) and writes `ExplorerPageTemplate.swift`, compiled into the target. The
/// `convmatrix` binary then carries the page and reads no resource at run time, so it still works
/// when copied alone.
@main
struct ExplorerPagePlugin: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        // The target's folder, from the package's (`Target.directoryURL` needs tools 6.1).
        let page = context.package.directoryURL.appending(
            path: "Sources/\(target.name)/Explorer/Page")
        var inputs: [URL] = []
        if let files = FileManager.default.enumerator(
            at: page, includingPropertiesForKeys: nil)
        {
            for case let file as URL in files
            where ["html", "css", "js", "wasm"].contains(file.pathExtension) {
                inputs.append(file)
            }
        }
        inputs.sort { $0.path < $1.path }
        let output = context.pluginWorkDirectoryURL.appending(path: "ExplorerPageTemplate.swift")
        return [
            .buildCommand(
                displayName: "Building the explorer page",
                executable: try context.tool(named: "ExplorerPageBuilder").url,
                arguments: [page.path, output.path],
                inputFiles: inputs,
                outputFiles: [output])
        ]
    }
}
