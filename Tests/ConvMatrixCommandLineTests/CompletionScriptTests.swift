import Foundation
import Testing

@testable import ConvMatrixCommandLine

/// `convmatrix --generate-completion-script`: the bash script is sourced in a real bash and its
/// completion function asked what it offers; zsh and fish scripts are checked for what they name.
@Suite("Shell completion")
struct CompletionScriptTests {
    /// Runs bash with the generated script followed by `commands` on standard input; returns
    /// what bash printed.
    static func bash(_ commands: String) throws -> String {
        let script = runTool(["--generate-completion-script", "bash"]).output
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = ["--norc", "--noprofile", "-s"]
        let input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = output
        try process.run()
        input.fileHandleForWriting.write(Data((script + "\n" + commands + "\n").utf8))
        try input.fileHandleForWriting.close()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    /// What the completion function offers after `words` (the last one being completed).
    static func completions(_ words: [String]) throws -> [String] {
        let array = words.map { "'\($0)'" }.joined(separator: " ")
        let printed = try bash(
            "COMP_WORDS=(\(array)); COMP_CWORD=\(words.count - 1); _convmatrix; printf '%s\\n' \"${COMPREPLY[@]}\""
        )
        return printed.split(separator: "\n").map(String.init).filter { !$0.isEmpty }
    }

    static let cases: [(words: [String], offered: [String])] = [
        (["convmatrix", "unr"], ["unroll"]),
        (["convmatrix", "tr"], ["transpose"]),
        (["convmatrix", "help", "de"], ["derive"]),
        (["convmatrix", "unroll", "--ker"], ["--kernel", "--kernel-values"]),
        (["convmatrix", "--inp"], ["--input"]),
        (["convmatrix", "unroll", "--format", ""], ["text", "latex", "mtx", "json", "csv"]),
        (["convmatrix", "derive", "--format", "m"], ["markdown"]),
        (["convmatrix", "draw", "--format", ""], ["svg", "gif", "tikz"]),
        (["convmatrix", "unroll", "--input", "5x5", "--padding", "s"], ["same"]),
        (["convmatrix", "apply", "--padding-mode", "re"], ["reflect", "replicate"]),
        (["convmatrix", "symbols", "--of", ""], ["input", "flattened", "output", "kernel"]),
        (["convmatrix", "unroll", "--input", ""], []),
        (["convmatrix", "unroll", "--max-memory", ""], []),
    ]

    @Test("the sourced bash script completes commands, options and their words", arguments: cases)
    func bashCompletes(words: [String], offered: [String]) throws {
        #expect(try Self.completions(words) == offered)
    }

    @Test("every command's options are offered, and only those")
    func everyOption() throws {
        for command in ConvMatrixTool.commands {
            let offered = try Self.completions(["convmatrix", command.name, "--"])
            #expect(offered == (command.options + [Options.help]).map { "--\($0.name)" })
        }
    }

    @Test("the script registers itself for convmatrix")
    func registered() throws {
        #expect(try Self.bash("complete -p convmatrix") == "complete -F _convmatrix convmatrix\n")
    }

    @Test("zsh and fish scripts name every command and option")
    func zshAndFish() {
        for shell in ["zsh", "fish"] {
            let run = runTool(["--generate-completion-script", shell])
            #expect(run.exitCode == 0)
            for command in ConvMatrixTool.commands {
                #expect(run.output.contains(command.name))
                for option in command.options {
                    #expect(
                        run.output.contains("--\(option.name)[")
                            || run.output.contains("-l \(option.name)"))
                }
            }
        }
        #expect(
            runTool(["--generate-completion-script", "zsh"]).output.hasPrefix(
                "#compdef convmatrix\n"))
    }

    @Test(
        "a missing or unknown shell is a usage error",
        arguments: [
            (
                ["--generate-completion-script"],
                "error: --generate-completion-script: expects one shell, <bash|zsh|fish>\n"
            ),
            (
                ["--generate-completion-script", "tcsh"],
                "error: --generate-completion-script: expected <bash|zsh|fish>, got 'tcsh'\n"
            ),
        ])
    func badShell(arguments: [String], message: String) {
        let run = runTool(arguments)
        #expect(run.exitCode == 2 && run.output.isEmpty)
        #expect(run.errors == message)
    }

    @Test("choices are the words of a value, never its placeholders")
    func choices() {
        #expect(
            Options.format(RenderOptions.Format.allCases).choices
                == RenderOptions.Format.allCases.map(\.rawValue))
        #expect(Options.format([.text, .latex]).choices == ["text", "latex"])
        #expect(Options.convention.choices == RenderOptions.Convention.allCases.map(\.rawValue))
        #expect(Options.padding.choices == ["valid", "same", "full"])
        #expect(Options.kernelValues.choices == ["random"])
        #expect(Options.input.choices.isEmpty)
        #expect(Options.stride.choices.isEmpty)
        #expect(Options.maxMemory.choices.isEmpty)
        #expect(Options.names.choices.isEmpty)
    }
}
