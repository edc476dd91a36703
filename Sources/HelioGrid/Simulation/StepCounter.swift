import Synchronization

/// How many steps of a run are done, for a progress bar: the engine updates the counter bound to
/// the current task (``current``) as it goes, every 256 steps and at the end, so a caller can show
/// the progress of one long run (an MPC year re-planned every hour) without the engine knowing who
/// is watching.
public final class StepCounter: Sendable {
    /// The counter the engine updates, bound by the caller with `StepCounter.$current.withValue(counter) { … }`.
    @TaskLocal public static var current: StepCounter?

    private let done = Atomic<Int>(0)

    /// A counter at zero.
    public init() {}

    /// Steps done.
    public var value: Int { done.load(ordering: .relaxed) }

    /// Records that `steps` are done.
    public func set(_ steps: Int) { done.store(steps, ordering: .relaxed) }
}
