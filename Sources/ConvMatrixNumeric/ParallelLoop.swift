#if canImport(Glibc)
    import Glibc
#else
    import Dispatch
#endif

/// Runs the iterations of a loop on the machine's cores, the caller's thread included.
///
/// On Linux this starts POSIX threads itself rather than using `Dispatch`: linking libdispatch
/// costs every run of `convmatrix` about 0.2 ms of start-up (its initialisers run whether or
/// not a command computes anything in parallel), and the two loops that use this — output
/// channels of the direct convolution, row blocks of the sparse products — need nothing more
/// than a fork and a join. Elsewhere `Dispatch` is part of the system and is used as is.
enum ParallelLoop {
    /// Calls `body(i)` once for every `i` in `0..<iterations`, on up to as many threads as
    /// there are cores, and returns when all calls have returned. Thread `w` of `W` takes the
    /// iterations `w, w + W, w + 2W, …`; `body` must be safe to call concurrently (callers write
    /// disjoint memory). When a thread cannot be started, its share runs on the caller's thread.
    static func forEach(iterations: Int, _ body: (Int) -> Void) {
        #if canImport(Glibc)
            let cores = max(1, sysconf(Int32(_SC_NPROCESSORS_ONLN)))
            let workers = min(iterations, cores)
            if workers <= 1 {
                for i in 0..<iterations { body(i) }
                return
            }
            withoutActuallyEscaping(body) { body in
                let share = { (worker: Int) in
                    for i in stride(from: worker, to: iterations, by: workers) { body(i) }
                }
                var threads: [pthread_t] = []
                for worker in 1..<workers {
                    let context = Unmanaged.passRetained(Share { share(worker) }).toOpaque()
                    var thread = pthread_t()
                    let started = pthread_create(
                        &thread, nil,
                        { raw in
                            if let raw {
                                Unmanaged<Share>.fromOpaque(raw).takeRetainedValue().run()
                            }
                            return nil
                        }, context)
                    if started == 0 {
                        threads.append(thread)
                    } else {
                        Unmanaged<Share>.fromOpaque(context).release()
                        share(worker)
                    }
                }
                share(0)
                for thread in threads { pthread_join(thread, nil) }
            }
        #else
            DispatchQueue.concurrentPerform(iterations: iterations, execute: body)
        #endif
    }
}

#if canImport(Glibc)
    /// One thread's share of a ``ParallelLoop``, handed to `pthread_create` as its argument. The
    /// loop joins every thread before `body` goes out of scope, which is why sharing is sound.
    private final class Share: @unchecked Sendable {
        let run: () -> Void
        init(_ run: @escaping () -> Void) { self.run = run }
    }
#endif
