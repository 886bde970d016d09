import Testing

/// Bad input to `derive` and `draw`: one line naming the flag, nothing on standard output,
/// exit code 2.
@Suite("Course notes: bad input")
struct NotesBadInputTests {
    static let cases: [(arguments: String, message: String)] = [
        (
            "derive --input 5x5 --kernel 3x3 --format pdf",
            "--format: expected <latex|markdown|text>, got 'pdf'"
        ),
        ("derive --input 5x5 --kernel 3x3 --lang fr", "--lang: expected <en|es>, got 'fr'"),
        ("derive --input 5x5 --kernel 3x3 --max-rows 2", "--max-rows: must be ≥ 3"),
        ("derive --input 5x5 --kernel 3x3 --max-cols x", "--max-cols: "),
        ("derive --input 5x5 --kernel 3x3 --max-terms 0", "--max-terms: must be ≥ 3"),
        (
            "derive --input 5x5 --kernel 3x3 --format markdown --standalone",
            "--standalone: writes a LaTeX document, which --format markdown is not"
        ),
        ("derive --input 5x5 --kernel 7x7", "--kernel: kernel spans 7 rows"),
        ("derive --input 5x5", "--kernel: is required"),
        (
            "derive --input 5x5 --kernel 3x3 --picture sparsity",
            "unknown option '--picture' for 'derive'"
        ),
        (
            "draw --input 5x5 --kernel 3x3 --format png",
            "--format: expected <svg|gif|tikz>, got 'png'"
        ),
        (
            "draw --input 5x5 --kernel 3x3 --picture histogram",
            "--picture: expected <connectivity|sparsity|sliding|transposed|backward>"
        ),
        (
            "draw --input 5x5 --kernel 3x3 --format svg --standalone",
            "--standalone: writes a LaTeX document of the TikZ picture"
        ),
        ("draw --input 5x5 --kernel 3x3 --lang es", "unknown option '--lang' for 'draw'"),
        (
            "draw --input 100x100 --kernel 3x3 --picture sparsity",
            "--input: the sparsity pattern would draw"
        ),
    ]

    @Test("one line on standard error, nothing on standard output, exit 2", arguments: cases)
    func rejected(arguments: String, message: String) {
        let run = runTool(arguments)
        #expect(run.exitCode == 2, "\(arguments)")
        #expect(run.output.isEmpty, "\(arguments)")
        #expect(run.errors.hasPrefix("error: "), "\(arguments)")
        #expect(run.errors.contains(message), "\(arguments): \(run.errors)")
        #expect(run.errors.filter { $0 == "\n" }.count == 1, "\(arguments)")
    }
}
