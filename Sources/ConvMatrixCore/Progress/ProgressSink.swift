/// How far a long computation has got: `done` of `total` units (`rows`, `frames`) of an
/// activity (`writing Matrix Market`).
public struct ProgressReport: Sendable, Equatable {
    /// What is being done, in a few lowercase words (`writing Matrix Market`).
    public let activity: String
    /// What is counted, plural (`rows`).
    public let unit: String
    /// Units finished, `0…total`.
    public let done: Int
    /// Units in all, at least 1.
    public let total: Int

    /// Creates a report; `done` is clamped to `0…total` and `total` to at least 1.
    public init(activity: String, unit: String, done: Int, total: Int) {
        self.activity = activity
        self.unit = unit
        self.total = max(1, total)
        self.done = min(max(0, done), self.total)
    }

    /// Whether every unit is done: the last report of an activity.
    public var isFinished: Bool { done == total }
}

/// Where a long computation reports its progress.
///
/// The library counts and reports; whoever made the sink decides what, if anything, to show
/// (the command line draws one line on a terminal, docs/command-line.md). The library knows
/// nothing of terminals or clocks, so a report costs a call and nothing more, and
/// ``ProgressCounter`` makes at most about a thousand reports per activity however many units
/// it counts. Reports come from the thread that does the work, never from inside a parallel
/// loop.
public struct ProgressSink: Sendable {
    private let receive: (@Sendable (ProgressReport) -> Void)?

    /// A sink that hands every report to `receive`.
    public init(_ receive: @escaping @Sendable (ProgressReport) -> Void) {
        self.receive = receive
    }

    private init() { receive = nil }

    /// The sink that drops every report: the default of every function that reports.
    public static let silent = ProgressSink()

    /// Whether reports go nowhere (a caller may then skip counting).
    public var isSilent: Bool { receive == nil }

    /// Hands `report` to the receiver.
    public func report(_ report: ProgressReport) { receive?(report) }

    /// A counter for an activity of `total` units, reporting here.
    public func counter(_ activity: String, unit: String, total: Int) -> ProgressCounter {
        ProgressCounter(activity: activity, unit: unit, total: total, sink: self)
    }
}
