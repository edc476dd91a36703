import Foundation
import Synchronization

/// A serial executor on a thread of its own, for the control loop and the plant it drives: their
/// work never waits for a thread of Swift's cooperative pool, which request handlers may keep busy
/// (decoding, encoding, database reads). The thread runs the jobs enqueued, in order, and ends
/// once the executor is released.
public final class ControlExecutor: SerialExecutor, Sendable {
    /// The jobs waiting to run, shared with the thread.
    private final class Waiting: Sendable {
        let jobs = Mutex<(waiting: [UnownedJob], stopped: Bool)>(([], false))
        let wake = DispatchSemaphore(value: 0)
    }

    private let waiting = Waiting()

    /// Starts the executor's thread, named `name` (as `top -H` and debuggers show it).
    public init(name: String = "heliogrid-control") {
        let waiting = self.waiting
        let thread = Thread { [weak self] in
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
