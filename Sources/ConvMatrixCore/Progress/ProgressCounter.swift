/// Counts the units of one activity and reports to a ``ProgressSink`` every thousandth of the
/// way (every unit when there are fewer than a thousand), so that a loop of 10⁸ iterations
/// makes about a thousand reports: advancing is an addition and a comparison.
///
/// ```swift
/// var progress = sink.counter("writing Matrix Market", unit: "rows", total: rows)
/// for r in 0..<rows {
///     …
///     progress.advance()
/// }
/// progress.finish()
/// ```
public struct ProgressCounter {
    /// What is being done.
    public let activity: String
    /// What is counted.
    public let unit: String
    /// Units in all (at least 1).
    public let total: Int
    /// Units done so far.
    public private(set) var done = 0
    private let sink: ProgressSink
    /// Units between two reports: a thousandth of ``total``, at least 1.
    private let step: Int
    /// The count at which the next report is made (never, once finished or when silent).
    private var nextReport: Int

    /// Starts counting, and reports that nothing is done yet (the watcher's clock starts).
    init(activity: String, unit: String, total: Int, sink: ProgressSink) {
        self.activity = activity
        self.unit = unit
        self.total = max(1, total)
        self.sink = sink
        step = max(1, self.total / 1000)
        nextReport = Int.max
        report()
    }

    /// Counts `units` more done, reporting when a step is crossed.
    public mutating func advance(by units: Int = 1) {
        done += units
        if done >= nextReport { report() }
    }

    /// Counts every unit as done and reports it, once: the watcher's cue that the activity is
    /// over. Finishing twice reports once.
    public mutating func finish() {
        guard nextReport != Int.max || done < total else { return }
        done = total
        report()
    }

    private mutating func report() {
        guard !sink.isSilent else { return }
        let report = ProgressReport(activity: activity, unit: unit, done: done, total: total)
        sink.report(report)
        nextReport = report.isFinished ? Int.max : min(total, done + step)
    }
}
