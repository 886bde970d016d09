// The ConvMatrix benchmark: `swift run -c release convmatrix-bench [--json FILE] [--only NAME]`.
//
// Each workload runs in a child process of its own (this executable with `--child NAME`), so
// that its peak memory (the child's maximum resident set) is its own. Times are the median of
// the workload's repeats, measured in-process with a monotonic clock after one warm-up run.
// `--only sweep` runs the size sweep of U's build alone.
//
// With `--hello HELLO` (a Foundation-free hello-world; tools/bench_all.sh builds one), whole
// processes are timed too (Startup.swift): the hello-worlds, `convmatrix shape`, and the two
// `convmatrix` processes of the MNIST workload, in interleaved rounds (`--only startup` runs
// these alone).
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

func peakResidentBytes() -> Int {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Int(usage.ru_maxrss) * 1024
}

/// User plus system time of this process so far, in seconds.
func cpuSeconds() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) * 1e-6
        + Double(usage.ru_stime.tv_sec) + Double(usage.ru_stime.tv_usec) * 1e-6
}

func seconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18
}

func runChild(_ name: String) -> Int32 {
    guard let workload = Workloads.all.first(where: { $0.name == name }) else {
        FileHandle.standardError.write(Data("unknown workload \(name)\n".utf8))
        return 2
    }
    do {
        let baseline = peakResidentBytes()
        var note = try workload.run()  // warm-up
        var times: [Double] = []
        var cpuTimes: [Double] = []
        let clock = ContinuousClock()
        for _ in 0..<workload.repeats {
            let start = clock.now
            let cpuStart = cpuSeconds()
            note = try workload.run()
            cpuTimes.append(cpuSeconds() - cpuStart)
            times.append(seconds(clock.now - start))
        }
        times.sort()
        cpuTimes.sort()
        var result: [String: Any] = [
            "workload": workload.name, "seconds": times[times.count / 2], "min_seconds": times[0],
            // CPU time of the process (all its threads), which waiting for a busy machine's
            // cores does not inflate.
            "cpu_seconds": cpuTimes[cpuTimes.count / 2],
            "peak_bytes": peakResidentBytes(), "baseline_bytes": baseline,
            "repeats": workload.repeats,
            "note": note,
        ]
        if let entries = workload.entries {
            // Per stored entry: the median time, and the memory the process grew by.
            result["entries"] = entries
            result["ns_per_entry"] = times[times.count / 2] * 1e9 / Double(entries)
            result["cpu_ns_per_entry"] = cpuTimes[cpuTimes.count / 2] * 1e9 / Double(entries)
            result["peak_bytes_per_entry"] =
                Double(peakResidentBytes() - baseline) / Double(entries)
        }
        let data = try JSONSerialization.data(withJSONObject: result, options: [.sortedKeys])
        print(String(decoding: data, as: UTF8.self))
        return 0
    } catch {
        FileHandle.standardError.write(Data("\(name): \(error)\n".utf8))
        return 1
    }
}

func format(seconds s: Double) -> String {
    s < 1e-3
        ? String(format: "%.1f µs", s * 1e6)
        : s < 1 ? String(format: "%.2f ms", s * 1e3) : String(format: "%.3f s", s)
}

let arguments = Array(CommandLine.arguments.dropFirst())
if arguments.count == 2 && arguments[0] == "--child" {
    exit(runChild(arguments[1]))
}
var jsonPath: String?
var only: String?
var hellos: [(String, String)] = []
var convmatrixPath =
    URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    .appendingPathComponent("convmatrix").path
var rounds = 200
var index = 0
while index < arguments.count {
    switch arguments[index] {
    case "--json" where index + 1 < arguments.count:
        jsonPath = arguments[index + 1]
        index += 2
    case "--only" where index + 1 < arguments.count:
        only = arguments[index + 1]
        index += 2
    case "--hello" where index + 1 < arguments.count:
        hellos.append(("hello", arguments[index + 1]))
        index += 2
    case "--hello-static" where index + 1 < arguments.count:
        hellos.append(("hello_static", arguments[index + 1]))
        index += 2
    case "--convmatrix" where index + 1 < arguments.count:
        convmatrixPath = arguments[index + 1]
        index += 2
    case "--rounds" where index + 1 < arguments.count && Int(arguments[index + 1]) != nil:
        rounds = max(1, Int(arguments[index + 1]) ?? 1)
        index += 2
    default:
        FileHandle.standardError.write(
            Data(
                """
                usage: convmatrix-bench [--json FILE] [--only WORKLOAD|startup]
                                        [--hello HELLO] [--hello-static HELLO] [--convmatrix PATH] [--rounds N]
                  --hello: a Foundation-free hello-world (tools/startup/hello.swift built with
                  swiftc -O); with it, whole-process times of convmatrix are compared with it.

                """.utf8))
        exit(2)
    }
}
#if DEBUG
    print("warning: a debug build; measure with `swift run -c release convmatrix-bench`")
