import ConvMatrix
import Testing

@testable import ConvMatrixCommandLine

/// The progress line on standard error, driven by a fake clock and written to a fake terminal:
/// when it appears, what it says, how often it is redrawn, the time left, that it is erased at
/// the end, and that it never appears when standard error is no terminal or with `--quiet`.
@Suite("Progress line")
struct ProgressLineTests {
    /// A clock the test sets, and a terminal that keeps what was written to it.
    final class FakeTerminal: @unchecked Sendable {
        var now = 0.0
        var written: [String] = []
        var screen: String { written.joined() }

        func console(errorIsTerminal: Bool = true) -> Console {
            Console(
                outputIsTerminal: false, errorIsTerminal: errorIsTerminal,
                writeError: { self.written.append($0) }, seconds: { self.now })
        }
    }

    static func report(_ done: Int, of total: Int = 1000) -> ProgressReport {
        ProgressReport(activity: "writing Matrix Market", unit: "rows", done: done, total: total)
    }

    @Test("nothing for the first half second; then the activity, done/total and the time left")
    func firstDrawing() {
        let terminal = FakeTerminal()
        let line = ProgressLine(console: terminal.console(), quiet: false)
        line.receive(Self.report(0))
        terminal.now = 0.4
        line.receive(Self.report(100))
        #expect(terminal.written.isEmpty)
        terminal.now = 1.0
        line.receive(Self.report(250))
        // 250 rows in 1 s: 750 rows left take 3 s.
        #expect(
            terminal.written == ["\rwriting Matrix Market: 250/1,000 rows (25%), about 3 s left"])
    }

    @Test("redrawn at most ten times a second, in place")
    func throttled() {
        let terminal = FakeTerminal()
        let line = ProgressLine(console: terminal.console(), quiet: false)
        line.receive(Self.report(0))
        for step in 1..<1000 {
            terminal.now = Double(step) * 0.005  // a report every 5 ms, for 5 s
            line.receive(Self.report(step))
        }
        // 4.5 s of drawing at most every 0.1 s.
        #expect(terminal.written.count <= 46)
        #expect(terminal.written.count >= 40)
        #expect(terminal.written.allSatisfy { $0.hasPrefix("\r") && !$0.contains("\n") })
    }

    @Test("a shorter line covers the rest of the longer one; the end erases the line")
    func erased() {
        let terminal = FakeTerminal()
        let line = ProgressLine(console: terminal.console(), quiet: false)
        line.receive(Self.report(0, of: 200_000))
        terminal.now = 2
        line.receive(Self.report(1, of: 200_000))
        let first = terminal.written[0]
        terminal.now = 3
        line.receive(Self.report(150_000, of: 200_000))
        let second = terminal.written[1]
        #expect(second.count == first.count)
        #expect(second.hasSuffix(" "))
        line.receive(Self.report(200_000, of: 200_000))
        #expect(terminal.written.count == 2)
        line.end()
        // The erasure covers what is visible: the second text, without its trailing padding.
        let visible = second.dropFirst().reversed().drop(while: { $0 == " " }).count
        #expect(terminal.written.count == 3)
        #expect(terminal.written[2] == "\r" + String(repeating: " ", count: visible) + "\r")
        line.end()
        #expect(terminal.written.count == 3)
    }

    @Test("one activity after another goes on in the same line, without a new wait")
    func nextActivity() {
        let terminal = FakeTerminal()
        let line = ProgressLine(console: terminal.console(), quiet: false)
        let sweep = { (k: Int, done: Int) in
            ProgressReport(
                activity: "singular values, sweep \(k)", unit: "columns", done: done, total: 100)
        }
        line.receive(sweep(1, 0))
        terminal.now = 1
        line.receive(sweep(1, 50))
        line.receive(sweep(1, 100))
        #expect(terminal.written.count == 1)  // drawn, and left for what follows
        line.receive(sweep(2, 0))
        terminal.now = 1.15
        line.receive(sweep(2, 10))
        // Its clock restarted: 10 columns in 0.15 s leave 90 for 1.35 s.
        #expect(
            terminal.written.last?.hasPrefix(
                "\rsingular values, sweep 2: 10/100 columns (10%), about 1 s left") == true)
        line.end()
        #expect(terminal.written.last?.filter { $0 != " " } == "\r\r")
    }

    @Test("a new activity after the line was erased waits its half second again")
    func afterErasure() {
        let terminal = FakeTerminal()
        let line = ProgressLine(console: terminal.console(), quiet: false)
        line.receive(Self.report(0))
        terminal.now = 1
        line.receive(Self.report(100))
        line.end()
        #expect(terminal.written.count == 2)
        line.receive(
            ProgressReport(activity: "encoding the GIF", unit: "frames", done: 0, total: 10))
        terminal.now = 1.2
        line.receive(
            ProgressReport(activity: "encoding the GIF", unit: "frames", done: 1, total: 10))
        #expect(terminal.written.count == 2)
    }

    @Test("work that ends within about a second shows nothing")
    func shortWork() {
        let terminal = FakeTerminal()
        let line = ProgressLine(console: terminal.console(), quiet: false)
        line.receive(Self.report(0))
        terminal.now = 0.6
        // 900 of 1000 in 0.6 s: the whole takes about 0.67 s.
        line.receive(Self.report(900))
        terminal.now = 0.7
        line.receive(Self.report(1000))
        #expect(terminal.written.isEmpty)
    }

    @Test("an activity that stops half-way is erased when the command ends")
    func endErases() {
        let terminal = FakeTerminal()
        let line = ProgressLine(console: terminal.console(), quiet: false)
        line.receive(Self.report(0))
        terminal.now = 5
        line.receive(Self.report(10))
        #expect(terminal.written.count == 1)
        line.end()
        #expect(terminal.written.last?.hasSuffix("\r") == true)
        #expect(terminal.written.last?.filter { $0 != " " } == "\r\r")
    }

    @Test("no terminal, or --quiet: nothing is written, and the library gets the silent sink")
    func silent() {
        for (isTerminal, quiet) in [(false, false), (true, true), (false, true)] {
            let terminal = FakeTerminal()
            let line = ProgressLine(
                console: terminal.console(errorIsTerminal: isTerminal), quiet: quiet)
            #expect(line.sink.isSilent)
            line.receive(Self.report(0))
            terminal.now = 10
            line.receive(Self.report(1))
            line.end()
            #expect(terminal.written.isEmpty)
        }
        let terminal = FakeTerminal()
        #expect(!ProgressLine(console: terminal.console(), quiet: false).sink.isSilent)
    }

    @Test(
        "time left: elapsed · (total − done) / done",
        arguments: [
            (1.0, 250, 1000, 3.0), (2.0, 1, 3, 4.0), (10.0, 999, 1000, 10.0 / 999),
            (7.5, 500, 1000, 7.5),
        ])
    func secondsLeft(elapsed: Double, done: Int, total: Int, left: Double) {
        let computed = ProgressLine.secondsLeft(elapsed: elapsed, done: done, total: total)
        #expect(computed.map { abs($0 - left) < 1e-12 } == true)
    }

    @Test("nothing done yet: no estimate, and the line says so by leaving it out")
    func noEstimate() {
        #expect(ProgressLine.secondsLeft(elapsed: 3, done: 0, total: 10) == nil)
        #expect(
            ProgressLine.text(Self.report(0), secondsLeft: nil)
                == "writing Matrix Market: 0/1,000 rows (0%)")
    }

    @Test(
        "times are said as people say them",
        arguments: [
            (0.2, "under 1 s"), (1.4, "about 1 s"), (59.4, "about 59 s"), (60, "about 1 min"),
            (125, "about 2 min 5 s"), (3600, "about 1 h"), (4830, "about 1 h 20 min"),
            (1e300, "about 1281023894007607 h 45 min"),
        ])
    func duration(seconds: Double, text: String) {
        #expect(ProgressLine.duration(seconds) == text)
    }

    @Test(
        "counts are grouped by thousands",
        arguments: [
            (0, "0"), (999, "999"), (1000, "1,000"), (802_816, "802,816"),
            (1_234_567_890, "1,234,567,890"),
        ])
    func grouped(value: Int, text: String) {
        #expect(ProgressLine.grouped(value) == text)
    }
}
