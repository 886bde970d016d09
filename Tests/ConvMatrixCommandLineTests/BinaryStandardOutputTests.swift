import Foundation
import Testing

@testable import ConvMatrixCommandLine

/// `draw --format gif` writes the GIF to standard output when that is not a terminal (a pipe, a
/// file: `> s.gif`), as image tools do, and refuses only on a terminal, where the bytes would be
/// noise. The built executable is run as a child process, as a shell runs it.
@Suite("A GIF on standard output")
struct BinaryStandardOutputTests {
    static let layer = ["draw", "--input", "5x5", "--kernel", "3x3", "--stride", "2"]

    /// Runs the built `convmatrix` with standard output and error to pipes (neither is a
    /// terminal); returns both and the exit code.
    static func runBuilt(_ arguments: [String]) throws -> (output: Data, errors: Data, code: Int32)
    {
        let executable = try #require(BuiltTool.executable)
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        // Standard error holds a line at most: reading the output to its end first can't stall.
        let bytes = output.fileHandleForReading.readDataToEndOfFile()
        let errorBytes = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (bytes, errorBytes, process.terminationStatus)
    }

    /// The number of images in a GIF89a file, read block by block (header, global colour
    /// table, then extensions and image descriptors up to the trailer); nil if it is no GIF.
    static func frameCount(_ gif: [UInt8]) -> Int? {
        guard gif.count >= 13, Array(gif[0..<6]) == Array("GIF89a".utf8) else { return nil }
        var i = 13
        if gif[10] & 0x80 != 0 { i += 3 << (Int(gif[10] & 0x07) + 1) }
        func skipSubBlocks() -> Bool {
            while i < gif.count {
                let size = Int(gif[i])
                i += 1 + size
                if size == 0 { return true }
            }
            return false
        }
        var images = 0
        while i < gif.count {
            switch gif[i] {
            case 0x3B: return images
            case 0x21:
                i += 2
                guard skipSubBlocks() else { return nil }
            case 0x2C:
                guard i + 10 <= gif.count else { return nil }
                let flags = gif[i + 9]
                i += 10
                if flags & 0x80 != 0 { i += 3 << (Int(flags & 0x07) + 1) }
                i += 1  // LZW minimum code size
                guard skipSubBlocks() else { return nil }
                images += 1
            default: return nil
            }
        }
        return nil
    }

    @Test(
        "a GIF piped to standard output is the file --output writes, frame for frame",
        arguments: [
            ["--picture", "sliding"], ["--picture", "transposed", "--view", "scatter"],
            ["--picture", "backward", "--frame-ms", "200"],
        ])
    func piped(picture: [String]) throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent(
            "convmatrix-gif-\(UUID().uuidString).gif")
        defer { try? FileManager.default.removeItem(at: file) }
        let written = try Self.runBuilt(
            Self.layer + picture + ["--format", "gif", "--output", file.path])
        #expect(written.code == 0)
        #expect(written.output.isEmpty)
        let piped = try Self.runBuilt(Self.layer + picture + ["--format", "gif"])
        #expect(piped.code == 0, "\(String(decoding: piped.errors, as: UTF8.self))")
        #expect(piped.errors.isEmpty)
        let bytes = [UInt8](piped.output)
        #expect(bytes.starts(with: Array("GIF89a".utf8)))
        let fromFile = try [UInt8](Data(contentsOf: file))
        let frames = Self.frameCount(bytes)
        #expect(frames != nil && frames == Self.frameCount(fromFile))
        #expect((frames ?? 0) > 1)
        #expect(bytes == fromFile)
    }

    @Test("on a terminal a GIF is refused, naming --output and the redirection")
    func terminal() {
        let console = Console(
            outputIsTerminal: true, errorIsTerminal: true, writeError: { _ in }, seconds: { 0 })
        var output = BytesOutput()
        var errors = ""
        let code = ConvMatrixTool.run(
            Self.layer + ["--picture", "sliding", "--format", "gif"], output: &output,
            errors: &errors, console: console)
        #expect(code == 2)
        #expect(output.bytes.isEmpty)
        #expect(
            errors
                == "error: --output: a GIF is binary and standard output is a terminal; redirect it (> sliding.gif) or give the file, e.g. --output sliding.gif\n"
        )
    }

    @Test("an output that takes bytes gets the GIF; one that takes text only refuses it")
    func inProcess() {
        var output = BytesOutput()
        var errors = ""
        let arguments = Self.layer + ["--picture", "sliding", "--format", "gif"]
        #expect(
            ConvMatrixTool.run(arguments, output: &output, errors: &errors, console: .detached)
                == 0)
        #expect(output.bytes.starts(with: Array("GIF89a".utf8)))
        #expect(output.bytes.last == 0x3B)
        let text = runTool(arguments)
        #expect(text.exitCode == 2 && text.output.isEmpty)
        #expect(text.errors.hasPrefix("error: --output: a GIF is binary"))
    }

    @Test("text formats are unchanged on a terminal")
    func svgOnTerminal() {
        let console = Console(
            outputIsTerminal: true, errorIsTerminal: false, writeError: { _ in }, seconds: { 0 })
        var output = ""
        var errors = ""
        let code = ConvMatrixTool.run(
            Self.layer + ["--picture", "sliding"], output: &output, errors: &errors,
            console: console)
        #expect(code == 0 && output.contains("<svg"))
    }
}

/// A standard output that keeps bytes, as the executable's does.
struct BytesOutput: BinaryOutputStream {
    var bytes: [UInt8] = []
    mutating func write(_ string: String) { bytes += Array(string.utf8) }
    mutating func write(bytes more: [UInt8]) { bytes += more }
}