#endif
var results: [[String: Any]] = []
print("workload              median time   peak memory  note")
for workload in Workloads.all
where only == nil || workload.name == only || only == "sweep" && workload.name.hasPrefix("sweep_") {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: CommandLine.arguments[0])
    process.arguments = ["--child", workload.name]
    let pipe = Pipe()
    process.standardOutput = pipe
    do {
        try process.run()
    } catch {
        print("\(workload.name): could not start: \(error)")
        continue
    }
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard process.terminationStatus == 0,
        let line = String(data: data, encoding: .utf8)?.split(separator: "\n").last,
        let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
        let time = object["seconds"] as? Double, let peak = object["peak_bytes"] as? Int
    else {
        print("\(workload.name): failed (status \(process.terminationStatus))")
        continue
    }
    results.append(object)
    let name = workload.name.padding(toLength: 20, withPad: " ", startingAt: 0)
    let timeText = format(seconds: time).padding(toLength: 12, withPad: " ", startingAt: 0)
    let memory = String(format: "%8.1f MiB", Double(peak) / 1_048_576)
    var note = object["note"] as? String ?? ""
    if let perEntry = object["ns_per_entry"] as? Double,
        let cpuPerEntry = object["cpu_ns_per_entry"] as? Double,
        let bytesPerEntry = object["peak_bytes_per_entry"] as? Double
    {
        note += String(
            format: "; per entry %.2f ns (CPU %.2f ns), %.2f B of peak", perEntry, cpuPerEntry,
            bytesPerEntry)
    }
    print("\(name)  \(timeText)  \(memory)  \(note)")
}
if !hellos.isEmpty && (only == nil || only == "startup") {
    // Whole processes, interleaved rounds: hello-worlds, convmatrix shape, the MNIST pair.
    print(
        "\nwhole-process times (median wall time of \(rounds) interleaved rounds, output to /dev/null)"
    )
    do {
        let startup = try StartupBenchmark.run(
            commands: StartupBenchmark.commands(convmatrix: convmatrixPath, hellos: hellos),
            rounds: rounds)
        for object in startup {
            let name = (object["workload"] as? String ?? "")
                .padding(toLength: 20, withPad: " ", startingAt: 0)
            let seconds = object["seconds"] as? Double ?? 0
            var note = object["note"] as? String ?? ""
            if let cpu = object["cpu_seconds"] as? Double {
                note = "CPU \(format(seconds: cpu)); " + note
            }
            for (key, value) in object.sorted(by: { $0.key < $1.key })
            where key.contains("ratio_to_") {
                let base = key.components(separatedBy: "ratio_to_").last ?? key
                let kind = key.hasPrefix("cpu_") ? "CPU" : "wall"
                note += String(format: "; %.2f× ", value as? Double ?? 0) + "\(base) (\(kind))"
            }
            print(
                "\(name)  \(format(seconds: seconds).padding(toLength: 12, withPad: " ", startingAt: 0))  \(note)"
            )
        }
        results += startup
    } catch {
        print("start-up benchmark failed: \(error)")
    }
}
let json =
    (try? JSONSerialization.data(withJSONObject: results, options: [.sortedKeys]))
    ?? Data("[]".utf8)
print(String(decoding: json, as: UTF8.self))
if let jsonPath {
    do {
        try json.write(to: URL(fileURLWithPath: jsonPath))
    } catch {
        FileHandle.standardError.write(
            Data("convmatrix-bench: cannot write \(jsonPath): \(error.localizedDescription)\n".utf8)
        )
        exit(1)
    }
}
