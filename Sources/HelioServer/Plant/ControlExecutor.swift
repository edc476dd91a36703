import Foundation
import Synchronization

/// A serial executor on a thread of its own, for the control loop and the plant it drives: their
/// work never waits for a thread of Swift's cooperative pool, which request handlers may keep busy
/// (decoding, encoding, database reads). The thread runs the jobs enqueued, in order, and ends
/// once the executor is released.
///
/// On a machine whose CPUs are saturated a thread of its own still takes its turn with every other
/// runnable thread. With `realtime` the thread asks Linux for the round-robin real-time policy
/// (`SCHED_RR`, priority ``realtimePriority``; root or `CAP_SYS_NICE`), which runs it ahead of every
/// normal thread, as industrial controllers run their control task; the kernel's real-time
/// throttling still leaves the rest of the machine 5 % of each second.
public final class ControlExecutor: SerialExecutor, Sendable {
    /// The jobs waiting to run, shared with the thread.
    private final class Waiting: Sendable {
        let jobs = Mutex<(waiting: [UnownedJob], stopped: Bool)>(([], false))
        let wake = DispatchSemaphore(value: 0)
        let realtime = Atomic(false)
    }

    private let waiting = Waiting()
    /// The real-time priority asked for (1–99; low, as a control task beside the kernel's own).
    public static let realtimePriority: Int32 = 10
    /// Whether the thread runs under the real-time policy.
    public var isRealtime: Bool { waiting.realtime.load(ordering: .relaxed) }

    /// Starts the executor's thread, named `name` (as `top -H` and debuggers show it), under the
    /// real-time policy if `realtime` and the process may.
    public init(name: String = "heliogrid-control", realtime: Bool = false) {
        let waiting = self.waiting
        let started = DispatchSemaphore(value: 0)
        let thread = Thread { [weak self] in
            if realtime {
                var parameters = sched_param()
                parameters.sched_priority = Self.realtimePriority
                waiting.realtime.store(pthread_setschedparam(pthread_self(), Int32(SCHED_RR), &parameters) == 0, ordering: .relaxed)
            }
            started.signal()
            while true {
                waiting.wake.wait()
                let (batch, stopped) = waiting.jobs.withLock { state in
                    defer { state.waiting.removeAll(keepingCapacity: true) }
                    return (state.waiting, state.stopped)
                }
                if batch.isEmpty && stopped { return }
                // A job's actor holds its executor, so `self` is alive while a job waits.
                guard let executor = self?.asUnownedSerialExecutor() else { return }
                for job in batch { job.runSynchronously(on: executor) }
            }
        }
        thread.name = name
        thread.qualityOfService = .userInteractive
        thread.start()
        started.wait()
    }

    deinit {
        waiting.jobs.withLock { $0.stopped = true }
        waiting.wake.signal()
    }

    public func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        waiting.jobs.withLock { $0.waiting.append(job) }
        waiting.wake.signal()
    }

    public func asUnownedSerialExecutor() -> UnownedSerialExecutor {
        UnownedSerialExecutor(ordinary: self)
    }
}
