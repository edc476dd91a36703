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
///
/// The same thread also serves as a task executor (``taskExecutor``): tasks that prefer it — the
/// Modbus session's connection and its timer, which are not isolated to the plant's actor — run
/// there too, so a control interval's reads and writes never wait for the cooperative pool either.
public final class ControlExecutor: SerialExecutor, Sendable {
    /// The jobs waiting to run, shared with the thread, each marked when it came through the task
    /// executor (a task preferring the thread) rather than as an actor's job.
    fileprivate final class Waiting: Sendable {
        let jobs = Mutex<(waiting: [(job: UnownedJob, task: Bool)], stopped: Bool)>(([], false))
        let wake = DispatchSemaphore(value: 0)
        let realtime = Atomic(false)

        func append(_ job: UnownedJob, task: Bool) {
            jobs.withLock { $0.waiting.append((job, task)) }
            wake.signal()
        }
    }

    /// The thread as a task executor: a task run with it as its preference
    /// (`withTaskExecutorPreference`) has its nonisolated work run on the control thread.
    public final class Tasks: TaskExecutor, Sendable {
        fileprivate let waiting: Waiting

        fileprivate init(_ waiting: Waiting) { self.waiting = waiting }

        public func enqueue(_ job: consuming ExecutorJob) {
            waiting.append(UnownedJob(job), task: true)
        }
    }

    private let waiting = Waiting()
    /// This executor's thread as a task executor.
    public let taskExecutor: Tasks
    /// The real-time priority asked for (1–99; low, as a control task beside the kernel's own).
    public static let realtimePriority: Int32 = 10
    /// Whether the thread runs under the real-time policy.
    public var isRealtime: Bool { waiting.realtime.load(ordering: .relaxed) }

    /// Starts the executor's thread, named `name` (as `top -H` and debuggers show it), under the
    /// real-time policy if `realtime` and the process may.
    public init(name: String = "heliogrid-control", realtime: Bool = false) {
        let waiting = self.waiting
        let tasks = Tasks(waiting)
        taskExecutor = tasks
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
                for (job, task) in batch {
                    if task { job.runSynchronously(on: tasks.asUnownedTaskExecutor()) } else { job.runSynchronously(on: executor) }
                }
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
        waiting.append(UnownedJob(job), task: false)
    }

    public func asUnownedSerialExecutor() -> UnownedSerialExecutor {
        UnownedSerialExecutor(ordinary: self)
    }
}
