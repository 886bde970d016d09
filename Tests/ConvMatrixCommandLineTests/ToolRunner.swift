import ConvMatrixCommandLine
import Foundation

/// What one run of the command printed and returned.
struct ToolRun {
    let exitCode: Int32
    let output: String
    let errors: String
}

/// Runs `convmatrix` in-process with `arguments`.
func runTool(_ arguments: [String]) -> ToolRun {
    var output = ""
    var errors = ""
    let code = ConvMatrixTool.run(arguments, output: &output, errors: &errors)
    return ToolRun(exitCode: code, output: output, errors: errors)
}

/// Runs `convmatrix` with a command line written as one string split at spaces.
func runTool(_ commandLine: String) -> ToolRun {
    runTool(commandLine.split(separator: " ").map(String.init))
}

/// Files next to the tests.
enum TestFiles {
    /// The repository root (three levels above this file).
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The SymPy reference LaTeX `<name>` (committed in `Tests/SymbolicTests/Fixtures/reference`).
    static func reference(_ name: String) throws -> String {
        let url = repositoryRoot.appendingPathComponent(
            "Tests/SymbolicTests/Fixtures/reference/\(name)")
        return try String(contentsOf: url, encoding: .utf8)
    }

    /// A fixture of this test target.
    static func fixture(_ path: String) throws -> String {
        let url = repositoryRoot.appendingPathComponent(
            "Tests/ConvMatrixCommandLineTests/Fixtures/\(path)")
        return try String(contentsOf: url, encoding: .utf8)
    }
}

extension String {
    /// The text with trailing whitespace removed from every line and at the end.
    var trimmingTrailingWhitespace: String {
        split(separator: "\n", omittingEmptySubsequences: false)
            .map { line in
                var line = Substring(line)
                while line.last == " " || line.last == "\t" || line.last == "\r" {
                    line = line.dropLast()
                }
                return String(line)
            }
            .joined(separator: "\n")
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
