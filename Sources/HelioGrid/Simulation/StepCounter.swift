import Synchronization

/// How many steps of a run, or of several runs one after another, are done, for a progress bar:
/// the engine (and the transient model) updates the counter bound to the current task
/// (``current``) as it goes, every 256 steps and at each run's end, so a caller can show the
/// progress of long runs (an MPC year re-planned every hour, a comparison's plants) without the
/// engines knowing who is watching.
public final class StepCounter: Sendable {
    /// The counter the engines update, bound by the caller with `StepCounter.$current.withValue(counter) { … }`.
    @TaskLocal public static var current: StepCounter?

    /// Steps of the runs that ended.
    private let finished = Atomic<Int>(0)
    /// `finished` plus the steps of the run under way: the one value readers load.
    private let done = Atomic<Int>(0)
    /// What the run does before its steps, when that takes a while (``begin(phase:)``).
    private let phaseName = Mutex<String?>(nil)

    /// A counter at zero.
    public init() {}

    /// Steps done, over every run so far.
    public var value: Int { done.load(ordering: .relaxed) }

    /// Records that `steps` of the run under way are done.
    public func set(_ steps: Int) { done.store(finished.load(ordering: .relaxed) + steps, ordering: .relaxed) }

    /// What the run under way is doing before it steps, e.g. solving the optimal dispatch's LP; `nil` while it steps.
    public var phase: String? { phaseName.withLock { $0 } }

    /// Names what the run does until its steps begin (`nil` when they do).
    public func begin(phase: String?) { phaseName.withLock { $0 = phase } }

    /// Records that the run under way ended after `steps`; the next run counts on from there.
    public func endRun(_ steps: Int) {
        let total = finished.add(steps, ordering: .relaxed).newValue
        done.store(total, ordering: .relaxed)
    }
}
