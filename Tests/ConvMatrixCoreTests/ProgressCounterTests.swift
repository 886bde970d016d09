import ConvMatrixCore
import Testing

/// ``ProgressCounter``: the library's count of a long activity reaches its sink as at most about
/// a thousand reports, from 0 done to all done, whatever the number of units.
@Suite("Progress counter")
struct ProgressCounterTests {
    /// A sink that keeps every report.
    final class Recorder: @unchecked Sendable {
        var reports: [ProgressReport] = []
        var sink: ProgressSink { ProgressSink { self.reports.append($0) } }
    }

    @Test(
        "from 0 to total, in order, at most about a thousand reports",
        arguments: [1, 7, 999, 1000, 1001, 150_528, 2_000_003])
    func reports(total: Int) {
        let recorder = Recorder()
        var counter = recorder.sink.counter("writing", unit: "rows", total: total)
        for _ in 0..<total { counter.advance() }
        counter.finish()
        let reports = recorder.reports
        #expect(reports.first?.done == 0)
        #expect(reports.last?.isFinished == true)
        #expect(reports.filter(\.isFinished).count == 1)
        #expect(reports.count <= 1010)
        #expect(zip(reports, reports.dropFirst()).allSatisfy { $0.done < $1.done })
        #expect(reports.allSatisfy { $0.total == total && $0.activity == "writing" })
    }

    @Test("finishing early counts every unit as done, once")
    func finishEarly() {
        let recorder = Recorder()
        var counter = recorder.sink.counter("encoding", unit: "frames", total: 10)
        counter.advance(by: 3)
        counter.finish()
        counter.finish()
        #expect(recorder.reports.map(\.done) == [0, 3, 10])
    }

    @Test("the silent sink receives nothing and the counter still counts")
    func silent() {
        var counter = ProgressSink.silent.counter("writing", unit: "rows", total: 5)
        counter.advance(by: 2)
        #expect(counter.done == 2)
        #expect(ProgressSink.silent.isSilent)
    }

    @Test("a report clamps its counts: total at least 1, done within 0…total")
    func clamped() {
        #expect(ProgressReport(activity: "a", unit: "u", done: 5, total: 0).done == 1)
        #expect(ProgressReport(activity: "a", unit: "u", done: -1, total: 4).done == 0)
        #expect(ProgressReport(activity: "a", unit: "u", done: 9, total: 4).isFinished)
    }
}
