// Whole-process timings: how long a user waits for `convmatrix`, start-up included, against a
// Foundation-free hello-world built by the same toolchain.
#if canImport(Glibc)
    import Glibc
#endif

/// A command run as its own process, output and errors to /dev/null.
struct TimedCommand {
    let name: String
    let executable: String
    let arguments: [String]

    /// Runs the command once; returns its wall time and its CPU time (user + system, from
    /// `wait4`) in seconds, or nil when it could not start or did not exit with status 0.
    func run() -> (wall: Double, cpu: Double)? {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        // Standard output and standard error both to /dev/null (unroll warns on stderr about
        // SymPy-style LaTeX lines too long for pdflatex).
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var start = timespec()
        clock_gettime(CLOCK_MONOTONIC, &start)
        var pid: pid_t = 0
        guard posix_spawn(&pid, executable, &actions, nil, argv, environ) == 0 else { return nil }
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) < 0 && errno == EINTR {}
        var end = timespec()
        clock_gettime(CLOCK_MONOTONIC, &end)
        // Exited normally (low 7 bits 0) with status 0.
        guard status & 0x7F == 0, (status >> 8) & 0xFF == 0 else { return nil }
        func seconds(_ t: timeval) -> Double { Double(t.tv_sec) + Double(t.tv_usec) * 1e-6 }
        return (
            Double(end.tv_sec - start.tv_sec) + Double(end.tv_nsec - start.tv_nsec) * 1e-9,
            seconds(usage.ru_utime) + seconds(usage.ru_stime)
        )
    }
}

/// The start-up comparison: every command run once per round, rounds interleaved so that a
/// change in the machine's load touches all of them alike; medians over the rounds.
enum StartupBenchmark {
    static let mnistArguments = [
        "--input", "28x28", "--kernel", "5x5", "--format", "latex", "--latex-style", "sympy",
    ]

    /// The commands: the hello-worlds given, `convmatrix shape` of the 5×5/3×3 example, and the
    /// two processes of the MNIST workload as a user runs it.
    static func commands(convmatrix: String, hellos: [(String, String)]) -> [TimedCommand] {
        hellos.map { TimedCommand(name: $0.0, executable: $0.1, arguments: []) } + [
            TimedCommand(
                name: "startup_shape", executable: convmatrix,
                arguments: ["shape", "--input", "5x5", "--kernel", "3x3"]),
            TimedCommand(
                name: "mnist_cli_unroll", executable: convmatrix,
                arguments: ["unroll"] + mnistArguments),
            TimedCommand(
                name: "mnist_cli_apply", executable: convmatrix,
                arguments: ["apply", "--transpose"] + mnistArguments),
        ]
    }

    /// Runs `rounds` rounds after `warmup` unmeasured ones; returns one JSON object per command
    /// and one for the MNIST pair (`mnist_cli`: per round the sum of its two processes), with
    /// ratios to every hello-world. `seconds` is the median wall time; `cpu_seconds` the median
    /// CPU time, which waiting for a busy machine's cores does not inflate.
    static func run(commands: [TimedCommand], rounds: Int, warmup: Int = 5) throws
        -> [[String: Any]]
    {
        var wall = [[Double]](repeating: [], count: commands.count)
        var cpu = [[Double]](repeating: [], count: commands.count)
        for round in 0..<(warmup + rounds) {
            for (index, command) in commands.enumerated() {
                guard let times = command.run() else {
                    throw BenchmarkFailure(
                        "\(command.executable) \(command.arguments.joined(separator: " ")) failed")
                }
                if round >= warmup {
                    wall[index].append(times.wall)
                    cpu[index].append(times.cpu)
                }
            }
        }
        func median(_ values: [Double]) -> Double { values.sorted()[values.count / 2] }
        var results: [[String: Any]] = []
        for (index, command) in commands.enumerated() {
            results.append([
                "workload": command.name, "seconds": median(wall[index]),
                "min_seconds": wall[index].min() ?? 0, "cpu_seconds": median(cpu[index]),
                "repeats": rounds, "kind": "process",
                "note": ([command.executable] + command.arguments).joined(separator: " "),
            ])
        }
        if let unroll = commands.firstIndex(where: { $0.name == "mnist_cli_unroll" }),
            let apply = commands.firstIndex(where: { $0.name == "mnist_cli_apply" })
        {
            let pairs = zip(wall[unroll], wall[apply]).map { $0 + $1 }
            let cpuPairs = zip(cpu[unroll], cpu[apply]).map { $0 + $1 }
            results.append([
                "workload": "mnist_cli", "seconds": median(pairs), "min_seconds": pairs.min() ?? 0,
                "cpu_seconds": median(cpuPairs), "repeats": rounds, "kind": "process",
                "note":
                    "two processes: unroll and apply --transpose, 28×28, 5×5, SymPy-style LaTeX",
            ])
        }
        // convmatrix shape against every hello-world, as ratios of medians (wall and CPU).
        if let shapeIndex = commands.firstIndex(where: { $0.name == "startup_shape" }) {
            let shape = median(wall[shapeIndex])
            let shapeCPU = median(cpu[shapeIndex])
            for (index, command) in commands.enumerated() where command.name.hasPrefix("hello") {
                results[shapeIndex]["ratio_to_\(command.name)"] = shape / median(wall[index])
                results[shapeIndex]["cpu_ratio_to_\(command.name)"] =
                    shapeCPU / median(cpu[index])
            }
        }
        return results
    }
}
