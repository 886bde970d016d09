import ConvMatrix

/// The one line of progress on standard error while a long command works:
///
///     writing Matrix Market: 41,216/150,528 rows (27%), about 6 s left
///
/// redrawn in place (a carriage return starts each drawing) and erased when the command ends
/// (``end()``), so the terminal is left as it was. One activity after another (the sweeps of an
/// SVD, then an exact rank) goes on in the same line, without a new wait. It is drawn only when standard error is a
/// terminal, without `--quiet`, and only for work that will take more than about a second:
/// nothing shows until ``delay`` has passed and the estimate of the whole activity reaches
/// ``longWork``. It is redrawn at most every ``interval`` (ten times a second), so that
/// watching costs nothing measurable. It never touches standard output.
///
/// Time left is the time so far scaled by the work left: `elapsed · (total − done) / done`,
/// which assumes the units take equally long (rows of U do, frames of a GIF nearly do).
///
/// Reports come from the one thread that does the work (``ProgressSink``), which is why this
/// class, shared through the sink's closure, needs no lock.
final class ProgressLine: @unchecked Sendable {
    /// Seconds before anything is drawn.
    static let delay = 0.5
    /// The estimated length of an activity, in seconds, from which it is shown.
    static let longWork = 1.0
    /// The shortest time between two drawings, in seconds.
    static let interval = 0.1

    private let console: Console
    private let enabled: Bool
    /// When the current activity started, and its name.
    private var started: (activity: String, at: Double)?
    /// When the line was last drawn, and how many characters it had (0: nothing on screen).
    private var lastDrawn = -Double.infinity
    private var shownWidth = 0

    /// A line on `console`'s standard error; silent when that is not a terminal or `quiet`.
    init(console: Console, quiet: Bool) {
        self.console = console
        enabled = console.errorIsTerminal && !quiet
    }

    /// Where the library reports: ``ProgressSink/silent`` when nothing would be drawn.
    var sink: ProgressSink {
        guard enabled else { return .silent }
        return ProgressSink { [self] report in self.receive(report) }
    }

    /// Takes one report: starts the clock of a new activity, or redraws.
    func receive(_ report: ProgressReport) {
        guard enabled else { return }
        let now = console.seconds()
        // A new activity restarts the clock; a line already showing goes on showing it (one
        // activity after another, such as the sweeps of an SVD, is one wait for the user).
        if started?.activity != report.activity { started = (report.activity, now) }
        // A finished activity leaves its line until the next one draws or the command ends.
        if report.isFinished {
            started = nil
            return
        }
        guard let start = started?.at, now - lastDrawn >= Self.interval else { return }
        let elapsed = now - start
        guard elapsed >= Self.delay || shownWidth > 0 else { return }
        let left = Self.secondsLeft(elapsed: elapsed, done: report.done, total: report.total)
        // Shown once the whole activity looks long; once shown, it stays until it finishes.
        guard shownWidth > 0 || (left.map { elapsed + $0 >= Self.longWork } ?? true) else {
            return
        }
        draw(Self.text(report, secondsLeft: left))
        lastDrawn = now
    }

    /// Erases the line if one is showing (the end of a command, whatever happened).
    func end() {
        erase()
        started = nil
    }

    private func draw(_ text: String) {
        let width = text.count
        let padding = String(repeating: " ", count: max(0, shownWidth - width))
        console.writeError("\r" + text + padding)
        shownWidth = width
    }

    private func erase() {
        guard shownWidth > 0 else { return }
        console.writeError("\r" + String(repeating: " ", count: shownWidth) + "\r")
        shownWidth = 0
        lastDrawn = -Double.infinity
    }

    /// The time left at the rate so far, or nil before anything is done.
    static func secondsLeft(elapsed: Double, done: Int, total: Int) -> Double? {
        guard done > 0 else { return nil }
        return elapsed * Double(total - done) / Double(done)
    }

    /// `writing Matrix Market: 41,216/150,528 rows (27%), about 6 s left`.
    static func text(_ report: ProgressReport, secondsLeft: Double?) -> String {
        let percent = report.done * 100 / report.total
        let counts =
            "\(grouped(report.done))/\(grouped(report.total)) \(report.unit) (\(percent)%)"
        let left = secondsLeft.map { ", \(duration($0)) left" } ?? ""
        return "\(report.activity): \(counts)\(left)"
    }

    /// A time left as people say it: `about 6 s`, `about 2 min 5 s`, `about 1 h 20 min`;
    /// under a second, `under 1 s`.
    static func duration(_ seconds: Double) -> String {
        guard seconds >= 1 else { return "under 1 s" }
        let whole = seconds < Double(Int.max / 2) ? Int(seconds.rounded()) : Int.max / 2
        if whole < 60 { return "about \(whole) s" }
        if whole < 3600 {
            let seconds = whole % 60
            return "about \(whole / 60) min" + (seconds == 0 ? "" : " \(seconds) s")
        }
        let minutes = whole / 60 % 60
        return "about \(whole / 3600) h" + (minutes == 0 ? "" : " \(minutes) min")
    }

    /// `150528` as `150,528`.
    static func grouped(_ value: Int) -> String {
        let digits = Array(String(value.magnitude))
        var text = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { text.append(",") }
            text.append(digit)
        }
        return (value < 0 ? "-" : "") + text
    }
}
